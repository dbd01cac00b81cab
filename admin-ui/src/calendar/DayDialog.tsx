import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Form, RadioButtonGroupInput, required, SaveButton, TextInput, useNotify, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { dialogRefusal } from '../common/fieldErrors';
import { notBlank } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import { AffectedDeadlines } from './AffectedDeadlines';
import type { AffectedDeadline, CalendarDay, CalendarScope, CalendarYear } from './types';

const fields = ['working', 'reason'] as const;
type Choice = 'off' | 'working';

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
  const titleId = useId();
  const [general, setGeneral] = useState<string | null>(null);
  const entry = calendar.entries[scope].find((e) => e.day === day.day);
  const done = (affected: AffectedDeadline[], message: string) => {
    notify(message, { type: 'success', messageArgs: { smart_count: affected.length } });
    onChanged(affected);
  };
  const save = useMutation({
    mutationFn: (values: { working: Choice; reason: string }) =>
      dataProvider.setCalendarDay({
        scope,
        day: day.day,
        working: values.working === 'working',
        reason: values.reason,
      }),
  });
  const clear = useMutation({
    mutationFn: () => dataProvider.clearCalendarDay(scope, day.day),
    onSuccess: ({ data }) => done(data.affected, 'app.calendar.day.cleared'),
    onError: (error) => setGeneral(dialogRefusal(error, []).general),
  });
  const onSubmit = async (values: Record<string, unknown>) => {
    setGeneral(null);
    try {
      const { data } = await save.mutateAsync(values as { working: Choice; reason: string });
      done(data.affected, 'app.calendar.day.saved');
      return undefined;
    } catch (error) {
      const refusal = dialogRefusal(error, fields);
      setGeneral(refusal.general);
      return refusal.fields;
    }
  };
  const scopeLabel = translate(`app.calendar.scope.${scope}`);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <Form
        defaultValues={
          entry
            ? { working: entry.working ? 'working' : 'off', reason: entry.reason }
            : { working: day.working ? 'off' : 'working' }
        }
        onSubmit={onSubmit}
      >
        <DialogTitle id={titleId}>
          {translate('app.calendar.day.title', { day: day.day, scope: scopeLabel })}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate(day.working ? 'app.calendar.day.now_working' : 'app.calendar.day.now_off')}
            {day.reason ? ` · ${day.reason}` : ''} ({translate(`app.calendar.source.${day.source}`)})
          </Typography>
          {general ? (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {translate(general, { _: general })}
            </Alert>
          ) : null}
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
        </DialogContent>
        <DialogActions>
          {entry ? (
            <Button color="error" onClick={() => clear.mutate()} disabled={clear.isPending}>
              {translate('app.calendar.day.clear')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="app.calendar.day.save" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
