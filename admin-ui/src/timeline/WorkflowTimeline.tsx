import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
} from '@mui/material';
import { useState } from 'react';
import { Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage, errorStatus } from '../common/errorMessage';
import type { AuditEvent } from '../types';
import { formatInstant } from '../common/formatInstant';
import { timelineSentence } from './timelineSentence';

interface WorkflowTimelineProps {
  /** A batch or project workflow id; the events of its tasks carry the owner's id too. */
  workflowId: string;
  /** How many events to show before "show more". */
  pageSize?: number;
  /**
   * Where the events come from: the office's audit log (filtered by workflow), or a list any reader of
   * the record may page, such as `projects/<id>/timeline`.
   */
  resource?: string;
}

// Workflows write their events while the page is open (escalations, warnings, phase changes).
const refreshMs = 30_000;

/** Everything that happened to a workflow, newest first, in people's words (GET /api/audit-events). */
export const WorkflowTimeline = ({ workflowId, pageSize = 25, resource = 'audit-events' }: WorkflowTimelineProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const [shown, setShown] = useState(pageSize);
  const { data, total, isPending, error } = useGetList<AuditEvent>(
    resource,
    {
      filter: resource === 'audit-events' ? { workflow_id: workflowId } : {},
      sort: { field: 'at', order: 'DESC' },
      pagination: { page: 1, perPage: shown },
    },
    { refetchInterval: refreshMs, placeholderData: (previous) => previous },
  );
  const title = translate('app.timeline.title');
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      {isPending ? <LinearProgress /> : null}
      <CardContent sx={{ pt: 0 }}>
        {error ? (
          <Alert severity={errorStatus(error) === 403 ? 'info' : 'error'}>
            {errorStatus(error) === 403
              ? translate('app.timeline.forbidden')
              : translate(errorMessage(error), { _: errorMessage(error) })}
          </Alert>
        ) : !isPending && (data ?? []).length === 0 ? (
          <Alert severity="info">{translate('app.timeline.empty')}</Alert>
        ) : (
          <List dense disablePadding>
            {(data ?? []).map((event) => (
              <ListItem key={event.id} divider disableGutters alignItems="flex-start">
                <ListItemText
                  primary={
                    event.action.startsWith('task.') && event.subject ? (
                      <Link to={`/tasks/${encodeURIComponent(event.subject)}/show`}>
                        {timelineSentence(event, translate, locale)}
                      </Link>
                    ) : (
                      timelineSentence(event, translate, locale)
                    )
                  }
                  secondary={`${formatInstant(event.at, locale)} · ${
                    event.actor_label === 'system' ? translate('app.timeline.system') : event.actor_label
                  }`}
                />
              </ListItem>
            ))}
          </List>
        )}
        {total !== undefined && total > shown ? (
          <Box sx={{ mt: 1 }}>
            <Button size="small" onClick={() => setShown((n) => n + pageSize)}>
              {translate('app.timeline.more', { count: total - shown })}
            </Button>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
