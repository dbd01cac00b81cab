import { useRecordContext, useTranslate } from 'react-admin';
import type { ProjectDetail } from './types';

export const ProjectTitle = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  return <span>{project ? translate('app.project.page_title', { title: project.title }) : ''}</span>;
};
