import { NumberInput, TextInput, maxLength, maxValue, minValue, required, useRecordContext } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { integer } from '../common/validators';
import { useAppDataProvider } from '../providers/dataProvider';
import type { Suggestion } from './types';

const criteria = ['publicSupport', 'fundingFeasibility', 'socialBenefit', 'implementationDifficulty'] as const;
const mark = [required(), integer, minValue(0), maxValue(100)];

/** 筛选论证: one reviewer's four marks (0–100); the API weighs them with the jurisdiction's rubric. */
export const ScoreDialog = ({ myScore }: { myScore?: Record<(typeof criteria)[number], number> }) => {
  const suggestion = useRecordContext<Suggestion>();
  const dataProvider = useAppDataProvider();
  if (!suggestion) return null;
  return (
    <ActionDialog
      label="app.suggestion.score.action"
      success="app.suggestion.score.done"
      fields={[...criteria, 'note']}
      defaultValues={myScore}
      variant="contained"
      nestedErrors
      size="medium"
      submit={(values) => dataProvider.scoreSuggestion(suggestion.id, values)}
    >
      {criteria.map((c) => (
        <NumberInput
          key={c}
          source={c}
          label={`app.suggestion.score.${c}`}
          validate={mark}
          min={0}
          max={100}
          fullWidth
        />
      ))}
      <TextInput source="note" label="app.suggestion.score.note" validate={maxLength(2000)} multiline fullWidth />
    </ActionDialog>
  );
};
