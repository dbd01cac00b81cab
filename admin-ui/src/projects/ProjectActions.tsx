import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { DateInput, required, TopToolbar, useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { ReadOnlyNotice } from '../jurisdictions/ReadOnlyNotice';
import { useAppDataProvider } from '../providers/dataProvider';
import { readUser } from '../providers/session';
import { OpenInTemporal } from '../timeline';
import { StagePlanButton } from './StagePlanButton';
import type { ProjectDetail } from './types';

const enterUseDefaults = { inUseOn: '' };

/** The decisions the signed-in person may take now; the workflow still refuses out of phase (409) with a reason. */
export const ProjectActions = () => {
  const project = useRecordContext<ProjectDetail>();
  const dataProvider = useAppDataProvider();
  const user = readUser();
  if (!project) return <TopToolbar />;
  if (project.read_only)
    return (
      <TopToolbar>
        <ReadOnlyNotice />
      </TopToolbar>
    );
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
        <ActionDialog
          label="app.project.action.accept_completion"
          icon={<HowToRegIcon />}
          confirm={{ content: 'app.project.action.accept_completion_confirm', translateOptions: { title } }}
          success="app.project.action.accept_completion_done"
          submit={(_values, key) => dataProvider.decideProject(project.id, 'accept-completion', { key })}
        />
      ) : null}
      {coordinator && phase === 'accepted' ? (
        <ActionDialog
          label="app.project.action.enter_use"
          icon={<EventAvailableIcon />}
          description="app.project.action.enter_use_help"
          success="app.project.action.enter_use_done"
          defaultValues={enterUseDefaults}
          fields={['inUseOn']}
          submit={(values, key) =>
            dataProvider.decideProject(project.id, 'enter-use', { key, body: { inUseOn: values.inUseOn } })
          }
        >
          <DateInput source="inUseOn" label="app.project.field.in_use_on" validate={required()} />
        </ActionDialog>
      ) : null}
      {coordinator && consequence === 'awaitingReRating' ? (
        <ActionDialog
          label="app.project.action.open_re_rating"
          icon={<PlayArrowIcon />}
          confirm={{ content: 'app.project.action.open_re_rating_confirm', translateOptions: { title } }}
          success="app.project.action.open_re_rating_done"
          submit={(_values, key) => dataProvider.decideProject(project.id, 're-rating/open', { key })}
        />
      ) : null}
      {coordinator && consequence === 'reRating' ? (
        <ActionDialog
          label="app.project.action.close_re_rating"
          icon={<StopIcon />}
          confirm={{ content: 'app.project.action.close_re_rating_confirm', translateOptions: { title } }}
          success="app.project.action.close_re_rating_done"
          submit={(_values, key) => dataProvider.decideProject(project.id, 're-rating/close', { key })}
        />
      ) : null}
      {coordinator ? <OpenInTemporal workflowId={project.id} /> : null}
    </TopToolbar>
  );
};
