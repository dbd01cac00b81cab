import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Loading, useLocaleState, useNavigate, useParams, useTranslate } from 'react-admin';
import type { PublicReceipt } from '@domain/contract/publicity';
import { errorMessage } from '../common/errorMessage';
import { usePublicQuery } from '../providers/publicApi';
import { formatInstant } from '../common/formatInstant';

/** The office's answer to one comment or suggestion; nothing here names its author. */
const ReceiptAnswer = ({ code }: { code: string }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data, isPending, error } = usePublicQuery<PublicReceipt>(`receipts/${encodeURIComponent(code)}`);
  if (isPending) return <Loading />;
  if (error || !data)
    return (
      <Alert severity="warning" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  const subject =
    data.kind === 'comment' && !data.subject ? translate('app.public.receipt.whole_list') : (data.subject ?? '');
  return (
    <Paper
      component="section"
      aria-label={translate('app.public.receipt.answer_title')}
      variant="outlined"
      sx={{ p: 2 }}
    >
      <Typography variant="h6" component="h2" gutterBottom>
        {translate(`app.public.receipt.kind.${data.kind}`)} · {data.receiptCode}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {data.batch.title} · {formatInstant(data.submittedAt, locale)}
      </Typography>
      <Typography gutterBottom sx={{ overflowWrap: 'anywhere' }}>
        {subject}
      </Typography>
      {data.mergedInto ? (
        <Typography variant="body2" gutterBottom>
          {translate('app.public.receipt.merged_into', { title: data.mergedInto })}
        </Typography>
      ) : null}
      <Alert severity={data.answer ? 'success' : 'info'}>
        <strong>{translate(`app.public.receipt.status.${data.status}`)}</strong>
        {data.adopted !== null ? ` · ${translate(`app.public.receipt.adopted.${String(data.adopted)}`)}` : null}
        {data.answer ? <Box sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{data.answer}</Box> : null}
      </Alert>
    </Paper>
  );
};

/** #/public/receipts[/:code] — a commenter or proposer reads the office's answer by their receipt code. */
export const ReceiptPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const code = useParams<{ code: string }>().code ?? '';
  const [typed, setTyped] = useState(code);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = typed.trim();
    if (trimmed) navigate(`/public/receipts/${encodeURIComponent(trimmed)}`);
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {translate('app.public.receipt.title')}
      </Typography>
      <Typography color="text.secondary">{translate('app.public.receipt.intro')}</Typography>
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <TextField
          label={translate('app.public.receipt.code')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 40, autoCapitalize: 'characters', spellCheck: false } }}
          sx={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" variant="contained" size="large">
          {translate('app.public.receipt.look_up')}
        </Button>
      </Box>
      {code ? <ReceiptAnswer key={code} code={code} /> : null}
    </Stack>
  );
};
