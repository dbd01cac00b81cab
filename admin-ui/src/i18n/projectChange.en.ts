// The committee's decisions on a project (docs/domain.md, "Changes and termination"): the project page's action.
export const projectChangeEn = {
  app: {
    project_change: {
      action: 'Record committee decision',
      help: 'Only the standing committee (a township’s presidium, a street’s 议政代表会议) changes a project’s deadline or scope, or ends it. Record its decision as taken at the meeting; it is published with the project and its department, leader and supervision group are told.',
      confirm: 'Record this decision on “%{title}”? A terminated project closes and cannot be reopened.',
      done: 'Decision recorded',
      kind: 'Decision',
      kinds: {
        changeDeadline: 'Change the deadline',
        changeScope: 'Change the scope',
        terminate: 'Terminate the project (also to close it below 100%)',
      },
      reason: 'Reason given by the committee',
      meeting_on: 'Day of the meeting',
      new_deadline: 'New deadline',
      scope: 'What the project is to deliver now',
      acceptance_standard: 'New acceptance standard (optional)',
      document_id: 'Minutes or notice (optional)',
      carried_projects: 'Unfinished projects carried over from earlier years',
      carried_from: 'from %{year}',
      public: {
        title: 'Committee decisions',
        decided: '%{body}, %{day}: %{kind}.',
        new_deadline: 'New deadline %{day}.',
        reason: 'Reason: %{reason}',
        terminated: 'Terminated',
      },
    },
  },
};
