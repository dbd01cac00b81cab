import { batchScopes } from '@domain/contract/batches';
import { batchPhases } from '@domain/contract/vocabulary';

export const batchPhaseChoices = batchPhases.map((id) => ({ id, name: `app.batch.phase.${id}` }));

/** The county office's own batches or its townships' (docs/domain.md, "Levels"). */
export const batchScopeChoices = batchScopes.map((id) => ({ id, name: `app.batch.scope.${id}` }));
