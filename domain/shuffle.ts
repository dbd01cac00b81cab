import { randomInt } from 'node:crypto';

/**
 * Fisher–Yates with the operating system's CSPRNG (docs/secrecy.md): the order of opened ballots and rating
 * rows must say nothing about the order they were cast in, which Math.random's predictable state could.
 * Not for workflow code, which must be deterministic.
 */
export function csprngShuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
