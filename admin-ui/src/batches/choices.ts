import { batchPhases } from './types';

export const batchPhaseChoices = batchPhases.map((id) => ({ id, name: `app.batch.phase.${id}` }));
