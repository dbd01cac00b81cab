import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor, Role } from '../../domain/assignee';
import { forbidden, HttpError } from '../errors';
import type { SessionUser, TokenSigner } from './tokens';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: SessionUser;
    }
  }
}

/** Every route behind it knows who is calling; a missing or bad token is a 401. */
export function authenticate(tokens: TokenSigner): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const user = token ? await tokens.verify(token) : undefined;
    if (!user) throw new HttpError(401, 'please sign in again: your session is missing or has expired');
    res.locals.user = user;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    if (!roles.some((r) => user.roles.includes(r))) {
      throw forbidden(`only a ${roles.join(' or ')} may do this`);
    }
    next();
  };
}

export function currentUser(res: Response): SessionUser {
  const user = res.locals.user;
  if (!user) throw new HttpError(401, 'please sign in');
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
