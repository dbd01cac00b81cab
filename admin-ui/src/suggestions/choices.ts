import { screeningOutcomes, suggestionCategories, suggestionChannels } from '@domain/contract/vocabulary';

export const outcomeChoices = [...screeningOutcomes, 'none' as const].map((id) => ({
  id,
  name: `app.suggestion.outcome.${id}`,
}));
export const reviewOutcomeChoices = outcomeChoices.filter((c) => c.id !== 'none');
export const categoryChoices = suggestionCategories.map((id) => ({ id, name: `app.suggestion.category.${id}` }));
export const channelChoices = suggestionChannels.map((id) => ({ id, name: `app.suggestion.channel.${id}` }));
