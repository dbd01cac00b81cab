import { Box, ButtonBase, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CalendarDay } from './types';

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));

/** How a day reads at a glance: off, worked on a weekend (调休), or an ordinary day. */
export function dayStyle(d: CalendarDay): { bg: string; fg: string } {
  if (!d.working)
    return d.source === 'local' || d.source === 'county'
      ? { bg: '#ede7f6', fg: '#4527a0' }
      : { bg: '#ffebee', fg: '#b71c1c' };
  if (isWeekend(d.day)) return { bg: '#fff8e1', fg: '#e65100' };
  return { bg: 'transparent', fg: 'inherit' };
}

/** One month, Monday first; each day a button that opens its entry. */
export const MonthGrid = ({
  month,
  days,
  onPick,
}: {
  month: number;
  days: CalendarDay[];
  onPick: (day: CalendarDay) => void;
}) => {
  const translate = useTranslate();
  const lead = days.length ? (weekdayOf(days[0]!.day) + 6) % 7 : 0;
  const status = (d: CalendarDay) =>
    translate(d.working ? 'app.calendar.working' : 'app.calendar.off') + (d.reason ? ` · ${d.reason}` : '');
  return (
    <Box component="section" aria-label={translate(`app.calendar.month.${month}`)} sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {translate(`app.calendar.month.${month}`)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: '2px', fontSize: 12 }}>
        {[1, 2, 3, 4, 5, 6, 0].map((w) => (
          <Box key={w} sx={{ textAlign: 'center', opacity: 0.6 }}>
            {translate(`app.calendar.weekday.${w}`)}
          </Box>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <Box key={`lead-${i}`} />
        ))}
        {days.map((d) => {
          const { bg, fg } = dayStyle(d);
          return (
            <ButtonBase
              key={d.day}
              data-day={d.day}
              data-working={d.working}
              aria-label={`${d.day} ${status(d)}`}
              title={status(d)}
              onClick={() => onPick(d)}
              sx={{
                borderRadius: 1,
                py: 0.25,
                bgcolor: bg,
                color: fg,
                fontWeight: d.source === 'package' ? 400 : 700,
                outline: d.source === 'package' ? 'none' : '1px dashed currentColor',
              }}
            >
              {Number(d.day.slice(8))}
            </ButtonBase>
          );
        })}
      </Box>
    </Box>
  );
};
