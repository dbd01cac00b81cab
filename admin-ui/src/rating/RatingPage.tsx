import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  LinkBase,
  Loading,
  Title,
  useGetOne,
  useLocaleState,
  useParams,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { BatchTitle } from '../ballot/BatchTitle';
import { ReceiptPanel } from '../ballot/ReceiptPanel';
import { errorMessage } from '../common/errorMessage';
import { hasRole } from '../common/roles';
import { formatInstant } from '../timeline/formatInstant';
import { RatingForm } from './RatingForm';
import type { RatingSession } from './types';

/** /ratings/:sessionId — rate each project once; afterwards only the receipt (DOMAIN.md steps 9 and 10). */
// Its own cache entry: a list fills getOne's cache with its rows, which lack the detail's fields
// (the receipt, the projects), and a voted deputy must never be shown the form from a list row.
const detailMeta = { view: 'detail' };

export const RatingPage = () => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { sessionId = '' } = useParams<{ sessionId: string }>();
  const { permissions } = usePermissions();
  const [justRated, setJustRated] = useState<string | null>(null);
  const {
    data: session,
    isPending,
    error,
    refetch,
  } = useGetOne<RatingSession>('rating-sessions', { id: sessionId, meta: detailMeta }, { enabled: sessionId !== '' });

  // A congress rating is for deputies; a committee re-rating for standing committee members.
  const eligible = session ? hasRole(permissions, session.kind === 'committee' ? 'committeeMember' : 'deputy') : false;
  const receipt = justRated ?? session?.my_receipt ?? null;
  let body;
  if (isPending) body = <Loading />;
  else if (error || !session)
    body = <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  else if (receipt)
    body = <ReceiptPanel code={receipt} title="app.rating.rated_title" explanation="app.rating.receipt_explanation" />;
  else if (session.status !== 'open') body = <Alert severity="info">{translate('app.rating.closed')}</Alert>;
  else if (!eligible)
    body = (
      <Alert severity="info">
        {translate(session.kind === 'committee' ? 'app.rating.committee_only' : 'app.rating.deputies_only')}
      </Alert>
    );
  else
    body = (
      <RatingForm
        session={session}
        onRated={(code) => {
          setJustRated(code);
          void refetch();
        }}
        onRefused={() => void refetch()}
      />
    );

  return (
    <Box sx={{ width: '100%', maxWidth: 640, mx: 'auto', py: 2 }}>
      <Title title="app.rating.page_title" />
      <Typography variant="h5" component="h1">
        {session ? translate(`app.rating.kind.${session.kind}`) : translate('app.rating.page_title')}
      </Typography>
      {session ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          <BatchTitle id={session.batch_id} /> ·{' '}
          {translate('app.ballot.opened_at', { at: formatInstant(session.opened_at, locale) })}
        </Typography>
      ) : null}
      <Stack spacing={2}>
        {body}
        <Button component={LinkBase} to="/ratings" size="large" sx={{ minHeight: 48, alignSelf: 'flex-start' }}>
          {translate('app.rating.back_to_list')}
        </Button>
      </Stack>
    </Box>
  );
};
