import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { DateInput, required, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { OpenInTemporal } from '../timeline';
import { readUser } from '../providers/session';
import { ConfirmActionButton } from './ConfirmActionButton';
import { FormDialogButton } from './FormDialogButton';
import { projectDecision } from './projectApi';
import { StagePlanButton } from './StagePlanButton';
import type { ProjectDetail } from './types';

const enterUseDefaults = { inUseOn: '' };

/** The decisions the signed-in person may take now; the workflow still refuses out of phase (409) with a reason. */
export const ProjectActions = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const user = readUser();
  if (!project) return <TopToolbar />;
  const coordinator = user?.roles.includes('coordinator') ?? false;
  const ownDepartment = (user?.roles.includes('official') ?? false) && user?.departmentId === project.department_id;
  const phase = project.live?.phase ?? project.phase;
  const consequence = project.live?.consequence.stage ?? project.consequence;
  const title = project.title;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {(coordinator || ownDepartment) && phase === 'implementation' ? (
        <StagePlanButton projectId={project.id} plan={project.live?.plan ?? project.stage_plan} />
      ) : null}
      {coordinator && phase === 'implementation' ? (
        <ConfirmActionButton
          label="app.project.action.accept_completion"
          icon={<HowToRegIcon />}
          confirmTitle="app.project.action.accept_completion"
          confirmContent={translate('app.project.action.accept_completion_confirm', { title })}
          success="app.project.action.accept_completion_done"
          action={(key) => projectDecision(project.id, 'accept-completion', key)}
        />
      ) : null}
      {coordinator && phase === 'accepted' ? (
        <FormDialogButton
          label="app.project.action.enter_use"
          icon={<EventAvailableIcon />}
          title="app.project.action.enter_use"
          description="app.project.action.enter_use_help"
          submitLabel="app.project.action.enter_use"
          success="app.project.action.enter_use_done"
          defaults={enterUseDefaults}
          fields={['inUseOn']}
          submit={(values, key) => projectDecision(project.id, 'enter-use', key, { inUseOn: values.inUseOn })}
        >
          <DateInput source="inUseOn" label="app.project.field.in_use_on" validate={required()} />
        </FormDialogButton>
      ) : null}
      {coordinator && consequence === 'awaitingReRating' ? (
        <ConfirmActionButton
          label="app.project.action.open_re_rating"
          icon={<PlayArrowIcon />}
          confirmTitle="app.project.action.open_re_rating"
          confirmContent={translate('app.project.action.open_re_rating_confirm', { title })}
          success="app.project.action.open_re_rating_done"
          action={(key) => projectDecision(project.id, 're-rating/open', key)}
        />
      ) : null}
      {coordinator && consequence === 'reRating' ? (
        <ConfirmActionButton
          label="app.project.action.close_re_rating"
          icon={<StopIcon />}
          confirmTitle="app.project.action.close_re_rating"
          confirmContent={translate('app.project.action.close_re_rating_confirm', { title })}
          success="app.project.action.close_re_rating_done"
          action={(key) => projectDecision(project.id, 're-rating/close', key)}
        />
      ) : null}
      {coordinator ? <OpenInTemporal workflowId={project.id} /> : null}
    </TopToolbar>
  );
};
