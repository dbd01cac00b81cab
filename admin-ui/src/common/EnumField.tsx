import { Chip, Typography, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';

interface EnumFieldProps {
  source: string;
  /** The i18n prefix; the value is appended, e.g. `app.task.kind` + `instruction`. */
  prefix: string;
  chip?: boolean;
  color?: ChipProps['color'];
  label?: string;
}

/** A coded value shown in words; a code the UI does not know yet is shown as is. */
export const EnumField = ({ source, prefix, chip = false, color = 'default' }: EnumFieldProps) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source });
  if (value === null || value === undefined || value === '') return null;
  const text = translate(`${prefix}.${String(value)}`, { _: String(value) });
  return chip ? (
    <Chip size="small" label={text} color={color} />
  ) : (
    <Typography variant="body2" component="span">
      {text}
    </Typography>
  );
};
