import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultScenario, prng, seedFaultCounty } from '../../scripts/faults/scenario';
import { FaultStack } from '../../scripts/faults/stack';
import { projectRoot } from '../../scripts/toolPaths';

// The short fault run (the long one is `npm run faults`): its own PostgreSQL and Temporal dev server,
// which it stops and starts with their data, a worker in its own process that it SIGKILLs, and one API
// that is never restarted. Deadlines are real instants a few seconds ahead, so they lapse during an outage.
const dataDir = path.join(projectRoot, '.data', `faults-test-${process.pid}`);
const lines: string[] = [];
const stack = new FaultStack({
  engine: 'dev',
  dataDir,
  pgPort: 58_600 + (process.pid % 400),
  temporalPort: 59_100 + (process.pid % 400),
  log: (line) => lines.push(line),
});
let scenario: FaultScenario;

beforeAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await stack.start(seedFaultCounty);
  scenario = new FaultScenario(stack, {
    rounds: 1,
    random: prng(20261127),
    order: ['worker-sigkill', 'temporal-restart', 'postgres-restart'],
    clientTimeoutMs: 10_000,
    log: (line) => lines.push(line),
  });
});

afterAll(async () => {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('faults', () => {
  it('loses and doubles nothing, ballots, rating sheets and their counts included, through a worker SIGKILL, a Temporal restart and a PostgreSQL restart; outages answer 503 with Retry-After; lapsed deadlines escalate once', async () => {
    await scenario.run();

    expect(scenario.injected.filter((f) => f.includes('SIGKILL worker'))).toHaveLength(1);
    expect(scenario.injected.filter((f) => f.includes('Temporal server stopped'))).toHaveLength(1);
    expect(scenario.injected.filter((f) => f.includes('PostgreSQL stopped'))).toHaveLength(1);
    const outageAnswers = scenario.checks.filter((c) => c.name.includes('503 with Retry-After'));
    expect(outageAnswers.length).toBeGreaterThanOrEqual(5);
    expect(scenario.checks.filter((c) => c.name.includes('escalated once it was back'))).toHaveLength(2);
    // The vote and the rating: ballots and sheets around each fault, the counts with PostgreSQL restarted under them.
    expect(scenario.injected.filter((f) => f.includes('while the box was opened and the vote counted'))).toHaveLength(
      1,
    );
    expect(scenario.checks.filter((c) => c.name.includes('ballot'))).toHaveLength(8);
    expect(scenario.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'every accepted ballot has exactly one receipt, and no other deputy has one',
        'the tally is computed exactly once: one vote.closed event, the session closed with that result',
        'receipts = ballots counted, and each candidate has the approvals the accepted ballots gave it',
        'every accepted rating sheet has exactly one receipt and was opened from the box once',
        'the rating is counted exactly once: the same result on every retry, one rating.closed event, counts = accepted sheets',
      ]),
    );
    // Every check by name, so a failure says which promise broke; the run's log follows for the story.
    expect(
      scenario.checks.filter((c) => !c.ok),
      lines.join('\n'),
    ).toEqual([]);
  }, 240_000);
});
