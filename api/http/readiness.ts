import { sql } from 'kysely';
import type { AppDeps } from '../app';

export interface Readiness {
  ok: boolean;
  postgres: 'up' | 'down';
  temporal: 'up' | 'down';
}

const LIMIT_MS = 2_000;

/** Both dependencies, each within two seconds: a probe must never hang on a server that is away. */
export async function checkReadiness(deps: Pick<AppDeps, 'db' | 'temporal'>): Promise<Readiness> {
  const [postgres, temporal] = await Promise.all([
    within(sql`select 1`.execute(deps.db)),
    within(
      deps.temporal.connection.withDeadline(Date.now() + LIMIT_MS, () =>
        deps.temporal.connection.workflowService.getSystemInfo({}),
      ),
    ),
  ]);
  return { ok: postgres && temporal, postgres: postgres ? 'up' : 'down', temporal: temporal ? 'up' : 'down' };
}

async function within(work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), LIMIT_MS);
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
