import type { Response } from 'express';
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { ListOptions } from '../domain/contract/common';
import { findUnsafeText } from './http/badInput';

const MAX_PAGE = 500;

export { flag, idFilter, listOptions, type ListOptions } from '../domain/contract/common';

const jsonParam = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
      // A JSON escape (\u0000, a lone \ud800) is not caught by the address check: it decodes only here.
      const unsafe = findUnsafeText(value);
      if (unsafe) {
        ctx.addIssue({ code: 'custom', message: `${unsafe.path ? `${unsafe.path} ` : ''}${unsafe.reason}` });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema);

/** An ILIKE pattern matching text that contains q literally (its % and _ are not wildcards). */
export const containing = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export interface ListQuery<F> {
  sortField: string;
  sortOrder: 'asc' | 'desc';
  offset: number;
  limit: number;
  filter: F;
}

/** Each list parameter's value once its JSON text is decoded; the OpenAPI document shows these too. */
export function listParamSchemas<F extends z.ZodType>(options: {
  sortable: readonly [string, ...string[]];
  filter: F;
}) {
  return {
    sort: z.tuple([z.enum(options.sortable), z.enum(['ASC', 'DESC', 'asc', 'desc'])]),
    range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    filter: options.filter,
  };
}

/**
 * The ra-data-simple-rest dialect: sort=["field","ASC"], range=[0,24], filter={...}. Sorting is
 * limited to listed columns, so a client cannot order by an unindexed expression or inject one.
 */
export function parseListQuery<F extends z.ZodType>(query: unknown, options: ListOptions<F>): ListQuery<z.infer<F>> {
  const params = listParamSchemas(options);
  const parsed = z
    .object({
      sort: jsonParam(params.sort).optional(),
      range: jsonParam(params.range).optional(),
      filter: jsonParam(params.filter).optional(),
    })
    .parse(query);
  const [sortField, order] = parsed.sort ?? options.defaultSort;
  const [start, end] = parsed.range ?? [0, 24];
  return {
    sortField,
    sortOrder: order.toLowerCase() === 'desc' ? 'desc' : 'asc',
    offset: start,
    limit: Math.max(1, Math.min(MAX_PAGE, end - start + 1)),
    filter: (parsed.filter ?? options.filter.parse({})) as z.infer<F>,
  };
}

export function sendPage<T>(res: Response, resource: string, list: ListQuery<unknown>, rows: T[], total: number): void {
  const last = rows.length ? list.offset + rows.length - 1 : list.offset;
  res.set('Content-Range', `${resource} ${list.offset}-${last}/${total}`);
  res.set('Access-Control-Expose-Headers', 'Content-Range');
  res.json(rows);
}

/** A list's filtered rows, in its order, read a slice at a time: one page for the list, every slice for an export. */
export interface Listing<O> {
  rows(offset: number, limit: number): Promise<O[]>;
  count(): Promise<number>;
}

/** The list route and the CSV export share it, so both apply the same filter, visibility and order. */
export function listingOf<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
): Listing<O> {
  return {
    rows: (offset, limit) => page(filtered).offset(offset).limit(limit).execute(),
    count: async () => {
      // Kysely cannot resolve a selection's type over a generic DB; count(*) as total is a string from pg.
      const count = (await filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()) as {
        total: string;
      };
      return Number(count.total);
    },
  };
}

/** One page of a listing and the total for Content-Range. */
export async function pageOf<O>(listing: Listing<O>, list: ListQuery<unknown>): Promise<{ rows: O[]; total: number }> {
  const [rows, total] = await Promise.all([listing.rows(list.offset, list.limit), listing.count()]);
  return { rows, total };
}

/** One page of rows and the total for Content-Range, both from the same filtered query. */
export async function fetchPage<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  list: ListQuery<unknown>,
): Promise<{ rows: O[]; total: number }> {
  return pageOf(listingOf(filtered, page), list);
}
