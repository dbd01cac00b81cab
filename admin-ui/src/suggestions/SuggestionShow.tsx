import { Stack } from '@mui/material';
import {
  FunctionField,
  Labeled,
  Link,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetIdentity,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ChinaDateTimeField as DateTimeField } from '../common/ChinaDateTimeField';
import { EnumField } from '../common/EnumField';
import { hasRole } from '../common/roles';
import { MergeDialog } from './MergeDialog';
import { ReviewDialog } from './ReviewDialog';
import { ScoreDialog } from './ScoreDialog';
import { SuggestionDetails } from './SuggestionDetails';
import type { Suggestion } from './types';

const SuggestionActions = () => {
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const s = useRecordContext<Suggestion>();
  const mine = s?.scores?.find((m) => m.reviewer_user_id === identity?.id);
  const reviewer = hasRole(permissions, 'reviewer');
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1}>
        {reviewer ? (
          <ScoreDialog
            myScore={
              mine && {
                publicSupport: mine.public_support,
                fundingFeasibility: mine.funding_feasibility,
                socialBenefit: mine.social_benefit,
                implementationDifficulty: mine.implementation_difficulty,
              }
            }
          />
        ) : null}
        {reviewer || hasRole(permissions, 'coordinator') ? <ReviewDialog /> : null}
        {reviewer || hasRole(permissions, 'coordinator') ? <MergeDialog /> : null}
      </Stack>
    </TopToolbar>
  );
};

const CandidateLink = () => {
  const s = useRecordContext<Suggestion>();
  const translate = useTranslate();
  if (!s?.candidate) return null;
  return (
    <Labeled label="app.suggestion.candidate">
      <Link to={`/candidates/${encodeURIComponent(s.candidate.id)}/show`}>
        {s.candidate.title || translate('app.suggestion.candidate')}
      </Link>
    </Labeled>
  );
};

export const SuggestionShow = () => (
  <Show actions={<SuggestionActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <ReferenceField source="batch_id" reference="batches" link="show" />
      <TextField source="description" />
      <EnumField source="category" prefix="app.suggestion.category" />
      <TextField source="location" />
      <EnumField source="channel" prefix="app.suggestion.channel" />
      <DateTimeField source="created_at" />
      <FunctionField source="score" render={(s: Suggestion) => s.score ?? '—'} />
      <EnumField source="outcome" prefix="app.suggestion.outcome" chip />
      <TextField source="outcome_reason" emptyText="—" />
      <ReferenceField source="department_id" reference="departments" emptyText="—" />
      <TextField source="funding_source" emptyText="—" />
      <ReferenceField source="merged_into_id" reference="suggestions" link="show" emptyText="—" />
      <CandidateLink />
      <SuggestionDetails />
    </SimpleShowLayout>
  </Show>
);
