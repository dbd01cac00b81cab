import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { SectionCard } from '../common/SectionCard';
import { useAppDataProvider } from '../providers/dataProvider';
import { readUser } from '../providers/session';
import { formatInstant } from '../common/formatInstant';
import { groupUserIds, isGroupMember } from './membership';
import type { ProjectDetail } from './types';

/** 监督小组 (docs/domain.md, "Supervision" [S4]): 3–5 deputies who sign up online; the workflow refuses a sixth with its reason. */
export const SupervisionGroupCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!project) return null;
  const deputy = readUser()?.roles.includes('deputy') ?? false;
  const members = project.supervision_group ?? [];
  const canJoin = deputy && !isGroupMember(project) && (project.live?.phase ?? project.phase) !== 'closed';
  const join = canJoin ? (
    <ActionDialog
      label="app.project.action.join_group"
      icon={<GroupAddIcon />}
      confirm={{ content: 'app.project.action.join_group_confirm', translateOptions: { title: project.title } }}
      success="app.project.action.join_group_done"
      submit={(_values, key) => dataProvider.decideProject(project.id, 'supervision-group/join', { key })}
    />
  ) : null;
  const liveOnly = groupUserIds(project).filter((id) => !members.some((m) => m.user_id === id));
  return (
    <SectionCard title="app.project.section.group" action={join}>
      {members.length === 0 && liveOnly.length === 0 ? (
        <Typography variant="body2">{translate('app.project.group_empty')}</Typography>
      ) : (
        <List dense disablePadding>
          {members.map((m) => (
            <ListItem key={m.user_id} disableGutters>
              <ListItemText
                primary={m.display_name}
                secondary={translate('app.project.joined_at', { at: formatInstant(m.joined_at, locale) })}
              />
            </ListItem>
          ))}
          {liveOnly.map((id) => (
            <ListItem key={id} disableGutters>
              <ListItemText primary={id} />
            </ListItem>
          ))}
        </List>
      )}
    </SectionCard>
  );
};
