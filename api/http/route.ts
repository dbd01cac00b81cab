import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Role } from '../../domain/assignee';
import type { AppDeps } from '../app';
import { checkAccount } from '../auth/accountCheck';
import { authenticate, currentUser, requireRole } from '../auth/auth.middleware';
import type { SessionUser } from '../auth/tokens';
import { type ListOptions, type ListQuery, parseListQuery, sendPage } from '../listQuery';
import type { ApiTag } from '../openapi';

/**
 * One route, declared once: what api/app.ts mounts and what api/openapi.ts documents. Mounting applies
 * the sign-in and role check, parses the path, list query and body with the declared schemas (a zod
 * error reaches the error middleware as a 400 with field errors) and then calls the handler.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call: anyone (no token), any signed-in person, or the holders of one of these roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];
export type SuccessStatus = 200 | 201 | 202;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** A list in the ra-data-simple-rest dialect: its options, and the resource its Content-Range names. */
export interface ListSpec<F extends z.ZodType = z.ZodType> extends ListOptions<F> {
  resource: string;
}

/** `'/batches/:batchId/fund-pool'` → `'batchId'`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export interface RouteContext<P extends string, B, F> {
  req: Request;
  res: Response;
  deps: AppDeps;
  params: Record<ParamNames<P>, string>;
  /** The body as the declared schema parsed it. */
  body: B;
  /** The list (or export) query as the declared options parsed it; a route that declares neither may not read it. */
  list: ListQuery<F>;
  /** The signed-in person; a 401 on a public route, which has none. */
  readonly user: SessionUser;
  /** Answers one page of the declared list, with its Content-Range. */
  sendPage(rows: unknown[], total: number): void;
}

export interface RouteSpec<P extends string, B extends z.ZodType, F extends z.ZodType> {
  /** The OpenAPI operationId. */
  id: string;
  method: Method;
  /** Express form, under /api: `/batches/:id/open-vote`. */
  path: P;
  tag: ApiTag;
  summary: string;
  access: Access;
  /**
   * The handler refuses the roles itself, with a more precise reason (which kind of session, a 404 for
   * another jurisdiction before a 403), so mounting checks only the sign-in; `access` still documents them.
   */
  roleCheck?: 'handler';
  /** What the summary leaves out: who else is refused, in which phase, what a retry does. */
  notes?: string;
  body?: B;
  list?: ListSpec<F>;
  /** A CSV of every row a list would page through: its sort and filter parameters, no range. */
  export?: ListOptions<F>;
  /** A raw upload in one of these media types instead of a JSON body, up to `limit` bytes. */
  upload?: { types: readonly string[]; limit: number | string };
  /** The success response's media type when it is not JSON (a file). */
  produces?: string;
  /** Open to an account whose one-time password is still unchanged (reading who I am, changing it). */
  allowPendingPasswordChange?: boolean;
  /** Takes the optional Idempotency-Key header. */
  idempotencyKey?: boolean;
  /** Success statuses and what each returns; a plain 200 when absent. */
  ok?: Partial<Record<SuccessStatus, string>>;
  /** Refusals besides those access, body and list imply (401; 403 for a role list; 400 for input). */
  refusals?: ErrorStatus[];
  /** Middleware made once per app and run before sign-in, e.g. a rate limit (its state is the app's). */
  before?: (deps: AppDeps) => RequestHandler[];
  handler: (ctx: RouteContext<P, z.output<B>, z.output<F>>) => Promise<void> | void;
}

/** A declaration with its types erased, as the mounting and the document read it. */
export type RouteDeclaration = RouteSpec<string, z.ZodType, z.ZodType>;

/** Declares a route; the path's parameters, the body and the list filter type the handler's context. */
export function route<const P extends string, B extends z.ZodType = z.ZodUndefined, F extends z.ZodType = z.ZodNever>(
  spec: RouteSpec<P, B, F>,
): RouteDeclaration {
  // The handler was checked against its own declaration's types; mounting supplies values parsed by the same schemas.
  return spec as unknown as RouteDeclaration;
}

const paramNamesOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map(([, name = '']) => name);

/** Mounts each declaration on the router: sign-in, role check, upload parser, parsing, handler. */
export function mountRoutes(router: Router, routes: readonly RouteDeclaration[], deps: AppDeps): void {
  const signedIn = authenticate(deps);
  for (const declared of routes) {
    const chain: RequestHandler[] = [...(declared.before?.(deps) ?? [])];
    if (declared.access !== 'public')
      chain.push(
        signedIn,
        checkAccount(deps.db, { allowPendingPasswordChange: declared.allowPendingPasswordChange === true }),
      );
    if (typeof declared.access !== 'string' && declared.roleCheck !== 'handler')
      chain.push(requireRole(...declared.access));
    if (declared.upload) chain.push(express.raw({ type: [...declared.upload.types], limit: declared.upload.limit }));
    const paramsSchema = z.object(Object.fromEntries(paramNamesOf(declared.path).map((name) => [name, z.string()])));
    const listOptions = declared.list ?? declared.export;
    chain.push(async (req, res) => {
      const params = paramsSchema.parse(req.params);
      const list = listOptions ? parseListQuery(req.query, listOptions) : undefined;
      const body: unknown = declared.body ? declared.body.parse(req.body) : undefined;
      const undeclared = (what: string) =>
        new Error(`${declared.id} uses ${what} but declares no ${what === 'sendPage' ? 'list' : 'list or export'}`);
      await declared.handler({
        req,
        res,
        deps,
        params,
        body,
        get list() {
          if (!list) throw undeclared('list');
          return list;
        },
        get user() {
          return currentUser(res);
        },
        sendPage: (rows, total) => {
          if (!declared.list || !list) throw undeclared('sendPage');
          sendPage(res, declared.list.resource, list, rows, total);
        },
      });
    });
    router[declared.method](declared.path, ...chain);
  }
}
