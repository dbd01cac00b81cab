export const outcomeChoices = ['candidate', 'reserve', 'pendingResearch', 'rejected', 'none'].map((id) => ({
  id,
  name: `app.suggestion.outcome.${id}`,
}));
export const reviewOutcomeChoices = outcomeChoices.filter((c) => c.id !== 'none');
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
export const channelChoices = [
  'online',
  'hotline12345',
  'liaisonStation',
  'letter',
  'doorToDoor',
  'deputy',
  'department',
].map((id) => ({
  id,
  name: `app.suggestion.channel.${id}`,
}));
