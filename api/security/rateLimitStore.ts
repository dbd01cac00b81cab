import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addHit, currentWindow, deleteEndedWindows, forgetWindow, removeHit } from './rateLimit.queries';

/** How often a store deletes ended windows, at most, while requests arrive; api/main.ts sweeps as often when idle. */
export const SWEEP_EVERY_MS = 60_000;

/**
 * express-rate-limit's counts in PostgreSQL (rate_limit_windows), so a limit holds across every API process
 * and replica on one database: with the in-memory store, N processes each allowed the limit, N times looser.
 * One store per limiter; its prefix keeps the limiters' counts for one address apart.
 */
export class PostgresRateLimitStore implements Store {
  /** Counts are shared with other instances (and processes): express-rate-limit's double-count check keys on the prefix. */
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;
  private nextSweepAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    prefix: string,
  ) {
    this.prefix = `${prefix}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await currentWindow(this.db, this.prefix + key);
    return row && { totalHits: row.hits, resetTime: row.reset_at };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    await this.sweepWhenDue();
    const row = await addHit(this.db, this.prefix + key, this.windowMs);
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await removeHit(this.db, this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await forgetWindow(this.db, this.prefix + key);
  }

  // Without this the addresses of everyone who ever submitted would pile up (docs/secrecy.md, "Addresses of
  // anonymous submitters"); once a minute per limiter and process is plenty and costs one indexed delete.
  private async sweepWhenDue(): Promise<void> {
    const now = Date.now();
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    await deleteEndedWindows(this.db);
  }
}
