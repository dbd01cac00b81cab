import type { Harness } from './harness';
export async function deadlineBurst(_h: Harness, _n: number): Promise<void> {}
