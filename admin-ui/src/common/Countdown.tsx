import { Typography, type TypographyProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatInstant } from './formatInstant';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** The current time, ticking every `everyMs`, so a countdown moves while the page stays open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

interface CountdownProps {
  /** The deadline, an ISO instant. */
  at: string;
  /** Also print the deadline itself (in China Standard Time). */
  showDate?: boolean;
  variant?: TypographyProps['variant'];
}

/** "in 3 days 4 hours" or "overdue by 2 hours", relative to now and kept current. */
export const Countdown = ({ at, showDate = false, variant = 'body2' }: CountdownProps) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const now = useNow();
  const target = Date.parse(at);
  if (Number.isNaN(target)) return null;
  const left = target - now;
  const span = Math.abs(left);
  const days = Math.floor(span / dayMs);
  const hours = Math.floor((span % dayMs) / hourMs);
  const minutes = Math.floor((span % hourMs) / minuteMs);
  const amount =
    days > 0
      ? translate('app.countdown.days_hours', { days, hours })
      : hours > 0
        ? translate('app.countdown.hours_minutes', { hours, minutes })
        : translate('app.countdown.minutes', { minutes });
  const text = translate(left >= 0 ? 'app.countdown.in' : 'app.countdown.overdue', { amount });
  return (
    <Typography
      variant={variant}
      component="span"
      color={left < 0 ? 'error' : left < dayMs ? 'warning.main' : 'text.primary'}
      title={formatInstant(at, locale)}
    >
      {showDate ? `${formatInstant(at, locale)} · ${text}` : text}
    </Typography>
  );
};
