import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useTranslate } from 'react-admin';
import { formatInstant } from './formatInstant';

interface OfficeDateTimeFieldProps {
  source: string;
  label?: string;
  emptyText?: string;
}

/** An instant in China Standard Time, whatever the browser's zone (the office's deadlines are CST). */
export const OfficeDateTimeField = ({ source, emptyText }: OfficeDateTimeFieldProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const value: unknown = useFieldValue({ source });
  const text = typeof value === 'string' ? formatInstant(value, locale) : '';
  return (
    <Typography variant="body2" component="span">
      {text || (emptyText ? translate(emptyText, { _: emptyText }) : '')}
    </Typography>
  );
};
