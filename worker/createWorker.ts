import path from 'node:path';
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

/** One worker runs every workflow and activity on one task queue (docs/architecture.md, "Processes"); run more for scale. */
export async function createWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    // Codecs run in the worker's main thread, outside the workflow sandbox, so workflows get them too.
    dataConverter: dataConverterFor(options.payloadKey),
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
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
