/**
 * Query planning over the index columns: which rows a page shows and how many match in all.
 * Pure and synchronous: a scan of typed arrays (300,000 rows in a few milliseconds), no I/O.
 */
import type { HistoryPerDay } from '../../../shared/contract/settings-schemas';
import type { HistoryQuery, HistoryStatus } from '../../../shared/status';
import { wallClock } from '../../scheduler/active-hours';
import { resolveTimeZone } from '../../scheduler/next-run';
import { FLAG_DRY_RUN, STATUS_CODE, type HistoryColumns } from './columns';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export interface RowFilter {
  instanceId?: string;
  jobId?: string;
  status?: readonly HistoryStatus[];
  since?: string;
  until?: string;
  before?: number;
}

/** A compiled filter; `test(row)` checks everything but the id range, which bounds the scan. */
interface Compiled {
  empty: boolean;
  /** rows [0, end) are candidates */
  end: number;
  trivial: boolean;
  test: (row: number) => boolean;
}

function timeBound(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`history query: ${name} is not a date: ${JSON.stringify(value)}`);
  return ms;
}

export function compileFilter(cols: HistoryColumns, f: RowFilter): Compiled {
  const since = timeBound(f.since, 'since');
  const until = timeBound(f.until, 'until');
  const end = f.before === undefined ? cols.length : cols.lowerBoundId(f.before);
  const inst = f.instanceId === undefined ? -1 : (cols.instances.find(f.instanceId) ?? -2);
  const job = f.jobId === undefined ? -1 : (cols.jobs.find(f.jobId) ?? -2);
  let statusMask = 0;
  for (const s of f.status ?? []) {
    const code = STATUS_CODE.get(s);
    if (code === undefined) throw new RangeError(`history query: unknown status ${JSON.stringify(s)}`);
    statusMask |= 1 << code;
  }
  // an empty status list means no status filter, like an absent one
  const empty = inst === -2 || job === -2;
  const trivial = inst === -1 && job === -1 && statusMask === 0 && since === undefined && until === undefined;
  const test = (r: number) =>
    (inst < 0 || cols.inst[r] === inst) &&
    (job < 0 || cols.job[r] === job) &&
    (statusMask === 0 || (statusMask & (1 << cols.status[r])) !== 0) &&
    (since === undefined || cols.atMs[r] >= since) &&
    (until === undefined || cols.atMs[r] < until);
  return { empty, end, trivial, test };
}

/** Row numbers of one page, newest first, and the total number of matches. */
export function selectPage(cols: HistoryColumns, q: HistoryQuery): { rows: number[]; total: number } {
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  const offset = Math.max(Math.trunc(q.offset ?? 0), 0);
  const c = compileFilter(cols, q);
  if (c.empty) return { rows: [], total: 0 };
  const rows: number[] = [];
  if (c.trivial) {
    for (let r = c.end - 1 - offset; r >= 0 && rows.length < limit; r--) rows.push(r);
    return { rows, total: c.end };
  }
  let total = 0;
  for (let r = c.end - 1; r >= 0; r--) {
    if (!c.test(r)) continue;
    if (total >= offset && rows.length < limit) rows.push(r);
    total++;
  }
  return { rows, total };
}

/** Up to `max` matching rows with id < `before`, newest first (export batches: an id cursor stays valid while rows are pruned). */
export function scanRows(cols: HistoryColumns, f: RowFilter, before: number, max: number): number[] {
  const c = compileFilter(cols, { ...f, before: Math.min(before, f.before ?? Infinity) });
  const rows: number[] = [];
  if (c.empty) return rows;
  for (let r = c.end - 1; r >= 0 && rows.length < max; r--) if (c.test(r)) rows.push(r);
  return rows;
}

/** One day of the history chart: the contract's `historyPerDay` row. */
export type DayCount = HistoryPerDay['days'][number];

const DAY_MS = 86_400_000;

/** The instant local midnight begins for the local date `localMidnightAsUtc` (that date's 00:00 read as UTC). */
function zonedMidnight(localMidnightAsUtc: number, timeZone: string): number {
  let instant = localMidnightAsUtc - wallClock(localMidnightAsUtc, timeZone).offsetMs;
  instant = localMidnightAsUtc - wallClock(instant, timeZone).offsetMs; // a second pass settles DST days
  return instant;
}

/**
 * Per calendar day in `timeZone` (the system's by default) for the last `days` days, today last:
 * items searched (entries searched or grabbed), releases grabbed, and failed commands or errors.
 * Dry runs are not counted. From the index alone, no file is read.
 */
export function countByDay(cols: HistoryColumns, nowMs: number, days: number, f: Pick<RowFilter, 'instanceId' | 'jobId'> & { timeZone?: string }): DayCount[] {
  const n = Math.min(Math.max(Math.trunc(days), 1), 3660);
  const zone = resolveTimeZone(f.timeZone);
  const today = Math.floor((nowMs + wallClock(nowMs, zone).offsetMs) / DAY_MS) * DAY_MS;
  const locals = Array.from({ length: n + 1 }, (_, i) => today - (n - 1 - i) * DAY_MS);
  const starts = locals.map((l) => zonedMidnight(l, zone));
  const out: DayCount[] = locals.slice(0, n).map((l) => ({ date: new Date(l).toISOString().slice(0, 10), searched: 0, grabbed: 0, failed: 0 }));
  const c = compileFilter(cols, { instanceId: f.instanceId, jobId: f.jobId, since: new Date(starts[0]).toISOString(), until: new Date(starts[n]).toISOString() });
  if (c.empty) return out;
  const searched = (1 << STATUS_CODE.get('searched')!) | (1 << STATUS_CODE.get('grabbed')!);
  const failed = (1 << STATUS_CODE.get('failed')!) | (1 << STATUS_CODE.get('error')!);
  for (let r = c.end - 1; r >= 0; r--) {
    if (!c.test(r) || cols.flags[r] & FLAG_DRY_RUN) continue;
    const at = cols.atMs[r];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    const bit = 1 << cols.status[r];
    if (bit & searched) {
      out[lo].searched += cols.items[r];
      out[lo].grabbed += cols.grabs[r];
    } else if (bit & failed) out[lo].failed++;
  }
  return out;
}
