/**
 * The benchmark worker's bundle: every product workflow, plus the bare workflows each benchmark measures
 * its floor with (nothing of the product in them, so the floor is what the engine and one worker can do).
 */
import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { FloorActivities } from './floorActivities';

export * from '../../workflows/index';

const floor = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

/** open-projects' floor: a workflow held open by one long timer, as a project is held by its weekly one. */
export async function benchHeldOpenWorkflow(): Promise<void> {
  await sleep('7 days');
}

/** deadline-burst's naive floor: sleep until a shared instant, then one activity that commits a row. */
export async function benchSleepToInstantWorkflow(input: { id: string; at: number }): Promise<void> {
  await floor.benchMark({ id: `${input.id}:ready` });
  await sleep(Math.max(1, input.at - Date.now()));
  await floor.benchMark({ id: input.id });
}

export const benchNoopUpdate = defineUpdate<string, [string]>('benchNoop');

/** decision's floor: an update that does nothing and answers at once. */
export async function benchUpdatableWorkflow(): Promise<void> {
  let done = false;
  setHandler(benchNoopUpdate, (x) => {
    done = x === 'stop';
    return x;
  });
  await condition(() => done, '7 days');
}
