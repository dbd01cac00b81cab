import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflows, quietBundlerLogger } from '../../worker/createWorker';
import { dataConverterFor } from '../../temporal/payloadCodec';
import { type History, historyFromJson } from '../support/historyJson';
import { testPayloadKey } from '../support/payloadKey';

// humanTask-<scenario>.json is recorded by test/histories/record.ts and ran as task-history-<scenario>;
// annualBatch-<workflow id>.json by the batch test with RECORD_HISTORIES=1 (see test/histories/README.md).
const historiesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../histories');
const historyFiles = (await readdir(historiesDir)).filter((name) => name.endsWith('.json')).sort();

function workflowIdOf(file: string): string {
  const name = file.slice(0, -'.json'.length);
  // <workflow>-<id>~<label>.json keeps an older recording of the same workflow beside the newest.
  if (name.startsWith('annualBatch-')) return name.slice('annualBatch-'.length).split('~')[0]!;
  if (name.startsWith('votedProject-')) return name.slice('votedProject-'.length).split('~')[0]!;
  return `task-history-${name.slice('humanTask-'.length).split('~')[0]!}`;
}

async function loadHistory(file: string): Promise<History> {
  return historyFromJson(JSON.parse(await readFile(path.join(historiesDir, file), 'utf8')));
}

// The recordings predate payload encryption and hold plain payloads; one recorded since is sealed with the
// test key. Only a replay may take plain payloads: a live worker turns them into refusals (temporal/payloadCodec.ts).
const replayDataConverter = dataConverterFor(testPayloadKey, { acceptPlainPayloads: true });

let bundle: WorkflowBundleWithSourceMap;
let alteredBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [bundle, alteredBundle] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflowCode({
      workflowsPath: path.join(historiesDir, 'nondeterministic/index.ts'),
      logger: quietBundlerLogger,
    }),
  ]);
});

describe('recorded workflow histories replay', () => {
  it('has the recorded histories to replay', () => {
    // A missing recording must fail the build, not shrink the check to nothing.
    expect(historyFiles).toEqual(
      expect.arrayContaining([
        'humanTask-completed-on-time.json',
        'humanTask-escalated-twice-then-completed.json',
        'humanTask-escalated-twice-then-completed~before-escalation-in-one-transaction.json',
        'humanTask-escalated-twice-then-completed~before-open-in-first-task.json',
        'humanTask-completed-on-time~before-open-in-first-task.json',
        'annualBatch-batch-test-county-2028.json',
        'annualBatch-batch-test-county-2028~before-monthly-bulletin.json',
        'annualBatch-batch-test-county-2028~calendar-changed.json',
        'annualBatch-batch-test-county-2028~before-township-procedure.json',
        'annualBatch-batch-test-county-2041~township.json',
        'humanTask-calendar-changed.json',
        'votedProject-project-late.json',
        'votedProject-project-late~before-cancel-moot-tasks.json',
        'votedProject-project-late~before-respective-explanations.json',
        'votedProject-project-late~before-oversight-follow-through.json',
        'votedProject-project-late~before-supervision-group-minimum.json',
        'votedProject-project-govacts.json',
        'votedProject-project-govacts~before-settle-in-first-task.json',
        'votedProject-project-inspect.json',
        'annualBatch-batch-test-county-2026~carried-projects.json',
        'votedProject-project-carried~committee-decisions.json',
        'votedProject-project-handover24647.json',
        'votedProject-project-handover14327~before-hand-over-deliveries.json',
        'votedProject-project-mail24647~carried-deliveries.json',
      ]),
    );
  });

  it.each(historyFiles)('replays %s with the current workflow code without a determinism violation', async (file) => {
    await Worker.runReplayHistory(
      { workflowBundle: bundle, dataConverter: replayDataConverter },
      await loadHistory(file),
      workflowIdOf(file),
    );
  });

  it('rejects a recorded history when the workflow code has changed incompatibly', async () => {
    const file = 'humanTask-completed-on-time.json';
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: alteredBundle, dataConverter: replayDataConverter },
        await loadHistory(file),
        workflowIdOf(file),
      ),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
