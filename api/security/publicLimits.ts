import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { PostgresRateLimitStore } from './rateLimitStore';

/** Submissions one address may make to an anonymous public form in a window. */
export interface PublicFormLimit {
  windowMinutes: number;
  perAddress: number;
}

// A family or a liaison station may send several; a script sending hundreds is stopped (each entry
// is work for the office and, unless marked spam, a proposer to answer).
export const defaultPublicFormLimit: PublicFormLimit = { windowMinutes: 60, perAddress: 20 };

/**
 * Only writes count: reading the public list is not limited here. Counted in the database per form (`what`), so
 * every API process and replica shares the one limit.
 */
export function publicFormLimit(db: Kysely<Database>, limit: PublicFormLimit, what: string): RequestHandler {
  return rateLimit({
    store: new PostgresRateLimitStore(db, what),
    windowMs: limit.windowMinutes * 60_000,
    limit: limit.perAddress,
    skip: (req) => req.method === 'GET' || req.method === 'HEAD',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        message: `too many ${what} from this address; try again in ${limit.windowMinutes} minutes`,
      });
    },
  });
}

/** Lookups by receipt code one address may make in a window: reads count here, so codes cannot be walked. */
export const defaultPublicLookupLimit: PublicFormLimit = { windowMinutes: 10, perAddress: 30 };

export function publicLookupLimit(db: Kysely<Database>, limit: PublicFormLimit): RequestHandler {
  return rateLimit({
    store: new PostgresRateLimitStore(db, 'receipt-lookups'),
    windowMs: limit.windowMinutes * 60_000,
    limit: limit.perAddress,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        message: `too many receipt code lookups from this address; try again in ${limit.windowMinutes} minutes`,
      });
    },
  });
}
