import { Alert, Button, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';

/**
 * The receipt code a comment or suggestion was given: the only way its author reads the office's answer
 * later, so it is shown large, to be written down or photographed (docs/domain.md, "Candidate publicity").
 */
export const ReceiptCodeNotice = ({ code }: { code: string | null | undefined }) => {
  const translate = useTranslate();
  if (!code) return null;
  return (
    <Alert severity="info" sx={{ width: '100%' }}>
      <Typography variant="body2">{translate('app.public.receipt.your_code')}</Typography>
      <Typography
        variant="h5"
        component="p"
        aria-label={translate('app.public.receipt.code')}
        sx={{ fontFamily: 'monospace', letterSpacing: 2, my: 0.5 }}
      >
        {code}
      </Typography>
      <Typography variant="body2" gutterBottom>
        {translate('app.public.receipt.keep_it')}
      </Typography>
      <Button component={LinkBase} to={`/public/receipts/${encodeURIComponent(code)}`} size="small" variant="outlined">
        {translate('app.public.receipt.look_up')}
      </Button>
    </Alert>
  );
};
