import cluster, { type Worker } from 'node:cluster';
import express from 'express';
import { AggregatorRegistry } from 'prom-client';
import type { RuntimeConfig } from '../domain/config';
import { createLogger } from './observability/logger';

/**
 * API_PROCESSES > 1: this process serves nothing itself. It starts that many API processes, which share the
 * port (node:cluster hands each connection to one of them in turn), starts another when one dies, serves the
 * metrics of all of them on METRICS_PORT, and on SIGINT/SIGTERM stops them all and exits once they have.
 * Nothing an API process keeps in memory must matter to another: the per-address limits are in PostgreSQL
 * (api/security/rateLimitStore.ts), sessions are rows, and what the ballot path caches never changes
 * (api/votes/votes.queries.ts, `sessionFacts`).
 */
export function superviseApiProcesses(config: RuntimeConfig): void {
  const logger = createLogger(config.LOG_LEVEL, 'api');
  const aggregator = new AggregatorRegistry();
  // Our own count: cluster.workers keeps a process that has exited until its IPC channel has closed too.
  const running = new Set<Worker>();
  const listening = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;

  const start = () => {
    const worker = cluster.fork();
    running.add(worker);
    worker.once('listening', () => listening.add(worker));
    return worker;
  };

  const metricsServer =
    config.METRICS_PORT === 0
      ? undefined
      : express()
          .get('/metrics', async (_req, res) => {
            try {
              const text = await aggregator.clusterMetrics();
              res.type(aggregator.contentType).send(text);
            } catch (err) {
              // A process that does not answer in 5 s (prom-client's limit): the scrape fails rather than lies.
              res
                .status(503)
                .type('text/plain')
                .send(`metrics: ${(err as Error).message}\n`);
            }
          })
          .listen(config.METRICS_PORT, config.METRICS_HOST);

  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, processes: running.size }, 'api: stopping the API processes');
    for (const worker of running) worker.process.kill(signal);
    exitWhenAllGone();
  };

  const exitWhenAllGone = () => {
    if (running.size > 0) return;
    if (metricsServer) metricsServer.close(() => process.exit(exitCode));
    else process.exit(exitCode);
  };

  cluster.on('exit', (worker, code, signal) => {
    running.delete(worker);
    if (stopping) {
      exitWhenAllGone();
      return;
    }
    if (!listening.has(worker)) {
      // It never got as far as listening (the database or Temporal unreachable, say): the next one would fare
      // no better, and restarting in a loop hides the cause. Stop as one API process would (compose restarts).
      logger.fatal(
        { processPid: worker.process.pid, code, signal },
        'api: a process died before it listened; stopping the others',
      );
      exitCode = 1;
      stopAll('SIGTERM');
      return;
    }
    logger.error({ processPid: worker.process.pid, code, signal }, 'api: a process died; starting another');
    start();
  });

  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  for (let i = 0; i < config.API_PROCESSES; i++) start();
  logger.info({ processes: config.API_PROCESSES }, `api: started ${config.API_PROCESSES} processes`);
}
