import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflows, quietBundlerLogger } from '../../worker/createWorker';
import { type History, historyFromJson } from '../support/historyJson';

// Recorded by test/histories/record.ts; workflow ids follow its rule: humanTask-<scenario>.json ran as task-history-<scenario>.
const historiesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../histories');
const historyFiles = (await readdir(historiesDir)).filter((name) => name.startsWith('humanTask-') && name.endsWith('.json')).sort();

function workflowIdOf(file: string): string {
  return `task-history-${file.slice('humanTask-'.length, -'.json'.length)}`;
}

async function loadHistory(file: string): Promise<History> {
  return historyFromJson(JSON.parse(await readFile(path.join(historiesDir, file), 'utf8')));
}

let bundle: WorkflowBundleWithSourceMap;
let alteredBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [bundle, alteredBundle] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflowCode({ workflowsPath: path.join(historiesDir, 'nondeterministic/index.ts'), logger: quietBundlerLogger }),
  ]);
});

describe('human task workflow replay', () => {
  it('has the recorded histories to replay', () => {
    // A missing recording must fail the build, not shrink the check to nothing.
    expect(historyFiles).toEqual(expect.arrayContaining(['humanTask-completed-on-time.json', 'humanTask-escalated-twice-then-completed.json']));
    expect(historyFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(historyFiles)('replays %s with the current workflow code without a determinism violation', async (file) => {
    await Worker.runReplayHistory({ workflowBundle: bundle }, await loadHistory(file), workflowIdOf(file));
  });

  it('rejects a recorded history when the workflow code has changed incompatibly', async () => {
    const file = 'humanTask-completed-on-time.json';
    await expect(Worker.runReplayHistory({ workflowBundle: alteredBundle }, await loadHistory(file), workflowIdOf(file))).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
