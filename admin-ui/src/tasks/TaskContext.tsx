import { Card, CardContent, CardHeader, Link, Stack, Typography } from '@mui/material';
import { isValidElement, type ReactNode } from 'react';
import { Link as RouterLink, useCreatePath, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import type { Finding } from '../findings/types';
import { PhotoGallery } from '../photos/PhotoGallery';
import type { Task } from '../types';

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  if (children === null || children === undefined || children === '') return null;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 160 }}>
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Stack>
  );
};

/** The finding a department answers, with the group's photos (GET /api/findings/:id). */
const FindingContext = ({ findingId, fallbackText }: { findingId: string; fallbackText: string | null }) => {
  const { data: finding } = useGetOne<Finding>('findings', { id: findingId });
  return (
    <>
      <Row label="app.task.context.finding">{finding?.text ?? fallbackText}</Row>
      <Row label="app.task.context.photos">
        <PhotoGallery ids={finding?.photo_ids} />
      </Row>
    </>
  );
};

/** A report also covers the earlier years' unfinished projects (docs/domain.md, "Changes and termination"). */
const CarriedProjects = ({ carried }: { carried: unknown }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const list = Array.isArray(carried) ? (carried as { projectId: string; title: string; fromYear: number }[]) : [];
  if (list.length === 0) return null;
  return (
    <Row label="app.project_change.carried_projects">
      {list.map((c) => (
        <div key={c.projectId}>
          <Link component={RouterLink} to={createPath({ resource: 'projects', id: c.projectId, type: 'show' })}>
            {c.title}
          </Link>
          {' · '}
          {translate('app.project_change.carried_from', { year: c.fromYear })}
        </div>
      ))}
    </Row>
  );
};

