import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

/** What POST /batches/:id/open-vote answers besides the session: the ballot box's key shares, once. */
export interface OpenedBox {
  threshold: number;
  shares: { scrutineer: string; share: string }[];
}

/** Groups of six characters are easier to read aloud, print and type back; the API ignores the spaces. */
const grouped = (share: string) => share.match(/.{1,6}/g)?.join(' ') ?? share;

/**
 * The scrutineers' key shares, one at a time, right after the vote opens (docs/secrecy.md). They exist
 * nowhere else: the dialog has no onClose, so a stray click or Escape cannot dismiss it, and nothing is kept once it closes.
 */
export const KeySharesDialog = ({ box, onClose }: { box: OpenedBox | null; onClose: () => void }) => {
  const translate = useTranslate();
  const [index, setIndex] = useState(0);
  if (!box) return null;
  const current = box.shares[index]!;
  const last = index === box.shares.length - 1;
  return (
    <Dialog open fullWidth maxWidth="sm" aria-labelledby="key-shares-title">
      <DialogTitle id="key-shares-title">{translate('app.batch.key_shares.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.batch.key_shares.intro', { threshold: box.threshold })}
        </Alert>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {translate('app.batch.key_shares.scrutineer', {
            index: index + 1,
            count: box.shares.length,
            name: current.scrutineer,
          })}
        </Typography>
        <Typography
          aria-label={current.scrutineer}
          data-testid="key-share"
          sx={{ fontFamily: 'monospace', fontSize: '1.1rem', wordBreak: 'break-all', userSelect: 'all' }}
        >
          {grouped(current.share)}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button
          variant="contained"
          onClick={() => {
            if (!last) {
              setIndex(index + 1);
              return;
            }
            setIndex(0);
            onClose();
          }}
        >
          {translate(last ? 'app.batch.key_shares.done' : 'app.batch.key_shares.next')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
