import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { useState } from 'react';
import {
  ArrayInput,
  DateInput,
  required,
  SimpleFormIterator,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { KeySharesDialog, type OpenedBox } from '../common/KeySharesDialog';
import { PrintReportButton } from '../common/PrintReportButton';
import { ReadOnlyNotice } from '../common/ReadOnlyNotice';
import { useAppDataProvider } from '../providers/dataProvider';
import { readUser } from '../providers/session';
import { OpenInTemporal } from '../timeline';
import { InstructButton } from './InstructButton';
import { ProjectChangeButton } from './ProjectChangeButton';
import { ReportProgressButton } from './ReportProgressButton';
import { StagePlanButton } from './StagePlanButton';
import type { ProjectDetail } from './types';

const enterUseDefaults = { inUseOn: '' };
/** A committee re-rating's key goes to three scrutineers (docs/domain.md, "Stages": [S3]'s number); two of them open the sheets. */
const threeNames = () => Array.from({ length: 3 }, () => ({ name: '' }));

/** The decisions the signed-in person may take now; the workflow still refuses out of phase (409) with a reason. */
export const ProjectActions = () => {
  const project = useRecordContext<ProjectDetail>();
  const dataProvider = useAppDataProvider();
  const translate = useTranslate();
  // Held here: the refresh after opening removes the opening button, not this.
  const [openedBox, setOpenedBox] = useState<OpenedBox | null>(null);
  const user = readUser();
  if (!project) return <TopToolbar />;
  if (project.read_only)
    return (
      <TopToolbar>
        <ReadOnlyNotice />
        <PrintReportButton kind="projects" id={project.id} fileName={project.title} />
      </TopToolbar>
    );
  const coordinator = user?.roles.includes('coordinator') ?? false;
  const ownDepartment = (user?.roles.includes('official') ?? false) && user?.departmentId === project.department_id;
  const phase = project.live?.phase ?? project.phase;
  const consequence = project.live?.consequence.stage ?? project.consequence;
  const title = project.title;
  const percent = project.live?.progress?.percent ?? project.progress_percent;
  // Acceptance and entering use are the government's tasks now; the office decides them only in projects started before.
  const officeAccepts = coordinator && !project.live?.governmentActs;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      <PrintReportButton kind="projects" id={project.id} fileName={project.title} />
      {(coordinator || ownDepartment) && phase === 'implementation' ? (
        <StagePlanButton projectId={project.id} plan={project.live?.plan ?? project.stage_plan} />
      ) : null}
      {(coordinator || user?.id === project.responsible_leader_user_id) && phase !== 'closed' ? (
        <InstructButton projectId={project.id} />
      ) : null}
      {ownDepartment && phase === 'implementation' ? (
        <ReportProgressButton projectId={project.id} previousPercent={percent} />
      ) : null}
      {/* 竣工验收 cannot succeed below 100%: the workflow would refuse it, so it is not offered. */}
      {officeAccepts && phase === 'implementation' && percent >= 100 ? (
        <ActionDialog
          label="app.project.action.accept_completion"
          icon={<HowToRegIcon />}
          confirm={{ content: 'app.project.action.accept_completion_confirm', translateOptions: { title } }}
          success="app.project.action.accept_completion_done"
          submit={(_values, key) => dataProvider.decideProject(project.id, 'accept-completion', { key })}
        />
      ) : null}
      {officeAccepts && phase === 'accepted' ? (
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
        // The sheets are sealed to a key whose shares go to these scrutineers, shown once (docs/secrecy.md).
        <ActionDialog
          label="app.project.action.open_re_rating"
          icon={<PlayArrowIcon />}
          description={translate('app.project.action.open_re_rating_confirm', { title })}
          success="app.project.action.open_re_rating_done"
          defaultValues={{ scrutineers: threeNames() }}
          fields={['scrutineers']}
          submit={async (values, key) => {
            const { data } = await dataProvider.decideProject(project.id, 're-rating/open', {
              key,
              body: { scrutineers: (values.scrutineers as { name: string }[]).map((s) => s.name) },
            });
            setOpenedBox((data as { box: OpenedBox }).box);
          }}
        >
          <ArrayInput source="scrutineers" label="app.batch.vote_form.scrutineers">
            <SimpleFormIterator inline disableReordering disableAdd disableRemove disableClear>
              <TextInput source="name" label="app.batch.vote_form.name" validate={required()} />
            </SimpleFormIterator>
          </ArrayInput>
        </ActionDialog>
      ) : null}
      {coordinator && consequence === 'reRating' ? (
        <ActionDialog
          label="app.project.action.close_re_rating"
          icon={<StopIcon />}
          description={translate('app.batch.close_vote_form.intro', { threshold: 2 })}
          success="app.project.action.close_re_rating_done"
          defaultValues={{ shares: [{ share: '' }, { share: '' }] }}
          fields={['shares']}
          submit={(values, key) =>
            dataProvider.decideProject(project.id, 're-rating/close', {
              key,
              body: { shares: (values.shares as { share: string }[]).map((s) => s.share).filter(Boolean) },
            })
          }
        >
          <ArrayInput source="shares" label={false}>
            <SimpleFormIterator disableReordering disableAdd disableRemove disableClear>
              <TextInput source="share" label="app.batch.close_vote_form.share" validate={required()} fullWidth />
            </SimpleFormIterator>
          </ArrayInput>
        </ActionDialog>
      ) : null}
      {coordinator && phase !== 'closed' ? <ProjectChangeButton projectId={project.id} title={title} /> : null}
      {coordinator ? <OpenInTemporal workflowId={project.id} /> : null}
      <KeySharesDialog box={openedBox} onClose={() => setOpenedBox(null)} />
    </TopToolbar>
  );
};
