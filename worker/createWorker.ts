import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode,
  type NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Activities } from '../activities';
import { dataConverterFor, failureConverterPath } from '../temporal/payloadCodec';

const workflowsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workflows');
export const workflowsPath = path.join(workflowsDir, 'index.ts');
/** Refuses messages the payload codec could not authenticate; part of every bundle, replays included. */
const workflowInterceptorModules = [path.join(workflowsDir, 'untrustedMessages.ts')];

/** Bundling takes seconds; tests bundle once per file and hand the bundle to each worker. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules,
    // Failures a workflow raises are converted inside the bundle: it must carry the same converter.
    failureConverterPath,
    logger: quietBundlerLogger,
  });
}

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** PAYLOAD_KEY: the worker seals and opens every payload with it (temporal/payloadCodec.ts). */
  payloadKey: Buffer;
  workflowBundle?: WorkflowBundleWithSourceMap;
  maxCachedWorkflows?: number;
}

/**
 * Workflows kept in the sticky cache when WORKER_MAX_CACHED_WORKFLOWS is unset. The SDK's own default budgets
 * ≈ 1.7 MB a workflow (2,310 at a 4 GiB heap); ours, with this bundle, took ≈ 1.6 MB of RSS each at 2,000 and
 * ran the workflow thread out of heap at 40,000 open (README.md, "Benchmarks", open-projects). 4 MB a
 * workflow beside 500 MB for the rest keeps a worker inside its heap whatever the number of open workflows; an
 * evicted workflow replays its short history at its next task.
 */
export function defaultMaxCachedWorkflows(heapLimitMiB = v8.getHeapStatistics().heap_size_limit / 2 ** 20): number {
  return Math.max(10, Math.floor((heapLimitMiB - 500) / 4));
}

/** One worker runs every workflow and activity on one task queue (docs/architecture.md, "Processes"); run more for scale. */
export async function createWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    // Codecs run in the worker's main thread, outside the workflow sandbox, so workflows get them too.
    dataConverter: dataConverterFor(options.payloadKey),
    maxCachedWorkflows: options.maxCachedWorkflows ?? defaultMaxCachedWorkflows(),
    workflowBundle: options.workflowBundle ?? (await bundleWorkflows()),
  });
}

/** Webpack's progress is noise; its warnings and errors still show. */
export const quietBundlerLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log: () => undefined,
};
