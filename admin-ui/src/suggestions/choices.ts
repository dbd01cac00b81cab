export const outcomeChoices = ['candidate', 'reserve', 'pendingResearch', 'rejected', 'spam', 'none'].map((id) => ({
  id,
  name: `app.suggestion.outcome.${id}`,
}));
// Spam is marked in bulk (POST /suggestions/bulk-review), not through the joint review's form.
export const reviewOutcomeChoices = outcomeChoices.filter((c) => c.id !== 'none' && c.id !== 'spam');
export const categoryChoices = [
  'education',
  'transport',
  'water',
  'health',
  'elderCare',
  'environment',
  'culture',
  'other',
].map((id) => ({
  id,
  name: `app.suggestion.category.${id}`,
}));
export const channelChoices = ['online', 'hotline12345', 'liaisonStation', 'doorToDoor', 'deputy', 'department'].map(
  (id) => ({
    id,
    name: `app.suggestion.channel.${id}`,
  }),
);
