/** Helpers shared by the route modules: body fields, paging, resource lookups. */
import { bindingProblem, notFoundProblem } from '../http/errors';
import type { Query } from '../http/query';
import type { Reply } from '../http/router';

/** STJ reads property names case-insensitively. */
export function field(body: unknown, name: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (body as Record<string, unknown>)[key];
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bindingProblem({ $: ['The JSON value could not be converted to the resource type.'] });
  return body as Record<string, unknown>;
}

export function intArrayField(body: unknown, name: string): number[] | null | undefined {
  const v = field(body, name);
  if (v === undefined || v === null) return v as null | undefined;
  if (!Array.isArray(v)) throw bindingProblem({ [`$.${name}`]: [`The JSON value could not be converted to System.Collections.Generic.List\`1[System.Int32]. Path: $.${name}`] });
  v.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isInteger(x)) throw bindingProblem({ [`$.${name}[${i}]`]: [`The JSON value could not be converted to System.Int32. Path: $.${name}[${i}]`] });
  });
  return v as number[];
}

export function optionalField<T>(body: unknown, name: string, type: 'boolean' | 'number' | 'string'): T | undefined {
  const v = field(body, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type) throw bindingProblem({ [`$.${name}`]: [`The JSON value could not be converted. Path: $.${name}`] });
  return v as T;
}

export function enumField<T extends string>(body: unknown, name: string, values: readonly T[]): T | undefined {
  const v = field(body, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < values.length) return values[v];
  if (typeof v === 'string') {
    const hit = values.find((x) => x.toLowerCase() === v.toLowerCase());
    if (hit) return hit;
  }
  throw bindingProblem({ [`$.${name}`]: [`The JSON value could not be converted. Path: $.${name}`] });
}

export interface Paging {
  page: number;
  pageSize: number;
  sortKey: string;
  ascending: boolean;
}

/** PagingRequestResource: page 1, pageSize 10, descending when sortDirection is left out, unknown sortKey → default. */
export function paging(q: Query, allowedKeys: readonly string[], defaultKey: string): Paging {
  const dir = q.get('sortDirection');
  if (dir !== undefined && !/^(ascending|descending|default)$/i.test(dir)) throw bindingProblem({ sortDirection: [`The value '${dir}' is not valid.`] });
  const key = q.get('sortKey');
  const sortKey = allowedKeys.find((k) => k.toLowerCase() === key?.toLowerCase()) ?? defaultKey;
  return { page: Math.max(1, q.int('page') ?? 1), pageSize: Math.max(1, q.int('pageSize') ?? 10), sortKey, ascending: /^ascending$/i.test(dir ?? '') };
}

export function pagedReply<T>(p: Paging, items: T[], compare: (a: T, b: T) => number, render: (x: T) => unknown): Reply {
  const sorted = items.slice().sort((a, b) => (p.ascending ? compare(a, b) : -compare(a, b)));
  const start = (p.page - 1) * p.pageSize;
  return {
    status: 200,
    json: {
      page: p.page,
      pageSize: p.pageSize,
      sortKey: p.sortKey,
      sortDirection: p.ascending ? 'ascending' : 'descending',
      totalRecords: items.length,
      records: sorted.slice(start, start + p.pageSize).map(render),
    },
  };
}

/** undefined sorts first, like SQL NULL in ascending order */
export function cmp(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

export function found<T>(x: T | undefined): T {
  if (x === undefined) throw notFoundProblem();
  return x;
}

export const ok = (json: unknown, status = 200): Reply => ({ status, json });
