/**
 * The long fault run (`npm run faults -- [--engine dev|postgres] [--seed N] [--rounds N]`): a batch
 * collecting suggestions and the office's instructions, a project's money and findings, and the congress's
 * sealed ballots and rating sheets, counted at the end, while the worker is SIGKILLed, the Temporal
 * server restarted and PostgreSQL restarted at points a seeded PRNG chooses; the same seed repeats a
 * failing run. Prints each fault and each check; exits 1 when a check fails. The short version runs
 * in `npm test` (test/faults/faults.test.ts).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FaultScenario, prng, seedFaultCounty } from './faults/scenario';
import { type Engine, FaultStack } from './faults/stack';
import { projectRoot } from './toolPaths';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'dev' },
    seed: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const usage = (problem: string): never => {
  console.error(`${problem}\nusage: npm run faults -- [--engine dev|postgres] [--seed N] [--rounds N]`);
  process.exit(2);
};
const engine = values.engine as Engine;
if (engine !== 'dev' && engine !== 'postgres') usage('--engine is dev or postgres');
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const rounds = Number(values.rounds);
if (!Number.isInteger(seed) || !Number.isInteger(rounds) || rounds < 1)
  usage('--seed and --rounds are whole numbers, --rounds at least 1');

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const dataDir = path.join(projectRoot, '.data', `fault-run-${process.pid}`);
// The production engine's internal ports sit within 110 of the frontend's and must stay below 32768.
const temporalPort = engine === 'postgres' ? 8_000 + (process.pid % 40) * 120 : 59_100 + (process.pid % 400);
const stack = new FaultStack({ engine, dataDir, pgPort: 58_600 + (process.pid % 400), temporalPort, log });

log(`fault run: engine ${engine}, seed ${seed}, ${rounds} round(s) — repeat with --seed ${seed}`);
let failed = true;
try {
  await rm(dataDir, { recursive: true, force: true });
  await stack.start(seedFaultCounty);
  const scenario = new FaultScenario(stack, { rounds, random: prng(seed), log });
  await scenario.run();
  const failures = scenario.checks.filter((c) => !c.ok);
  log(`injected:\n  ${scenario.injected.join('\n  ')}`);
  log(`${scenario.checks.length - failures.length} of ${scenario.checks.length} checks passed (seed ${seed})`);
  for (const f of failures) log(`FAILED: ${f.name} — ${f.detail}`);
  failed = failures.length > 0;
} catch (err) {
  log(`fault run stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)} (seed ${seed})`);
} finally {
  await stack.stop().catch((err: unknown) => log(`stopping: ${String(err)}`));
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
