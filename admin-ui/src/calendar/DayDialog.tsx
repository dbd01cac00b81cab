import { Alert, Button, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { RadioButtonGroupInput, required, TextInput, useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ActionDialog } from '../common/ActionDialog';
import { dialogRefusal } from '../common/fieldErrors';
import { notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import { AffectedDeadlines } from './AffectedDeadlines';
import type { AffectedDeadline, CalendarDay, CalendarScope, CalendarYear } from './types';

type Choice = 'off' | 'working';
type Values = { working: Choice; reason: string };

/** Before saving, which running deadlines the choice would move (api/calendar POST /calendar/impact). */
const Impact = ({ scope, day }: { scope: CalendarScope; day: string }) => {
  const dataProvider = useAppDataProvider();
  const choice = useWatch<{ working?: Choice }>({ name: 'working' });
  const working = choice === undefined ? undefined : choice === 'working';
  const { data } = useQuery({
    queryKey: ['calendar-impact', scope, day, working],
    queryFn: () => dataProvider.previewCalendarChange({ scope, day, working: working! }),
    enabled: working !== undefined,
  });
  return data ? <AffectedDeadlines affected={data.data.affected} pending /> : null;
};

/** One day's entry in the chosen schedule: set it as a holiday/closure or a worked day, or remove it. */
export const DayDialog = ({
  day,
  scope,
  calendar,
  onClose,
  onChanged,
}: {
  day: CalendarDay;
  scope: CalendarScope;
  calendar: CalendarYear;
  onClose: () => void;
  onChanged: (affected: AffectedDeadline[]) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [clearRefused, setClearRefused] = useState<string | null>(null);
  const entry = calendar.entries[scope].find((e) => e.day === day.day);
  const clear = useMutation({
    mutationFn: () => dataProvider.clearCalendarDay(scope, day.day),
    onSuccess: ({ data }) => {
      notify('app.calendar.day.cleared', { type: 'success', messageArgs: { smart_count: data.affected.length } });
      onChanged(data.affected);
    },
    onError: (error) => setClearRefused(dialogRefusal(error, []).general),
  });
  return (
    <ActionDialog<Values, Awaited<ReturnType<typeof dataProvider.setCalendarDay>>>
      open
      onClose={onClose}
      label="app.calendar.day.save"
      title="app.calendar.day.title"
      titleOptions={{ day: day.day, scope: translate(`app.calendar.scope.${scope}`) }}
      success="app.calendar.day.saved"
      successOptions={({ data }) => ({ smart_count: data.affected.length })}
      onDone={({ data }) => onChanged(data.affected)}
      fields={['working', 'reason']}
      defaultValues={
        entry
          ? { working: entry.working ? 'working' : 'off', reason: entry.reason }
          : { working: day.working ? 'off' : 'working' }
      }
      submit={(values) =>
        dataProvider.setCalendarDay({
          scope,
          day: day.day,
          working: values.working === 'working',
          reason: values.reason,
        })
      }
      intro={
        <>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate(day.working ? 'app.calendar.day.now_working' : 'app.calendar.day.now_off')}
            {day.reason ? ` · ${day.reason}` : ''} ({translate(`app.calendar.source.${day.source}`)})
          </Typography>
          {clearRefused ? (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {translate(clearRefused, { _: clearRefused })}
            </Alert>
          ) : null}
        </>
      }
      extraActions={
        entry ? (
          <Button color="error" onClick={() => clear.mutate()} disabled={clear.isPending}>
            {translate('app.calendar.day.clear')}
          </Button>
        ) : null
      }
    >
      <RadioButtonGroupInput
        source="working"
        label="app.calendar.day.working"
        choices={[
          { id: 'off', name: scope === 'local' ? 'app.calendar.day.closure' : 'app.calendar.day.holiday' },
          { id: 'working', name: 'app.calendar.day.workday' },
        ]}
        validate={required()}
      />
      <TextInput
        source="reason"
        label="app.calendar.day.reason"
        helperText="app.calendar.day.reason_helper"
        validate={[required(), notBlank]}
        fullWidth
      />
      <Impact scope={scope} day={day.day} />
    </ActionDialog>
  );
};
