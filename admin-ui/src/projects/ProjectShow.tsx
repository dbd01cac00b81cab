import { Alert, Box, Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { WorkflowTimeline } from '../timeline';
import { FindingsCard } from './FindingsCard';
import { FundsCard } from './FundsCard';
import { GroupWorkCard } from './GroupWorkCard';
import { OpenTasksCard } from './OpenTasksCard';
import { ProgressCard } from './ProgressCard';
import { ProjectActions } from './ProjectActions';
import { ProjectChangesCard } from './ProjectChangesCard';
import { ProjectTitle } from './ProjectTitle';
import { ResponsibilityCard } from './ResponsibilityCard';
import { SupervisionGroupCard } from './SupervisionGroupCard';
import { TimersCard } from './TimersCard';
import type { ProjectDetail } from './types';

const ProjectPage = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  if (!project) return null;
  return (
    <Stack spacing={2} sx={{ p: 1 }}>
      <Typography variant="h5" component="h1">
        {project.title}
      </Typography>
      {project.live === null ? <Alert severity="warning">{translate('app.project.live_unreachable')}</Alert> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <ProgressCard />
          <OpenTasksCard />
          <FindingsCard />
          <FundsCard />
        </Stack>
        <Stack spacing={2}>
          <ResponsibilityCard />
          <ProjectChangesCard />
          <TimersCard />
          <SupervisionGroupCard />
          <GroupWorkCard />
          {/* Officials and deputies may read the project's own timeline, not the office's whole audit log. */}
          <WorkflowTimeline workflowId={project.id} resource={`projects/${encodeURIComponent(project.id)}/timeline`} />
        </Stack>
      </Box>
    </Stack>
  );
};

// The workflow moves on its own (a report filed, a warning raised, a finding answered); the page follows it.
const refreshMs = 30_000;

/** One voted project with its workflow's live state (GET /api/projects/:id), its decisions and its timeline. */
export const ProjectShow = () => (
  <Show
    title={<ProjectTitle />}
    actions={<ProjectActions />}
    component="div"
    queryOptions={{ refetchInterval: refreshMs }}
  >
    <ProjectPage />
  </Show>
);
