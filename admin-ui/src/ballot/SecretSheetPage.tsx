import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { LinkBase, Loading, Title, useGetOne, useLocaleState, useParams, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { formatInstant } from '../common/formatInstant';
import { BatchTitle } from './BatchTitle';
import { ReceiptPanel } from './ReceiptPanel';

/** What a ballot and a rating sheet have in common: a session of a batch, and my receipt once I took part. */
export interface SecretSheetSession {
  id: string;
  batch_id: string;
  status: 'open' | 'closed';
  opened_at: string;
  my_receipt?: string | null;
}

interface SecretSheetPageProps<S extends SecretSheetSession> {
  resource: 'vote-sessions' | 'rating-sessions';
  /** The page title, and the heading until the session has loaded. */
  pageTitle: string;
  heading(session: S): string;
  /** Facts after the batch and the opening time, e.g. the seats. */
  facts?(session: S): string;
  receipt: { title: string; explanation: string };
  closed: string;
  /** Why the signed-in person may not take part, or null when they may. */
  refusal(session: S): string | null;
  back: { to: string; label: string };
  /** Once the session is closed, where its published result is read (the public site's results page). */
  result?: { href(session: S): string; label: string };
  form(session: S, done: (receiptCode: string) => void, refused: () => void): ReactNode;
}

// Its own cache entry: a list fills getOne's cache with its rows, which lack the detail's fields
// (the receipt, the projects), and a deputy who took part must never be shown the form from a list row.
const detailMeta = { view: 'detail' };

/**
 * /ballot/:sessionId and /ratings/:sessionId on a phone: the sheet while the session is open and I have
 * not taken part, then only the receipt, never the choices.
 */
export function SecretSheetPage<S extends SecretSheetSession>(props: SecretSheetPageProps<S>) {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { sessionId = '' } = useParams<{ sessionId: string }>();
  // The receipt of a sheet handed in on this page, until the session reloads with it.
  const [justDone, setJustDone] = useState<string | null>(null);
  const {
    data: session,
    isPending,
    error,
    refetch,
  } = useGetOne<S>(props.resource, { id: sessionId, meta: detailMeta }, { enabled: sessionId !== '' });

  const receipt = justDone ?? session?.my_receipt ?? null;
  const refusal = session ? props.refusal(session) : null;
  let body;
  if (isPending) body = <Loading />;
  else if (error || !session)
    body = <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>;
  else if (receipt)
    body = <ReceiptPanel code={receipt} title={props.receipt.title} explanation={props.receipt.explanation} />;
  else if (session.status !== 'open') body = <Alert severity="info">{translate(props.closed)}</Alert>;
  else if (refusal) body = <Alert severity="info">{translate(refusal)}</Alert>;
  else
    body = props.form(
      session,
      (code) => {
        setJustDone(code);
        void refetch();
      },
      () => void refetch(),
    );

  return (
    <Box sx={{ width: '100%', maxWidth: 640, mx: 'auto', py: 2 }}>
      <Title title={props.pageTitle} />
      <Typography variant="h5" component="h1">
        {session ? props.heading(session) : translate(props.pageTitle)}
      </Typography>
      {session ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          <BatchTitle id={session.batch_id} /> ·{' '}
          {translate('app.ballot.opened_at', { at: formatInstant(session.opened_at, locale) })}
          {props.facts ? ` · ${props.facts(session)}` : null}
        </Typography>
      ) : null}
      <Stack spacing={2}>
        {body}
        {session && session.status !== 'open' && props.result ? (
          <Button
            href={props.result.href(session)}
            variant="contained"
            size="large"
            sx={{ minHeight: 48, alignSelf: 'flex-start' }}
          >
            {translate(props.result.label)}
          </Button>
        ) : null}
        <Button component={LinkBase} to={props.back.to} size="large" sx={{ minHeight: 48, alignSelf: 'flex-start' }}>
          {translate(props.back.label)}
        </Button>
      </Stack>
    </Box>
  );
}
