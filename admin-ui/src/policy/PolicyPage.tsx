import { Alert, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Loading, SaveButton, Title, useNotify, useTranslate } from 'react-admin';
import { splitErrors } from '../common/fieldErrors';
import { errorStatus } from '../common/errorMessage';
import { SectionCard } from '../common/SectionCard';
import { useAppDataProvider } from '../providers/dataProvider';
import { PolicyFieldInput } from './PolicyFieldInput';
import { errorsUnderFields, policyGroups } from './policyFields';
import type { JurisdictionPolicy } from './types';

/** 政策参数: every parameter of my jurisdiction or one of its townships, each with the source's rule beside it. */
export const PolicyPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [selected, setSelected] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const { data, refetch } = useQuery({
    queryKey: ['policies'],
    queryFn: async () => (await dataProvider.getPolicies()).data,
  });
  const save = useMutation({
    mutationFn: (p: JurisdictionPolicy) => dataProvider.setPolicy(p.id, { batch: p.batch, project: p.project }),
  });
  if (!data) return <Loading />;
  const current = data.find((p) => p.id === selected) ?? data[0];
  if (!current) return null;

  const onSubmit = async (values: Record<string, unknown>) => {
    setGeneral(null);
    try {
      await save.mutateAsync(values as unknown as JurisdictionPolicy);
      notify('app.policy.saved', { type: 'success', messageArgs: { name: current.name } });
      await refetch();
      return undefined;
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      if (errorStatus(error) === 400 && body?.errors) {
        const fields = errorsUnderFields(body.errors);
        if (Object.keys(fields).length > 0) return fields;
      }
      setGeneral(splitErrors(error, []).general);
      return undefined;
    }
  };

  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Title title="app.policy.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.policy.title')}
        </Typography>
        <TextField
          select
          size="small"
          label={translate('app.policy.jurisdiction')}
          value={current.id}
          onChange={(e) => setSelected(e.target.value)}
          sx={{ minWidth: 220 }}
        >
          {data.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Alert severity="info">{translate('app.policy.applies')}</Alert>
      {general ? (
        <Alert severity="error" role="alert">
          {translate(general, { _: general })}
        </Alert>
      ) : null}
      <Form key={current.id} record={current} onSubmit={onSubmit}>
        <Stack spacing={2}>
          {policyGroups.map((group) => (
            <SectionCard key={group.key} title={`app.policy.groups.${group.key}`}>
              <Stack spacing={1}>
                {group.fields.map((field) => (
                  <PolicyFieldInput key={field.source} field={field} />
                ))}
              </Stack>
            </SectionCard>
          ))}
          <div>
            <SaveButton label="app.policy.save" alwaysEnable />
          </div>
        </Stack>
      </Form>
    </Stack>
  );
};
