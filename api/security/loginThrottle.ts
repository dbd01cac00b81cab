import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { HttpError, refusal } from '../errors';
import { PostgresRateLimitStore } from './rateLimitStore';

/** How many failed sign-ins lock a username, over which window, and the per-address ceiling. */
export interface LoginThrottlePolicy {
  failuresBeforeLockout: number;
  lockoutMinutes: number;
  /** Failed sign-ins from one address in `lockoutMinutes`, whatever the usernames: stops spraying. */
  failuresPerAddress: number;
}

export const defaultLoginThrottle: LoginThrottlePolicy = {
  failuresBeforeLockout: 5,
  lockoutMinutes: 15,
  failuresPerAddress: 30,
};

export const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Per address: only failed attempts count, so an office behind one NAT can still sign in all day. Counted in the
 * database, so every API process and replica shares the one limit.
 */
export function loginAddressLimit(db: Kysely<Database>, policy: LoginThrottlePolicy): RequestHandler {
  return rateLimit({
    store: new PostgresRateLimitStore(db, 'login'),
    windowMs: policy.lockoutMinutes * 60_000,
    limit: policy.failuresPerAddress,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        message: `too many failed sign-ins from this address; try again in ${policy.lockoutMinutes} minutes`,
      });
    },
  });
}

/**
 * Per username, counted in the database so it holds across API processes and restarts. A locked
 * username is refused even with the right password until the window passes.
 */
export async function assertNotLockedOut(
  db: Kysely<Database>,
  username: string,
  policy: LoginThrottlePolicy,
): Promise<void> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<string>().as('failures'))
    .where('username', '=', username)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${policy.lockoutMinutes})`)
    .executeTakeFirstOrThrow();
  if (Number(row.failures) >= policy.failuresBeforeLockout) {
    throw new HttpError(
      429,
      refusal('accountLocked', { failures: policy.failuresBeforeLockout, minutes: policy.lockoutMinutes }),
    );
  }
}

/** The trail of guessing: who was tried, from where, when; never the password tried. */
export async function recordLoginFailure(db: Kysely<Database>, username: string, ip: string): Promise<void> {
  await db.insertInto('login_failures').values({ username, ip }).execute();
  console.warn(`auth: failed sign-in for username ${JSON.stringify(username)} from ${ip}`);
}
