// A workflow for the tests of the test support itself: it waits a year, holding nothing in flight meanwhile.
import { sleep } from '@temporalio/workflow';

export async function waitAYear(): Promise<void> {
  await sleep('365 days');
}
