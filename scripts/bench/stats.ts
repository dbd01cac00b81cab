import { cpus, totalmem, loadavg } from 'node:os';

export const ms = (from: number, to = performance.now()) => to - from;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `work` for 0..count-1 with at most `limit` in flight. */
export async function pool(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

export const sleep = (millis: number) => new Promise((r) => setTimeout(r, millis));

/** Polls until `ready` answers true or the time is up; answers whether it became ready. */
export async function until(ready: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await sleep(everyMs);
  }
  return ready();
}

export const fmt = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/** Prints a Markdown table; the first row is the header. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log('');
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((c, j) => (c ?? '').padEnd(widths[j]!)).join(' | ')} |`);
    if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  }
  console.log('');
}

/** The machine the figures were taken on; the load average says how shared it was at the time. */
export function machineLine(engine: string): string {
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min) — shared with other processes; engine ${engine}; ${new Date().toISOString()}`;
}

export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
