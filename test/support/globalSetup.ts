import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../db/embeddedPostgres';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { startTemporalDevServer, type TemporalDevServer } from '../../scripts/temporalDevServer';
import { startTemporalPostgresServer } from '../../scripts/temporalPostgresServer';
import {
  projectRoot,
  temporalCliPath,
  temporalSchemaDir,
  temporalServerPath,
  temporalSqlToolPath,
} from '../../scripts/toolPaths';
import { adminQuery, withDatabase } from './pgAdmin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server-level URL (database part ignored): each test file clones the migrated template. */
    pgServerUrl: string;
    templateDatabase: string;
    temporalAddress: string;
  }
}

const TEMPLATE = 'livelihood_template';

/**
 * Real PostgreSQL and a real Temporal server for the whole run: the dev server, or with
 * TEMPORAL_ENGINE=postgres the production server on this PostgreSQL; DATABASE_URL / TEMPORAL_ADDRESS reuse existing ones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const runDir = path.join(projectRoot, '.data', `test-run-${process.pid}`);
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
    await rm(runDir, { recursive: true, force: true });
  };
  try {
    await startServers(project, stops, runDir);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

async function startServers(project: TestProject, stops: (() => Promise<void>)[], runDir: string): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  let pg: EmbeddedPostgresHandle | undefined;
  if (!serverUrl) {
    pg = await startEmbeddedPostgres({
      dataDir: path.join(runDir, 'pg'),
      port: 55400 + (process.pid % 500),
      database: 'postgres',
      persistent: false,
    });
    serverUrl = pg.url;
    stops.push(() => pg!.stop());
  }
  const templateUrl = withDatabase(serverUrl, TEMPLATE);
  await adminQuery(serverUrl, `drop database if exists ${TEMPLATE}`);
  await adminQuery(serverUrl, `create database ${TEMPLATE}`);
  const template = createDb(templateUrl, 1);
  await migrateToLatest(template);
  await template.destroy();

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress && process.env.TEMPORAL_ENGINE === 'postgres') {
    // The production engine on the run's PostgreSQL. Its internal ports sit within 110 of the frontend's,
    // and Temporal stores membership ports as smallint, so all must stay below 32768.
    const server = await startTemporalPostgresServer({
      serverPath: temporalServerPath,
      sqlToolPath: temporalSqlToolPath,
      schemaDir: temporalSchemaDir,
      adminUrl: serverUrl,
      port: 20_000 + (process.pid % 100) * 120,
      onLog: (line) => {
        if (/fatal|panic|Unable to/i.test(line)) process.stderr.write(line);
      },
    });
    temporalAddress = server.address;
    stops.push(() => server.stop());
  }
  if (!temporalAddress) {
    const dev: TemporalDevServer = await startTemporalDevServer({
      cliPath: temporalCliPath,
      dataDir: path.join(runDir, 'temporal'),
      port: 57233 + (process.pid % 500),
      uiPort: undefined,
    });
    temporalAddress = dev.address;
    stops.push(() => dev.stop());
  }

  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDatabase', TEMPLATE);
  project.provide('temporalAddress', temporalAddress);
}
