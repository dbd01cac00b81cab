import { Alert, Box, Button, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import { useAppDataProvider } from '../providers/dataProvider';
import { AffectedDeadlines } from './AffectedDeadlines';
import { DayDialog } from './DayDialog';
import { dayStyle, MonthGrid } from './MonthGrid';
import type { AffectedDeadline, CalendarDay, CalendarScope } from './types';
import { WorkingDaysPreviewCard } from './WorkingDaysPreviewCard';

const Legend = () => {
  const translate = useTranslate();
  const swatch = (key: string, sample: CalendarDay) => {
    const { bg, fg } = dayStyle(sample);
    return (
      <Box component="span" sx={{ px: 1, borderRadius: 1, bgcolor: bg, color: fg, border: '1px solid #ddd' }}>
        {translate(key)}
      </Box>
    );
  };
  const base = { nationalWorking: true, reason: null } as const;
  return (
    <Stack direction="row" spacing={1} sx={{ fontSize: 13, flexWrap: 'wrap' }}>
      {swatch('app.calendar.legend.working', { ...base, day: '2027-01-04', working: true, source: 'package' })}
      {swatch('app.calendar.legend.off', { ...base, day: '2027-01-02', working: false, source: 'package' })}
      {swatch('app.calendar.legend.swapped', { ...base, day: '2027-01-02', working: true, source: 'national' })}
      {swatch('app.calendar.legend.closure', { ...base, day: '2027-01-04', working: false, source: 'local' })}
      <span>{translate('app.calendar.legend.entered')}</span>
    </Stack>
  );
};

/** 工作日历: the year with its working days, the office's entries, a preview and the deadlines a change moves. */
export const CalendarPage = () => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  const [scope, setScope] = useState<CalendarScope>('local');
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const [moved, setMoved] = useState<AffectedDeadline[] | null>(null);
  // Bumped by each change, so a preview computed before it says it may be out of date.
  const [version, setVersion] = useState(0);
  const { data, refetch } = useQuery({
    queryKey: ['calendar', year],
    queryFn: async () => (await dataProvider.getCalendarYear(year)).data,
  });
  const effectiveScope: CalendarScope = data?.mayEditNational ? scope : 'local';
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Title title="app.calendar.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button onClick={() => setYear(year - 1)} aria-label={translate('app.calendar.previous_year')}>
          ‹
        </Button>
        <Typography variant="h6" component="h1">
          {translate('app.calendar.year', { year })}
        </Typography>
        <Button onClick={() => setYear(year + 1)} aria-label={translate('app.calendar.next_year')}>
          ›
        </Button>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={effectiveScope}
          onChange={(_, value: CalendarScope | null) => value && setScope(value)}
          aria-label={translate('app.calendar.scope.label')}
        >
          <ToggleButton value="national" disabled={!data?.mayEditNational}>
            {translate('app.calendar.scope.national')}
          </ToggleButton>
          <ToggleButton value="local">{translate('app.calendar.scope.local')}</ToggleButton>
        </ToggleButtonGroup>
        <Legend />
      </Stack>
      {data && !data.packageCovers && data.entries.national.length === 0 ? (
        <Alert severity="warning">{translate('app.calendar.package_gap', { year })}</Alert>
      ) : null}
      <Alert severity="info">{translate(`app.calendar.scope.help_${effectiveScope}`)}</Alert>
      {moved ? (
        <SectionCard title="app.calendar.affected.title">
          <AffectedDeadlines affected={moved} />
        </SectionCard>
      ) : null}
      {!data ? (
        <Loading />
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
          {Array.from({ length: 12 }, (_, m) => (
            <MonthGrid
              key={m}
              month={m + 1}
              days={data.days.filter((d) => Number(d.day.slice(5, 7)) === m + 1)}
              onPick={setPicked}
            />
          ))}
        </Box>
      )}
      <WorkingDaysPreviewCard calendarVersion={version} />
      {picked && data ? (
        <DayDialog
          day={picked}
          scope={effectiveScope}
          calendar={data}
          onClose={() => setPicked(null)}
          onChanged={(affected) => {
            setPicked(null);
            setMoved(affected);
            setVersion((v) => v + 1);
            void refetch();
          }}
        />
      ) : null}
    </Stack>
  );
};
