import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { ReceiptCodeNotice } from './ReceiptCodeNotice';
import { publicSuggestionSchema } from '@domain/contract/suggestions';
import { Form, required, SaveButton, SelectInput, TextInput, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { splitErrors } from '../common/fieldErrors';
import { batchPath, postPublic } from '../providers/publicApi';
import { zodFieldValidator } from '../common/zodValidation';
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

/** What POST …/suggestions receives (publicSuggestionSchema). */
function suggestionBody(values: Partial<SuggestionValues>, key: string) {
  const name = values.proposer?.name?.trim();
  return {
    key,
    title: values.title,
    description: values.description,
    category: values.category,
    location: values.location,
    proposer: { ...(name ? { name } : {}), contact: values.proposer?.contact ?? '' },
  };
}

// The API's own schema checks each field, on the body the form would send.
const field = (path: string) =>
  zodFieldValidator(publicSuggestionSchema, path, {
    prepare: (values) => suggestionBody(values, 'form-generated-key'),
    custom: { 'proposer.contact': 'app.public.contact_invalid' },
  });
const validate = {
  title: field('title'),
  description: field('description'),
  category: field('category'),
  location: field('location'),
  name: field('proposer.name'),
  contact: [required(), field('proposer.contact')],
};

/** The public suggestion form; one idempotency key per filled-in form, so a retried submit is stored once. */
export const SuggestionForm = ({ batchId }: { batchId: string }) => {
  const translate = useTranslate();
  const [key, setKey] = useState(newIdempotencyKey);
  const [received, setReceived] = useState<{ id: string; title: string; receiptCode: string | null } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (values: Partial<SuggestionValues>) => {
    setRefusal(null);
    try {
      const created = await postPublic<{ id: string; title: string; receiptCode: string | null }>(
        batchPath(batchId, '/suggestions'),
        suggestionBody(values, key),
      );
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
        <Box sx={{ mb: 2 }}>
          <ReceiptCodeNotice code={received.receiptCode} />
        </Box>
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
          <TextInput source="title" label="app.public.suggest.field_title" validate={validate.title} />
          <TextInput
            source="description"
            label="app.public.suggest.field_description"
            multiline
            minRows={4}
            validate={validate.description}
          />
          <SelectInput
            source="category"
            label="app.public.suggest.field_category"
            choices={categoryChoices}
            validate={validate.category}
          />
          <TextInput
            source="location"
            label="app.public.suggest.field_location"
            helperText="app.public.suggest.location_helper"
            validate={validate.location}
          />
          <TextInput
            source="proposer.name"
            label="app.public.field_name"
            helperText="app.public.optional"
            validate={validate.name}
          />
          <TextInput
            source="proposer.contact"
            label="app.public.field_contact"
            helperText="app.public.suggest.contact_helper"
            validate={validate.contact}
          />
          <Box>
            <SaveButton label="app.public.suggest.submit" alwaysEnable size="large" />
          </Box>
        </Stack>
      </Form>
    </Paper>
  );
};
