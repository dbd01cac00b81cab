import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { ReceiptCodeNotice } from './ReceiptCodeNotice';
import { publicCommentSchema } from '@domain/contract/publicity';
import { Form, required, SaveButton, SelectInput, TextInput, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { newIdempotencyKey } from '../common/idempotencyKey';
import { splitErrors } from '../common/fieldErrors';
import { batchPath, postPublic } from '../providers/publicApi';
import { zodFieldValidator } from '../common/zodValidation';
import type { PublicCandidate } from './types';

interface CommentValues {
  candidateId: string;
  authorName?: string;
  contact?: string;
  body: string;
}

const fields = ['candidateId', 'authorName', 'contact', 'body'] as const;
/** The select's value for a comment on the list as a whole (the API takes no candidateId then). */
const general = 'general';

/** What POST …/comments receives (publicCommentSchema): blank optional fields are left out. */
function commentBody(values: Partial<CommentValues>, key: string) {
  const authorName = values.authorName?.trim();
  const contact = values.contact?.trim();
  return {
    key,
    ...(values.candidateId && values.candidateId !== general ? { candidateId: values.candidateId } : {}),
    ...(authorName ? { authorName } : {}),
    ...(contact ? { contact } : {}),
    body: values.body,
  };
}

// The API's own schema checks each field, on the body the form would send.
const field = (path: string) =>
  zodFieldValidator(publicCommentSchema, path, {
    prepare: (values) => commentBody(values, 'form-generated-key'),
    custom: { contact: 'app.public.contact_invalid' },
  });
const validate = { body: field('body'), authorName: field('authorName'), contact: field('contact') };

interface CommentFormProps {
  batchId: string;
  candidates: PublicCandidate[];
  /** The candidate chosen from its card; the form remounts with it. */
  candidateId: string | null;
}

/** A comment on the published list or on one candidate (POST …/comments), idempotent per filled-in form. */
export const CommentForm = ({ batchId, candidates, candidateId }: CommentFormProps) => {
  const translate = useTranslate();
  const [key, setKey] = useState(newIdempotencyKey);
  const [received, setReceived] = useState(false);
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const choices = [
    { id: general, name: translate('app.public.comment.general') },
    ...candidates.map((c) => ({ id: c.id, name: c.title })),
  ];

  const submit = async (values: Partial<CommentValues>) => {
    setRefusal(null);
    try {
      const created = await postPublic<{ receiptCode: string | null }>(
        batchPath(batchId, '/comments'),
        commentBody(values, key),
      );
      setReceiptCode(created.receiptCode);
      setReceived(true);
      return undefined;
    } catch (error) {
      const errors = splitErrors(error, fields).fields;
      if (Object.keys(errors).length === 0) setRefusal(errorMessage(error));
      return errors;
    }
  };

  return (
    <Paper
      id="comment-form"
      component="section"
      aria-label={translate('app.public.comment.title')}
      variant="outlined"
      sx={{ p: 2 }}
    >
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.public.comment.title')}
      </Typography>
      {received ? (
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Alert severity="success">{translate('app.public.comment.received')}</Alert>
          <ReceiptCodeNotice code={receiptCode} />
          <Button
            variant="outlined"
            onClick={() => {
              setKey(newIdempotencyKey());
              setReceived(false);
            }}
          >
            {translate('app.public.comment.another')}
          </Button>
        </Stack>
      ) : (
        <>
          {refusal ? (
            <Alert severity="error" role="alert" sx={{ my: 1 }}>
              {refusal}
            </Alert>
          ) : null}
          <Form
            key={`${key}-${candidateId ?? general}`}
            defaultValues={{ candidateId: candidateId ?? general }}
            onSubmit={submit}
            noValidate
          >
            <Stack>
              <SelectInput
                source="candidateId"
                label="app.public.comment.about"
                choices={choices}
                translateChoice={false}
                validate={required()}
              />
              <TextInput source="body" label="app.public.comment.body" multiline minRows={4} validate={validate.body} />
              <TextInput
                source="authorName"
                label="app.public.field_name"
                helperText="app.public.optional"
                validate={validate.authorName}
              />
              <TextInput
                source="contact"
                label="app.public.field_contact"
                helperText="app.public.optional"
                validate={validate.contact}
              />
              <Box>
                <SaveButton label="app.public.comment.submit" alwaysEnable size="large" />
              </Box>
            </Stack>
          </Form>
        </>
      )}
    </Paper>
  );
};
