import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createActivities } from '../../../activities';
import { createNotifier } from '../../../activities/channels';
import { createApp } from '../../../api/app';
import { hashPassword } from '../../../db/passwords';
import { createTokenSigner } from '../../../api/auth/tokens';
import { createDb } from '../../../db/connection';
import { adminUiDist } from '../../../scripts/adminUiBuild';
import { projectRoot } from '../../../scripts/toolPaths';
import { bundleWorkflows, createWorker } from '../../../worker/createWorker';
import { BatchDriver, seedBatchPeople } from '../../support/batchDriver';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { jurisdictionId, seedPeople } from '../../support/fixtures';
import { serviceRoleUrls } from '../../support/serviceRoles';
import { createTimeSkippingEnv } from '../../support/timeSkipping';
import { testPayloadKey } from '../../support/payloadKey';

/** Every browser-test person signs in with this password. */
export const password = 'console-test-1';

/** Debian's Chromium; npm test installs it (scripts/run.sh). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A phone's screen, for the deputy's ballot. */
export const phoneViewport = { width: 390, height: 844 };

export interface ConsoleWorld {
  env: TestWorkflowEnvironment;
  testDb: TestDatabase;
  /** The API with the production build of the console, on a port of its own. */
  baseUrl: string;
  browser: Browser;
  /** For the steps a test does not drive through the screens (other reviewers' scores, the approval chain). */
  driver: BatchDriver;
  /** A fresh browser profile: its own storage, so each person signs in separately. */
  newPage(options?: { phone?: boolean }): Promise<Page>;
  /** Saves every open page to test/.artifacts, to see what a failed step saw. */
  captureAll(label: string): Promise<void>;
  teardown(): Promise<void>;
}

/**
 * The real parts, end to end: the time-skipping Temporal server, a worker with the real activities, a
 * database of its own, the API serving admin-ui/dist on one port, and Chromium.
 */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const [env, bundle, testDb, passwordHash] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflows(),
    createTestDatabase(),
    hashPassword(password),
  ]);
  await seedPeople(testDb.db, passwordHash);
  await seedBatchPeople(testDb.db, passwordHash);
  // The money is the government's (docs/domain.md, "Fund pool"): the county's finance and audit offices.
  await testDb.db
    .insertInto('users')
    .values(
      (
        [
          ['finance', '吴财政', 'financeOfficer'],
          ['auditor', '郑审计', 'auditor'],
        ] as const
      ).map(([id, name, role]) => ({
        id,
        username: id,
        display_name: name,
        password_hash: passwordHash,
        roles: [role],
        jurisdiction_id: jurisdictionId,
        department_id: null,
        email: null,
        phone: null,
      })),
    )
    .execute();
  // The API and the worker log in as their own roles, as in docker-compose (test/support/serviceRoles.ts).
  const urls = await serviceRoleUrls(inject('pgServerUrl'), testDb);
  const apiDb = createDb(urls.api, 5);
  const workerDb = createDb(urls.worker, 5);
  const notifier = createNotifier({ mailFrom: 'office@test.local' });
  const taskQueue = `console-test-${process.pid}`;
  const worker: Worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities({ db: workerDb, notifier }),
    payloadKey: testPayloadKey,
  });
  const running = worker.run();
  const app = createApp({
    db: apiDb,
    temporal: env.client,
    tokens: createTokenSigner('console-test-secret-'.repeat(3)),
    taskQueue,
    temporalUiUrl: 'http://temporal-ui.test',
    adminUiDist,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Root in CI has no user namespace for Chromium's sandbox.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const contexts: BrowserContext[] = [];
  return {
    env,
    testDb,
    baseUrl,
    browser,
    driver: new BatchDriver(env, testDb.db, taskQueue, apiDb),
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: options.phone ? phoneViewport : { width: 1366, height: 900 },
        ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push(context);
      return context.newPage();
    },
    async captureAll(label) {
      const dir = path.join(projectRoot, 'test/.artifacts/browser');
      await mkdir(dir, { recursive: true });
      const pages = contexts.flatMap((c) => c.pages());
      await Promise.allSettled(
        pages.map((p, i) => p.screenshot({ path: path.join(dir, `${label}-${i}.png`), fullPage: true })),
      );
    },
    async teardown() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await running;
      await notifier.close();
      await Promise.all([apiDb.destroy(), workerDb.destroy()]);
      await env.teardown();
      await testDb.drop();
    },
  };
}
