import { Box, Divider, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Fragment } from 'react';
import { Link, useCreatePath, useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { FileFindingButton } from '../findings/FileFindingButton';
import { FindingStatusChip } from '../findings/FindingStatusChip';
import { ReviewFindingButtons } from '../findings/ReviewFindingButtons';
import type { Finding } from '../findings/types';
import { DocumentLinks } from '../documents/DocumentLink';
import { PhotoGallery } from '../photos/PhotoGallery';
import { formatInstant } from '../common/formatInstant';
import { isGroupMember } from './membership';
import { SectionCard } from '../common/SectionCard';
import type { ProjectDetail } from './types';

/** The supervision group's findings and where each stands; members file new ones and review responses. */
export const FindingsCard = () => {
  const project = useRecordContext<ProjectDetail>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data: findings, isPending } = useGetList<Finding>(
    'findings',
    {
      filter: { project_id: project?.id },
      sort: { field: 'filed_at', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: Boolean(project?.id) },
  );
  if (!project) return null;
  const member = isGroupMember(project);
  const open = (project.live?.phase ?? project.phase) !== 'closed';
  return (
    <SectionCard
      title="app.project.section.findings"
      action={member && open ? <FileFindingButton projectId={project.id} /> : null}
    >
      {!isPending && (findings ?? []).length === 0 ? (
        <Typography variant="body2">{translate('app.finding.none')}</Typography>
      ) : (
        <Stack spacing={2} divider={<Divider flexItem />}>
          {(findings ?? []).map((finding) => (
            <Fragment key={finding.id}>
              <Box>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
                  <FindingStatusChip status={finding.status} />
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.finding.filed_line', {
                      name: finding.filed_by_name,
                      at: formatInstant(finding.filed_at, locale),
                      round: finding.round,
                    })}
                  </Typography>
                  <MuiLink
                    component={Link}
                    to={createPath({ resource: 'findings', id: finding.id, type: 'show' })}
                    variant="caption"
                  >
                    {translate('app.finding.open')}
                  </MuiLink>
                </Stack>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                  {finding.text}
                </Typography>
                {finding.photo_ids.length ? (
                  <Box sx={{ mt: 1 }}>
                    <PhotoGallery ids={finding.photo_ids} />
                  </Box>
                ) : null}
                {finding.response ? (
                  <Box sx={{ mt: 1, pl: 2, borderLeft: 3, borderColor: 'divider' }}>
                    <Typography variant="caption" color="text.secondary">
                      {translate('app.finding.field.response')}
                    </Typography>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      {finding.response}
                    </Typography>
                    {finding.response_photo_ids.length ? <PhotoGallery ids={finding.response_photo_ids} /> : null}
                    <DocumentLinks ids={finding.response_document_ids} />
                  </Box>
                ) : null}
                {member && finding.status === 'responded' ? (
                  <Box sx={{ mt: 1 }}>
                    <ReviewFindingButtons projectId={project.id} findingId={finding.id} />
                  </Box>
                ) : null}
              </Box>
            </Fragment>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
};
