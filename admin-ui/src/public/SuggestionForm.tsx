import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, maxLength, minLength, required, SaveButton, SelectInput, TextInput, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { validContact } from './contact';
import { splitErrors } from '../common/fieldErrors';
import { batchPath, postPublic } from '../providers/publicApi';
import { suggestionCategories } from './types';

interface SuggestionValues {
  title: string;
  description: string;
  category: string;
  location: string;
  proposer?: { name?: string; contact: string };
}

const fields = ['title', 'description', 'category', 'location', 'proposer.name', 'proposer.contact'] as const;
const categoryChoices = suggestionCategories.map((id) => ({ id, name: `app.public.category.${id}` }));

/** The public suggestion form; one idempotency key per filled-in form, so a retried submit is stored once. */
export const SuggestionForm = ({ batchId }: { batchId: string }) => {
  const translate = useTranslate();
  const [key, setKey] = useState(newIdempotencyKey);
  const [received, setReceived] = useState<{ id: string; title: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Partial<SuggestionValues>) => {
    setRefusal(null);
    try {
      const name = values.proposer?.name?.trim();
      const created = await postPublic<{ id: string; title: string }>(batchPath(batchId, '/suggestions'), {
        key,
        title: values.title,
        description: values.description,
        category: values.category,
        location: values.location,
        proposer: { ...(name ? { name } : {}), contact: values.proposer?.contact ?? '' },
      });
      setReceived(created);
      return undefined;
    } catch (error) {
      const errors = splitErrors(error, fields).fields;
      // What concerns no field (the phase has ended, a reused key) is said above the form.
      if (Object.keys(errors).length === 0) setRefusal(errorMessage(error));
      return errors;
    }
  };

  if (received) {
    return (
      <Paper
        component="section"
        aria-label={translate('app.public.suggest.received_title')}
        variant="outlined"
        sx={{ p: 2 }}
      >
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.public.suggest.received_title')}
        </Typography>
        <Typography gutterBottom>
          {translate('app.public.suggest.received', { title: received.title, id: received.id })}
        </Typography>
        <Button
          variant="outlined"
          size="large"
          onClick={() => {
            setKey(newIdempotencyKey());
            setReceived(null);
          }}
        >
          {translate('app.public.suggest.another')}
        </Button>
      </Paper>
    );
  }

  return (
    <Paper component="section" aria-label={translate('app.public.suggest.title')} variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.public.suggest.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.public.suggest.intro')}
      </Typography>
      {refusal ? (
        <Alert severity="error" role="alert" sx={{ my: 1 }}>
          {refusal}
        </Alert>
      ) : null}
      <Form key={key} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            source="title"
            label="app.public.suggest.field_title"
            validate={[required(), minLength(2), maxLength(200)]}
          />
          <TextInput
            source="description"
            label="app.public.suggest.field_description"
            multiline
            minRows={4}
            validate={[required(), maxLength(4000)]}
          />
          <SelectInput
            source="category"
            label="app.public.suggest.field_category"
            choices={categoryChoices}
            validate={required()}
          />
          <TextInput
            source="location"
            label="app.public.suggest.field_location"
            helperText="app.public.suggest.location_helper"
            validate={[required(), maxLength(200)]}
          />
          <TextInput
            source="proposer.name"
            label="app.public.field_name"
            helperText="app.public.optional"
            validate={maxLength(50)}
          />
          <TextInput
            source="proposer.contact"
            label="app.public.field_contact"
            helperText="app.public.suggest.contact_helper"
            validate={[required(), maxLength(120), validContact]}
          />
          <Box>
            <SaveButton label="app.public.suggest.submit" alwaysEnable size="large" />
          </Box>
        </Stack>
      </Form>
    </Paper>
  );
};
