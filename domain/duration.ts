const unitMs: Record<string, number> = {
  ms: 1,
  s: 1_000,
  second: 1_000,
  m: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
};

/** '1 day', '36 hours', '2w' → milliseconds; throws on anything else so a typo never becomes 0. */
export function durationMs(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+?)s?\s*$/i.exec(text);
  const factor = match ? unitMs[match[2]!.toLowerCase()] : undefined;
  if (!match || factor === undefined) throw new Error(`not a duration: "${text}" (try "1 day" or "12 hours")`);
  return Number(match[1]) * factor;
}
