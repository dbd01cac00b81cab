import { Box, Typography } from '@mui/material';
import { BooleanInput, NumberInput, required, SelectInput, useTranslate } from 'react-admin';
import { policyBodySchema } from '@domain/contract/policies';
import { type PolicyField, policyValidator } from './policyFields';

/** One parameter: its input, and beside it the source's rule (docs/domain.md, "Policy parameters"). */
export const PolicyFieldInput = ({ field }: { field: PolicyField }) => {
  const translate = useTranslate();
  const label = `app.policy.fields.${field.source}`;
  const rule = translate(`app.policy.rules.${field.source}`);
  const input =
    field.input === 'boolean' ? (
      <BooleanInput source={field.source} label={label} />
    ) : field.input === 'select' ? (
      <SelectInput
        source={field.source}
        label={label}
        validate={required()}
        choices={(field.choices ?? []).map((id) => ({ id, name: `app.policy.choices.${id}` }))}
      />
    ) : (
      <NumberInput source={field.source} label={label} validate={policyValidator(policyBodySchema, field.source)} />
    );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '320px 1fr' }, gap: 2, alignItems: 'start' }}>
      {input}
      <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }} data-rule-for={field.source}>
        {rule}
      </Typography>
    </Box>
  );
};
