import { Box, LinearProgress, Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';

interface ProgressFieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
}

export const ProgressField = ({ source }: ProgressFieldProps) => {
  const value: unknown = useFieldValue({ source });
  if (typeof value !== 'number') return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 120 }}>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, Math.max(0, value))}
        sx={{ flex: 1, height: 6, borderRadius: 3 }}
      />
      <Typography variant="body2" component="span">{`${value}%`}</Typography>
    </Box>
  );
};
