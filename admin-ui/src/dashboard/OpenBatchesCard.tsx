import { Alert, Chip, List, ListItem, ListItemText, Stack } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { DeadlineText } from '../common/DeadlineText';
import { DashboardCard } from './DashboardCard';
import type { DashboardData } from './types';

export const OpenBatchesCard = ({ batches }: { batches: DashboardData['openBatches'] }) => {
  const translate = useTranslate();
  return (
    <DashboardCard title="app.dashboard.open_batches">
      {batches.length === 0 ? (
        <Alert severity="info" action={<Link to="/batches/create">{translate('app.batch.create.title')}</Link>}>
          {translate('app.dashboard.no_open_batches')}
        </Alert>
      ) : (
        <List disablePadding>
          {batches.map((b) => (
            <ListItem key={b.id} disableGutters divider>
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Link to={`/batches/${encodeURIComponent(b.id)}/show`}>{b.title}</Link>
                    <Chip
                      size="small"
                      color="primary"
                      label={translate(`app.batch.phase.${b.phase}`, { _: b.phase })}
                    />
                  </Stack>
                }
                secondary={
                  <Stack component="span" spacing={0.5} sx={{ mt: 0.5 }}>
                    <DeadlineText deadline={b.nextDeadline} />
                    <span>
                      {translate('app.dashboard.batch_counts', {
                        suggestions: b.suggestionCount,
                        candidates: b.candidateCount,
                      })}
                    </span>
                  </Stack>
                }
                slotProps={{ secondary: { component: 'div' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </DashboardCard>
  );
};
