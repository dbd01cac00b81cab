import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor, Role } from '../../domain/assignee';
import { forbidden, HttpError } from '../errors';
import { sessionIsLive } from '../security/sessions';
import type { SessionUser, TokenSigner } from './tokens';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: SessionUser;
      sessionId?: string;
    }
  }
}

/**
 * Every route behind it knows who is calling; a missing or bad token, or one whose session was
 * signed out or revoked (or whose user is gone), is a 401.
 */
export function authenticate(deps: { tokens: TokenSigner; db: Kysely<Database> }): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const verified = token ? await deps.tokens.verify(token) : undefined;
    if (!verified || !(await sessionIsLive(deps.db, verified.sessionId, verified.userId))) {
      throw new HttpError(401, 'signInAgain');
    }
    const { sessionId, ...user } = verified;
    res.locals.user = user;
    res.locals.sessionId = sessionId;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    if (!roles.some((r) => user.roles.includes(r))) {
      throw forbidden('rolesRequired', { roles });
    }
    next();
  };
}

export function currentUser(res: Response): SessionUser {
  const user = res.locals.user;
  if (!user) throw new HttpError(401, 'signIn');
  return user;
}

export function actorOf(user: SessionUser): Actor {
  return {
    userId: user.userId,
    displayName: user.displayName,
    roles: user.roles,
    jurisdictionId: user.jurisdictionId,
    departmentId: user.departmentId,
  };
}
