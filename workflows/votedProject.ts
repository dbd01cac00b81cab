import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  type ProjectState,
  projectStateQuery,
  type RatingOutcomeNotice,
  ratingOutcomeSignal,
  type VotedProjectInput,
} from './votedProject.messages';

const { recordProjectRating } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * A voted project from election to its rating. Delivery, supervision and the rating's consequences
 * (issue 4) grow here; until then the workflow carries the responsibility list and records the rating.
 */
export async function votedProjectWorkflow(input: VotedProjectInput): Promise<RatingOutcomeNotice> {
  const state: ProjectState = { projectId: input.projectId, phase: 'implementation', responsibility: input.responsibility, rating: null };
  setHandler(projectStateQuery, () => state);
  setHandler(ratingOutcomeSignal, (notice) => {
    state.rating ??= notice;
  });

  await condition(() => state.rating !== null);
  const rating = state.rating!;
  await recordProjectRating({ projectId: input.projectId, batchId: input.batchId, notice: rating });
  state.phase = 'rated';
  return rating;
}
