import { screeningOutcomes, suggestionCategories, suggestionChannels } from '@domain/contract/vocabulary';

export const outcomeChoices = [...screeningOutcomes, 'none' as const].map((id) => ({
  id,
  name: `app.suggestion.outcome.${id}`,
}));
// Spam is marked in bulk (POST /suggestions/bulk-review), not through the joint review's form.
export const reviewOutcomeChoices = outcomeChoices.filter((c) => c.id !== 'none' && c.id !== 'spam');
export const categoryChoices = suggestionCategories.map((id) => ({ id, name: `app.suggestion.category.${id}` }));
export const channelChoices = suggestionChannels.map((id) => ({ id, name: `app.suggestion.channel.${id}` }));
