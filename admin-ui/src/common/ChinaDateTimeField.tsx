import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useTranslate } from 'react-admin';
import { Countdown } from './Countdown';
import { formatDay, formatInstant } from './formatInstant';

interface ChinaDateTimeFieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  /** A 'YYYY-MM-DD' day rather than an instant. */
  dayOnly?: boolean;
  /** Adds a countdown ("in 3 days" / "overdue by 2 hours") after the date. */
  relative?: boolean;
  emptyText?: string;
}

/** An instant in China Standard Time, formatted for the selected UI language. */
export const ChinaDateTimeField = ({ source, dayOnly, relative, emptyText }: ChinaDateTimeFieldProps) => {
  const value: unknown = useFieldValue({ source });
  const [locale = 'zh-CN'] = useLocaleState();
  const translate = useTranslate();
  if (typeof value !== 'string' || !value) {
    return emptyText ? (
      <Typography variant="body2" component="span">
        {translate(emptyText, { _: emptyText })}
      </Typography>
    ) : null;
  }
  if (relative && !dayOnly) return <Countdown at={value} showDate />;
  return (
    <Typography variant="body2" component="span">
      {dayOnly ? formatDay(value, locale) : formatInstant(value, locale)}
    </Typography>
  );
};
