import { AutocompleteInput, ReferenceInput, required, useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';
import type { Suggestion } from './types';

/** A duplicate joins the suggestion it repeats; its proposers move there and hear that one's outcome. */
export const MergeDialog = () => {
  const suggestion = useRecordContext<Suggestion>();
  const dataProvider = useAppDataProvider();
  if (!suggestion || suggestion.merged_into_id) return null;
  return (
    <ActionDialog<{ intoId: string }>
      label="app.suggestion.merge.action"
      success="app.suggestion.merge.done"
      fields={['intoId']}
      confirm={{ content: 'app.suggestion.merge.confirm', translateOptions: { title: suggestion.title } }}
      nestedErrors
      size="medium"
      submit={(values) => dataProvider.mergeSuggestion(suggestion.id, { intoId: values.intoId })}
    >
      <ReferenceInput source="intoId" reference="suggestions" filter={{ batch_id: suggestion.batch_id }}>
        <AutocompleteInput
          label="app.suggestion.merge.into"
          optionText="title"
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          fullWidth
        />
      </ReferenceInput>
    </ActionDialog>
  );
};
