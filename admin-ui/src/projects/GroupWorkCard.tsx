import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import { formatInstant } from '../common/formatInstant';
import type { ProjectDetail } from './types';

/**
 * The supervision group's year (docs/domain.md, "Supervision"): when it next inspects and evaluates, how many
 * items each mid-year inspection handed over, and each year-end overall evaluation with its grade.
 */
export const GroupWorkCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const work = project?.live?.groupWork;
  if (!project || !work) return null;
  const open = project.live?.phase !== 'closed';
  return (
    <SectionCard title="app.project.section.group_work">
      {open ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.project.group_work.next', {
            inspection: formatInstant(work.nextInspectionAt, locale),
            evaluation: formatInstant(work.nextYearEndAt, locale),
          })}
        </Typography>
      ) : null}
      <List dense disablePadding>
        {work.inspections.map((i) => (
          <ListItem key={i.taskId} disableGutters>
            <ListItemText
              primary={translate('app.project.group_work.inspection', { year: i.year })}
              secondary={translate('app.project.group_work.items', { smart_count: i.items })}
            />
          </ListItem>
        ))}
        {work.evaluations.map((e) => (
          <ListItem key={e.year} disableGutters>
            <ListItemText
              primary={translate('app.project.group_work.evaluation', {
                year: e.year,
                grade: translate(`app.task.form.grade.${e.grade}`),
              })}
              secondary={e.text}
            />
          </ListItem>
        ))}
      </List>
      {work.inspections.length === 0 && work.evaluations.length === 0 ? (
        <Typography variant="body2">{translate('app.project.group_work.none_yet')}</Typography>
      ) : null}
    </SectionCard>
  );
};
