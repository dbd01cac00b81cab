import type { Harness } from './harness';
export async function decision(_h: Harness, _n: number): Promise<void> {}
