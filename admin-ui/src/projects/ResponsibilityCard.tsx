import { Box } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatYuan } from '../common/formatYuan';
import { formatDay } from '../common/formatInstant';
import { LabelValue, SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';

/** 责任清单: one project, one leader, one team, to the end (docs/domain.md, "Responsibility list" [S1]). */
export const ResponsibilityCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!project) return null;
  return (
    <SectionCard title="app.project.section.responsibility">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 }}>
        <LabelValue label="resources.projects.fields.department_name">{project.department_name}</LabelValue>
        <LabelValue label="resources.projects.fields.responsible_leader_name">
          {project.responsible_leader_name ?? translate('app.project.no_leader')}
        </LabelValue>
        <LabelValue label="resources.projects.fields.implementing_unit">{project.implementing_unit}</LabelValue>
        <LabelValue label="resources.projects.fields.budget_yuan">{formatYuan(project.budget_yuan, locale)}</LabelValue>
        <LabelValue label="resources.projects.fields.deadline">{formatDay(project.deadline, locale)}</LabelValue>
        <LabelValue label="resources.projects.fields.phase">
          {translate(`app.project.phase.${project.live?.phase ?? project.phase}`, { _: project.phase })}
        </LabelValue>
      </Box>
      <Box sx={{ mt: 2 }}>
        <LabelValue label="resources.projects.fields.acceptance_standard">{project.acceptance_standard}</LabelValue>
      </Box>
    </SectionCard>
  );
};
