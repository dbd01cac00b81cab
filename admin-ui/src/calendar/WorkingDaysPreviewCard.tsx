import { Alert, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DateInput, Form, NumberInput, required, SaveButton, useLocale, useTranslate } from 'react-admin';
import { dialogRefusal } from '../common/fieldErrors';
import { integer } from '../common/validators';
import { SectionCard } from '../common/SectionCard';
import { useAppDataProvider } from '../providers/dataProvider';
import { formatDay, formatInstant } from '../common/formatInstant';
import type { WorkingDaysPreview } from './types';

const fields = ['from', 'workingDays'] as const;

/** "7 working days from <day> end on …", computed by the API with the arithmetic the workflows use. */
export const WorkingDaysPreviewCard = ({ calendarVersion }: { calendarVersion: number }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const dataProvider = useAppDataProvider();
  const [result, setResult] = useState<(WorkingDaysPreview & { version: number }) | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const { mutateAsync } = useMutation({
    mutationFn: (values: { from: string; workingDays: number }) => dataProvider.previewWorkingDays(values),
  });
  const onSubmit = async (values: Record<string, unknown>) => {
    setGeneral(null);
    try {
      const { data } = await mutateAsync({ from: String(values.from), workingDays: Number(values.workingDays) });
      setResult({ ...data, version: calendarVersion });
      return undefined;
    } catch (error) {
      const refusal = dialogRefusal(error, fields);
      setGeneral(refusal.general);
      return refusal.fields;
    }
  };
  return (
    <SectionCard title="app.calendar.preview.title">
      <Form defaultValues={{ workingDays: 7 }} onSubmit={onSubmit}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <DateInput source="from" label="app.calendar.preview.from" validate={required()} />
          <NumberInput
            source="workingDays"
            label="app.calendar.preview.working_days"
            validate={[required(), integer]}
          />
          <SaveButton label="app.calendar.preview.submit" icon={<span />} alwaysEnable />
        </Stack>
      </Form>
      {general ? <Alert severity="error">{translate(general, { _: general })}</Alert> : null}
      {result ? (
        <Alert
          severity={result.version === calendarVersion ? 'success' : 'info'}
          role="status"
          aria-label={translate('app.calendar.preview.result_label')}
        >
          {translate('app.calendar.preview.result', {
            workingDays: result.workingDays,
            from: formatDay(result.from, locale),
            lastDay: formatDay(result.lastDay, locale),
            dueAt: formatInstant(result.dueAt, locale),
          })}
          {result.version !== calendarVersion ? ` ${translate('app.calendar.preview.stale')}` : ''}
        </Alert>
      ) : null}
    </SectionCard>
  );
};
