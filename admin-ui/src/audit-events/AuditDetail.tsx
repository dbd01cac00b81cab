import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '../types';

const shown = (value: unknown): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'object'
      ? Array.isArray(value)
        ? value.map(shown).join('、')
        : Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `${k}：${shown(v)}`)
            .join('；')
      : String(value);

/** The event's detail as lines of "name: value", not JSON. */
export const AuditDetail = (_props: { label?: string }) => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const entries = Object.entries(event?.detail ?? {});
  if (entries.length === 0) return <Typography variant="body2">{translate('app.audit.detail_empty')}</Typography>;
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5 }}
    >
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {key}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
            {shown(value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
