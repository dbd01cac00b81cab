import { Box, Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';

interface JsonFieldProps {
  source: string;
  /** One line, cut at this many characters, for list columns. */
  maxLength?: number;
  label?: string;
}

/** A free-form object (audit detail, task payload) as readable JSON. */
export const JsonField = ({ source, maxLength }: JsonFieldProps) => {
  const value: unknown = useFieldValue({ source });
  if (value === null || value === undefined) return null;
  if (maxLength !== undefined) {
    const line = JSON.stringify(value);
    return (
      <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }} title={line}>
        {line.length > maxLength ? `${line.slice(0, maxLength)}…` : line}
      </Typography>
    );
  }
  return (
    <Box component="pre" sx={{ m: 0, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
