import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface ReceiptPanelProps {
  code: string;
  /** i18n key of the heading, e.g. "You have voted". */
  title: string;
  /** i18n key of the explanation under the code. */
  explanation: string;
}

/** What a deputy sees after taking part: that they did, and the receipt code; never the choices. */
export const ReceiptPanel = ({ code, title, explanation }: ReceiptPanelProps) => {
  const translate = useTranslate();
  return (
    <Card component="section" aria-label={translate('app.ballot.receipt_region')} variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
          <CheckCircleIcon color="success" fontSize="large" />
          <Typography variant="h6" component="h2">
            {translate(title)}
          </Typography>
        </Box>
        <Typography variant="body2" color="text.secondary">
          {translate('app.ballot.receipt_code')}
        </Typography>
        <Typography
          data-testid="receipt-code"
          sx={{ fontFamily: 'monospace', fontSize: '1.75rem', letterSpacing: '0.15em', wordBreak: 'break-all', my: 1 }}
        >
          {code}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate(explanation)}
        </Typography>
      </CardContent>
    </Card>
  );
};