/** What a task is about, from its payload: the proposer to call back, the finding to answer, the last percent… */
export const TaskContext = () => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!task) return null;
  const p = task.payload ?? {};
  const projectId = str(p.projectId);
  const enumText = (prefix: string, value: unknown) =>
    str(value) ? translate(`${prefix}.${String(value)}`, { _: String(value) }) : null;
  const counts = typeof p.counts === 'object' && p.counts !== null ? (p.counts as Record<string, number>) : null;
  const rows: ReactNode[] = [];
  if (projectId) {
    rows.push(
      <Row key="project" label="app.task.context.project">
        <Link component={RouterLink} to={createPath({ resource: 'projects', id: projectId, type: 'show' })}>
          {translate('app.task.context.open_project')}
        </Link>
      </Row>,
    );
  }
  switch (task.kind) {
    case 'proposerFeedback':
      rows.push(
        <Row key="name" label="app.task.context.proposer_name">
          {str(p.proposerName) ?? translate('app.task.context.anonymous')}
        </Row>,
        <Row key="contact" label="app.task.context.contact">
          {str(p.contact) ?? translate('app.task.context.no_contact')}
        </Row>,
        <Row key="title" label="app.task.context.suggestion">
          {str(p.title)}
        </Row>,
        <Row key="outcome" label="app.task.context.outcome">
          {enumText('app.task.context.screening_outcome', p.outcome)}
        </Row>,
        <Row key="reason" label="app.task.context.reason">
          {str(p.reason)}
        </Row>,
      );
      break;
    case 'approvalDecision':
      rows.push(
        <Row key="step" label="app.task.context.step">
          {enumText('app.task.context.approval_step', p.step)}
        </Row>,
        <Row key="round" label="app.task.context.round">
          {num(p.round)}
        </Row>,
      );
      break;
    case 'governmentReport':
    case 'reportHearing':
      rows.push(
        <Row key="report" label="app.task.context.report">
          {enumText('app.task.context.report_kind', p.report)}
        </Row>,
        <CarriedProjects key="carried" carried={p.carriedProjects} />,
      );
      break;
    case 'progressReport':
      rows.push(
        <Row key="previous" label="app.task.context.previous_percent">
          {num(p.previousPercent) === null ? null : `${num(p.previousPercent)}%`}
        </Row>,
        <Row key="planned" label="app.task.context.planned_percent">
          {num(p.plannedPercent) === null ? null : `${num(p.plannedPercent)}%`}
        </Row>,
        <Row key="deadline" label="app.task.context.deadline">
          {str(p.deadline)}
        </Row>,
      );
      break;
    case 'supervisionCheck':
    case 'quarterlyEvaluation':
      rows.push(
        <Row key="warning" label="app.task.context.warning">
          {enumText('app.project.warning', p.warning)}
        </Row>,
        <Row key="progress" label="app.task.context.progress">
          {num(p.progress) === null ? null : `${num(p.progress)}%`}
        </Row>,
      );
      break;
    case 'findingResponse': {
      const findingId = str(p.findingId);
      rows.push(
        <Row key="round" label="app.task.context.round">
          {num(p.round)}
        </Row>,
      );
      if (findingId) rows.push(<FindingContext key="finding" findingId={findingId} fallbackText={str(p.finding)} />);
      break;
    }
    case 'explanation':
      rows.push(
        <Row key="outcome" label="app.task.context.rating">
          {enumText('app.project.rating', p.outcome)}
        </Row>,
      );
      break;
    case 'oversightConclusion':
      rows.push(
        <Row key="conclusion" label="app.task.context.oversight_conclusion">
          {str(p.conclusion)}
        </Row>,
      );
      break;
    case 'acceptanceArrangement':
    case 'completionAcceptance':
      rows.push(
        <Row key="standard" label="app.task.context.acceptance_standard">
          {str(p.acceptanceStandard)}
        </Row>,
        <Row key="deadline" label="app.task.context.deadline">
          {str(p.deadline)}
        </Row>,
        <Row key="heldOn" label="app.task.context.acceptance_day">
          {str(p.heldOn)}
        </Row>,
        <Row key="place" label="app.task.context.acceptance_place">
          {str(p.place)}
        </Row>,
      );
      break;
    case 'fundAudit':
      rows.push(
        <Row key="anomaly" label="app.fund.field.anomaly_note">
          {str(p.note)}
        </Row>,
        <Row key="flagged_by" label="app.fund.field.by">
          {str(p.flaggedBy)}
        </Row>,
      );
      break;
    case 'concentratedInspection':
    case 'groupYearEndEvaluation':
      rows.push(
        <Row key="year" label="app.task.context.year">
          {num(p.year)}
        </Row>,
        <Row key="opened" label="app.task.context.opened_on">
          {str(p.openedOn)}
        </Row>,
        <Row key="progress" label="app.task.context.progress">
          {num(p.progress) === null ? null : `${num(p.progress)}%`}
        </Row>,
      );
      break;
    case 'lookBackRectification':
      rows.push(
        <Row key="suggestion" label="app.task.context.look_back_suggestion">
          {str(p.suggestion)}
        </Row>,
      );
      break;
    default:
      break;
  }
  if (counts && (task.kind === 'rectificationReport' || task.kind === 'oversightMeasure')) {
    rows.push(
      <Row key="counts" label="app.task.context.counts">
        {translate('app.task.context.counts_text', {
          satisfied: counts.satisfied ?? 0,
          basically: counts.basicallySatisfied ?? 0,
          unsatisfied: counts.unsatisfied ?? 0,
        })}
      </Row>,
    );
  }
  // A Row renders nothing for a value the payload lacks; keep the card away when every row is empty.
  const shown = rows.filter(
    (row) => isValidElement<{ children?: unknown }>(row) && (row.type !== Row || (row.props.children ?? '') !== ''),
  );
  if (shown.length === 0) return null;
  return (
    <Card variant="outlined" component="section" aria-label={translate('app.task.context.title')}>
      <CardHeader
        title={translate('app.task.context.title')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <CardContent>
        <Stack spacing={1}>{shown}</Stack>
      </CardContent>
    </Card>
  );
};
