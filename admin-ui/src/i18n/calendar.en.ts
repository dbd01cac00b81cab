// Phrases of the office's own settings: the working-day calendar, the policy parameters and the batch intake forms.
export const calendarEn = {
  app: {
    menu: {
      calendar: 'Working calendar',
      policy: 'Policy parameters',
    },
    calendar: {
      title: 'Working calendar',
      year: 'Year %{year}',
      previous_year: 'Previous year',
      next_year: 'Next year',
      working: 'Working day',
      off: 'Day off',
      package_gap:
        'The built-in national calendar ends in 2026: until you enter the State Council’s %{year} holidays and swapped working weekends (national), every weekday of %{year} counts as a working day.',
      scope: {
        label: 'Which schedule you edit',
        national: 'National schedule',
        local: 'Our closures',
        help_national:
          'National: the State Council’s holidays and swapped working weekends (调休), for every jurisdiction. Click a day to enter it.',
        help_local:
          'Our closures: days our jurisdiction does not work (a county closure also applies to its townships). Click a day to enter it.',
      },
      source: {
        package: 'built-in national calendar',
        national: 'national entry',
        county: 'county closure',
        local: 'our entry',
      },
      legend: {
        working: 'working',
        off: 'holiday / weekend',
        swapped: 'weekend worked (调休)',
        closure: 'local closure',
        entered: 'Dashed: entered by an office',
      },
      weekday: { '0': 'Su', '1': 'Mo', '2': 'Tu', '3': 'We', '4': 'Th', '5': 'Fr', '6': 'Sa' },
      month: {
        '1': 'January',
        '2': 'February',
        '3': 'March',
        '4': 'April',
        '5': 'May',
        '6': 'June',
        '7': 'July',
        '8': 'August',
        '9': 'September',
        '10': 'October',
        '11': 'November',
        '12': 'December',
      },
      day: {
        title: '%{day} — %{scope}',
        now_working: 'Now a working day',
        now_off: 'Now a day off',
        working: 'This day is',
        holiday: 'A holiday (not worked)',
        closure: 'Closed (not worked)',
        workday: 'Worked (e.g. a swapped weekend, 调休上班)',
        reason: 'Reason',
        reason_helper: 'e.g. 国庆节, 国庆调休上班, 县城防汛闭馆',
        save: 'Save day',
        clear: 'Remove entry',
        saved:
          'Day saved; %{smart_count} running deadline moved |||| Day saved; %{smart_count} running deadlines moved',
        cleared:
          'Entry removed; %{smart_count} running deadline moved |||| Entry removed; %{smart_count} running deadlines moved',
      },
      affected: {
        title: 'Running deadlines moved by the last change',
        none: 'No running deadline moved.',
        none_pending: 'This change moves no running deadline.',
        pending:
          'This change moves %{smart_count} running deadline; its workflow will recount it |||| This change moves %{smart_count} running deadlines; their workflows will recount them',
        moved:
          '%{smart_count} running deadline moved; its workflow was told and recounts it |||| %{smart_count} running deadlines moved; their workflows were told and recount them',
        what: 'Deadline',
        was: 'Ended',
        becomes: 'Now ends',
        kind: { publicity: 'publicity', task: 'task' },
      },
      preview: {
        title: 'Preview a working-day period',
        from: 'Starting on',
        working_days: 'Working days',
        submit: 'Preview',
        result_label: 'Preview result',
        result: '%{workingDays} working days from %{from} end on %{lastDay} (deadline %{dueAt}).',
        stale: 'The calendar has changed since: preview again.',
      },
    },
    policy: {
      title: 'Policy parameters',
      jurisdiction: 'Jurisdiction',
      applies:
        'A batch keeps the policy it opened with: a change applies to batches opened after it, not to batches already running.',
      save: 'Save policy',
      saved: 'Policy of %{name} saved; it applies to batches opened from now on',
      groups: {
        screening: 'Collection and screening',
        publicity: 'Candidate publicity and approval',
        vote: 'Vote and result publicity',
        reports: 'Reports to the standing committee',
        implementation: 'Implementation and warnings',
        supervision: 'Supervision',
        rating: 'Rating and consequences',
      },
      choices: {
        entitled: 'All deputies entitled',
        present: 'Deputies present',
        validBallots: 'Valid ballots',
        twoThirds: 'Satisfied above 2/3, unsatisfied above 1/2',
        eightyPercent: 'Approval below 80% means rectification',
      },
      fields: {
        batch: {
          screeningWeights: {
            publicSupport: 'Weight: public support (%)',
            fundingFeasibility: 'Weight: funding feasibility (%)',
            socialBenefit: 'Weight: social benefit (%)',
            implementationDifficulty: 'Weight: implementation difficulty (%)',
          },
          proposerFeedbackWorkingDays: 'Answer to proposers not taken (working days)',
          candidatePublicityWorkingDays: 'Candidate publicity (working days)',
          approvalStepWorkingDays: 'Each approval step (working days)',
          partyCommitteeReviewsTownshipList: 'Township/street: the party committee reviews the list',
          election: {
            competitionPercent: 'Competition: candidates above seats (%)',
            majorityBase: '“More than half” is counted of',
            overApprovalInvalidates: 'A ballot approving more than the seats is invalid',
          },
          scrutineers: 'Scrutineers (监票人)',
          tellers: 'Tellers (计票人)',
          resultPublicityWorkingDays: 'Result publicity (working days)',
          reportDueDays: 'Government report due (days)',
          hearingDueDays: 'Hearing by the standing committee (days)',
          outcomeOnlyBelow: 'Publish only the outcome below this many participants',
          ratingRule: 'Rating rule',
        },
        project: {
          progressReportEveryDays: 'Progress report every (days)',
          progressReportDueWorkingDays: 'Progress report due (working days)',
          supervisionEveryDays: 'Supervision every (days)',
          evaluationEveryMonths: 'Evaluation every (months)',
          warning: {
            blueLagPoints: 'Blue warning at lag (points)',
            yellowLagPoints: 'Yellow warning at lag (points)',
            redLagPoints: 'Red warning at lag (points)',
            nearDeadlineDays: 'Near the deadline (days)',
          },
          supervisionGroup: { min: 'Supervision group: at least', max: 'Supervision group: at most' },
          findingResponseWorkingDays: 'Answer to a finding (working days)',
          explanationDueDays: 'Explanation to the standing committee (days)',
          rectificationMonths: 'Rectification after 不满意 (months)',
          reRatingDueDays: 'Re-rating (days)',
          postEvaluationAfterMonths: 'Post-evaluation after use (months)',
          lookBackSuggestionDueWorkingDays: 'Look-back suggestion rectified (working days)',
        },
      },
      rules: {
        batch: {
          screeningWeights: {
            publicSupport: 'docs/domain.md, "Screening" [S3]: public support 40%; the four weights add up to 100.',
            fundingFeasibility: 'docs/domain.md [S3]: funding feasibility 30%.',
            socialBenefit: 'docs/domain.md [S3]: social benefit 20%.',
            implementationDifficulty: 'docs/domain.md [S3]: implementation difficulty 10%.',
          },
          proposerFeedbackWorkingDays:
            'docs/domain.md, "Screening" [S1]: every proposer not taken is told why; the number is ours (10).',
          candidatePublicityWorkingDays:
            'docs/domain.md, "Candidate publicity" [S3]: published for at least 7 working days. Floor: no less than 7.',
          approvalStepWorkingDays: 'docs/domain.md [S0] sets the steps; the number is ours (10).',
          partyCommitteeReviewsTownshipList:
            'docs/domain.md, "Levels": a township or street chain has no party-committee step unless this adds one ([S1]: 乡镇党委专题会议). A county\'s chain always has it.',
          election: {
            competitionPercent:
              'docs/domain.md, "Vote" [S3]: candidates exceed seats by at least 20%. Floor: no less than 20.',
            majorityBase:
              'docs/domain.md, "Vote" [S1]: elected with more than half approving; default deputies present.',
            overApprovalInvalidates: 'Local practice, not in the sources.',
          },
          scrutineers: 'docs/domain.md, "Vote" [S3]: 3 scrutineers.',
          tellers: 'docs/domain.md, "Vote" [S3]: 2 tellers.',
          resultPublicityWorkingDays:
            'docs/domain.md, "Result publicity" [S3]: results published for at least 5 working days. Floor: no less than 5.',
          reportDueDays: 'docs/domain.md, "Reports" [S0]: half-year and year-end reports; the number is ours (30).',
          hearingDueDays: 'docs/domain.md [S0]: the standing committee hears them; the number is ours (30).',
          outcomeOnlyBelow:
            "Ours, not the sources': a vote or rating with fewer participants publishes its outcome, never counts that could name a person; a committee re-rating always does (10).",
          ratingRule:
            'docs/domain.md, "Rating" [S4]: satisfied above 2/3; docs/domain.md, "Rating" [S1], [S3]: approval below 80% ⇒ rectification.',
        },
        project: {
          progressReportEveryDays: 'docs/domain.md, "Cadence" [S0]: weekly supervision (周督导).',
          progressReportDueWorkingDays: 'The sources leave it open; ours (2).',
          supervisionEveryDays: 'docs/domain.md, "Cadence" [S0]: weekly supervision.',
          evaluationEveryMonths: 'docs/domain.md, "Cadence" [S0]: quarterly evaluation (季考评).',
          warning: {
            blueLagPoints:
              'docs/domain.md, "Progress warnings" [S0] names red / yellow / blue; the thresholds are ours.',
            yellowLagPoints: 'Ours (10).',
            redLagPoints: 'Ours (20).',
            nearDeadlineDays: 'Ours (30).',
          },
          supervisionGroup: {
            min: 'docs/domain.md [S4]: 3–5 deputies and resident representatives.',
            max: 'docs/domain.md [S4]: at most 5.',
          },
          findingResponseWorkingDays:
            'docs/domain.md, "Supervision" [S2]: each finding has a deadline (限期反馈); ours (10).',
          explanationDueDays:
            'docs/domain.md, "Consequences" [S0]: the unit head or vice county head explains; ours (30).',
          rectificationMonths:
            'docs/domain.md, "Consequences" [S4]: rectify and report within 3 months. Limit: no more than 3.',
          reRatingDueDays: 'docs/domain.md, "Rating" [S4]: standing committee members re-rate; ours (30).',
          postEvaluationAfterMonths:
            'docs/domain.md, "Post-evaluation" [S0]: after one year in use. Floor: no less than 12.',
          lookBackSuggestionDueWorkingDays:
            'docs/domain.md, "Post-evaluation" [S0]: look-back suggestions are rectified; ours (20).',
        },
      },
    },
    intake: {
      open_collections: 'Collecting suggestions now',
      title: 'Suggestions and funds',
      entry: {
        action_office: 'Enter a suggestion received offline',
        action_own: 'Submit a suggestion',
        help_office:
          'For a resident who called 12345, came to a liaison station, wrote a letter or was visited at home. Their contact is kept so they hear the outcome.',
        help_own: 'Your suggestion is recorded with you as its proposer.',
        channel: 'Received by',
        proposer_name: 'Proposer’s name',
        proposer_contact: 'Proposer’s phone or e-mail',
        proposer_contact_helper: 'They are told whether the suggestion was taken, and why',
        done: 'Suggestion recorded',
      },
      reserve: {
        action: 'Import from the reserve library',
        help: 'Reserve-library items of earlier years join this batch with their proposers; each is imported once.',
        items: 'Reserve-library items',
        done: 'Reserve-library items imported',
      },
      fund_pool: {
        action: 'Set the fund pool',
        help: 'The year’s fund pool (资金池); it cannot be less than what projects already hold.',
        total: 'Total (yuan)',
        done: 'Fund pool set',
      },
    },
  },
};
