/**
 * `npm run bench -- <name> [--engine dev|postgres] [--n N] [--api-processes N] [--floor-n N]`: one benchmark against its engine's own floor,
 * measured in the same run (docs in README.md, "Benchmarks").
 */
import { congressVote } from './congressVote';
import { deadlineBurst } from './deadlineBurst';
import { decision } from './decision';
import { type BenchOptions, type Engine, startHarness } from './harness';
import { openProjects } from './openProjects';

const benchmarks = {
  'open-projects': { run: openProjects, defaultN: 1_000 },
  'deadline-burst': { run: deadlineBurst, defaultN: 1_000 },
  decision: { run: decision, defaultN: 1_000 },
  'congress-vote': { run: congressVote, defaultN: 500 },
} as const;
type Name = keyof typeof benchmarks;

function parseArgs(argv: string[]): { name: Name; engine: Engine; n: number; options: BenchOptions } {
  const [name, ...rest] = argv;
  if (!name || !(name in benchmarks)) {
    throw new Error(`name a benchmark: ${Object.keys(benchmarks).join(', ')}`);
  }
  let engine: Engine = 'dev';
  let n: number | undefined;
  const options: BenchOptions = { apiProcesses: 1 };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === '--engine' && (value === 'dev' || value === 'postgres')) engine = value;
    else if (flag === '--n' && value && /^\d+$/.test(value)) n = Number(value);
    else if (flag === '--api-processes' && value && /^[1-9]\d*$/.test(value)) options.apiProcesses = Number(value);
    else if (flag === '--floor-n' && value && /^[1-9]\d*$/.test(value)) options.floorN = Number(value);
    else
      throw new Error(`unknown argument "${flag}"; use --engine dev|postgres, --n N, --api-processes N, --floor-n N`);
    i++;
  }
  return { name: name as Name, engine, n: n ?? benchmarks[name as Name].defaultN, options };
}

async function main(): Promise<void> {
  const { name, engine, n, options } = parseArgs(process.argv.slice(2));
  console.log(`bench ${name}: n = ${n}, engine ${engine}; starting PostgreSQL and Temporal on private ports…`);
  const h = await startHarness(engine);
  // Stopped by hand or by a timeout: the servers go too, not left running orphaned.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void h.close().finally(() => process.exit(130));
    });
  }
  try {
    await benchmarks[name].run(h, n, options);
  } finally {
    await h.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
