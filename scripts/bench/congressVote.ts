import type { Harness } from './harness';
export async function congressVote(_h: Harness, _n: number): Promise<void> {}
