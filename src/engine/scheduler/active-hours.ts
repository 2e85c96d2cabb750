/**
 * Active hours: windows of local wall-clock time ("01:00"–"07:00", or "22:00"–"06:00" across
 * midnight) in which searching is allowed. An empty list means always.
 *
 * Wall-clock semantics across daylight-saving changes: an instant is active when the local clock
 * reads a time inside a window. So a window starting at 02:30 on a spring-forward night starts at
 * 03:00 (when the clock jumps into it), and on the autumn night whose 02:00–03:00 hour happens
 * twice, a window covering it is active both times. Zones are explicit IANA names (default: the
 * system zone) so tests can pin Europe/Berlin or America/New_York.
 */
import type { ActiveWindow } from '../../shared/settings';
import { resolveTimeZone } from './next-run';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** how far the boundary search looks before concluding the state never changes */
const SEARCH_LIMIT = 9 * 24 * 60 * MINUTE;

interface CompiledWindow {
  start: number;
  end: number;
}

function minutesOf(hhmm: string, what: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`active hours: ${what} "${hhmm}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function compile(windows: readonly ActiveWindow[]): CompiledWindow[] {
  return windows.map((w, i) => {
    const start = minutesOf(w.start, `window ${i + 1} start`);
    const end = minutesOf(w.end, `window ${i + 1} end`);
    if (start === end) throw new Error(`active hours: window ${i + 1} starts and ends at ${w.start}`);
    return { start, end };
  });
}

function inWindows(minuteOfDay: number, windows: readonly CompiledWindow[]): boolean {
  if (windows.length === 0) return true;
  return windows.some((w) =>
    w.start < w.end ? minuteOfDay >= w.start && minuteOfDay < w.end : minuteOfDay >= w.start || minuteOfDay < w.end,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  /** 0..1439 */
  minuteOfDay: number;
  /** local time minus UTC, in ms */
  offsetMs: number;
}

export function wallClock(t: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const localAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetMs = Math.round((localAsUtc - Math.floor(t / 1000) * 1000) / MINUTE) * MINUTE;
  return { minuteOfDay: parts.hour * 60 + parts.minute, offsetMs };
}

export class ActiveHours {
  private readonly windows: CompiledWindow[];
  readonly timeZone: string;

  constructor(windows: readonly ActiveWindow[], timeZone?: string) {
    this.windows = compile(windows);
    this.timeZone = resolveTimeZone(timeZone);
  }

  get always(): boolean {
    return this.windows.length === 0;
  }

  isActive(t: number): boolean {
    return this.always || inWindows(wallClock(t, this.timeZone).minuteOfDay, this.windows);
  }

  /** The first instant ≥ t that is active (t itself when active). */
  nextActiveStart(t: number): number {
    return this.always ? t : this.nextWhere(t, true);
  }

  /** The first instant ≥ t that is not active (t itself when inactive); Infinity when that never happens. */
  activeEnd(t: number): number {
    return this.always ? Infinity : this.nextWhere(t, false);
  }

  /** Minutes per (ordinary, non-DST-change) day covered by the windows. */
  minutesPerDay(): number {
    if (this.always) return DAY_MINUTES;
    let n = 0;
    for (let m = 0; m < DAY_MINUTES; m++) if (inWindows(m, this.windows)) n++;
    return n;
  }

  /**
   * Steps from boundary to boundary of local time. The state can only change where the wall clock
   * crosses a window start or end, or where the zone's offset changes (a DST jump can land inside
   * or beyond a window), so those are the only instants examined.
   */
  private nextWhere(t: number, wanted: boolean): number {
    if (this.isActive(t) === wanted) return t;
    const boundaries = [...new Set(this.windows.flatMap((w) => [w.start, w.end]))];
    let cur = Math.floor(t / MINUTE) * MINUTE;
    while (cur - t < SEARCH_LIMIT) {
      const { minuteOfDay, offsetMs } = wallClock(cur, this.timeZone);
      const ahead = Math.min(...boundaries.map((b) => (b - minuteOfDay + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES));
      let next = cur + ahead * MINUTE;
      const nextOffset = wallClock(next, this.timeZone).offsetMs;
      if (nextOffset !== offsetMs) next = this.offsetChange(cur, next, offsetMs);
      cur = next;
      if (cur > t && this.isActive(cur) === wanted) return cur;
    }
    return Infinity;
  }

  /** The first whole minute in (from, to] whose offset differs from `offsetMs` (binary search). */
  private offsetChange(from: number, to: number, offsetMs: number): number {
    let lo = from;
    let hi = to;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
      if (wallClock(mid, this.timeZone).offsetMs === offsetMs) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

export function isActive(t: number, windows: readonly ActiveWindow[], timeZone?: string): boolean {
  return new ActiveHours(windows, timeZone).isActive(t);
}

export function nextActiveStart(t: number, windows: readonly ActiveWindow[], timeZone?: string): number {
  return new ActiveHours(windows, timeZone).nextActiveStart(t);
}

export function activeEnd(t: number, windows: readonly ActiveWindow[], timeZone?: string): number {
  return new ActiveHours(windows, timeZone).activeEnd(t);
}
