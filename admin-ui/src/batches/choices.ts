import { batchPhases } from '@domain/contract/vocabulary';

export const batchPhaseChoices = batchPhases.map((id) => ({ id, name: `app.batch.phase.${id}` }));
