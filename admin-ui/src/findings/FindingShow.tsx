import { Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link, Show, useCreatePath, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DocumentLinks } from '../documents/DocumentLink';
import { PhotoGallery } from '../photos/PhotoGallery';
import { isGroupMember } from '../projects/membership';
import { LabelValue, SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from '../projects/types';
import { formatInstant } from '../common/formatInstant';
import { FindingStatusChip } from './FindingStatusChip';
import { ReviewFindingButtons } from './ReviewFindingButtons';
import type { Finding } from './types';

/** Group members review a response from here as well as from the project page. */
const ReviewIfMember = ({ finding }: { finding: Finding }) => {
  const { data: project } = useGetOne<ProjectDetail>('projects', { id: finding.project_id });
  if (!project || !isGroupMember(project) || finding.status !== 'responded') return null;
  return <ReviewFindingButtons projectId={finding.project_id} findingId={finding.id} />;
};

const FindingPage = () => {
  const finding = useRecordContext<Finding>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale = 'zh-CN'] = useLocaleState();
  if (!finding) return null;
  return (
    <Box sx={{ p: 1, maxWidth: 960 }}>
      <SectionCard title="app.finding.section.finding">
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <FindingStatusChip status={finding.status} />
            <MuiLink component={Link} to={createPath({ resource: 'projects', id: finding.project_id, type: 'show' })}>
              {finding.project_title}
            </MuiLink>
          </Stack>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 2 }}>
            <LabelValue label="resources.findings.fields.filed_by_name">{finding.filed_by_name}</LabelValue>
            <LabelValue label="resources.findings.fields.filed_at">
              {formatInstant(finding.filed_at, locale)}
            </LabelValue>
            <LabelValue label="resources.findings.fields.round">{String(finding.round)}</LabelValue>
          </Box>
          <LabelValue label="resources.findings.fields.text">{finding.text}</LabelValue>
          <div>
            <Typography variant="caption" color="text.secondary">
              {translate('app.finding.field.photos')}
            </Typography>
            <PhotoGallery ids={finding.photo_ids} />
          </div>
          <LabelValue label="resources.findings.fields.response">
            {finding.response ?? translate('app.finding.no_response')}
          </LabelValue>
          {finding.response_photo_ids.length ? <PhotoGallery ids={finding.response_photo_ids} /> : null}
          <DocumentLinks ids={finding.response_document_ids} />
          <ReviewIfMember finding={finding} />
        </Stack>
      </SectionCard>
    </Box>
  );
};

export const FindingShow = () => (
  <Show component="div">
    <FindingPage />
  </Show>
);
