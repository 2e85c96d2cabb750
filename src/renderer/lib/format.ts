/** Display helpers: numbers, dates and durations as people read them. Pure, so they are tested. */

const nf = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return nf.format(n);
}

export function percent(done: number, total: number): number {
  if (total <= 0) return done > 0 ? 100 : 0;
  return Math.min(100, Math.round((done / total) * 100));
}

/** "in 3 h", "5 min ago", "just now" relative to `now`. */
export function relativeTime(iso: string | undefined, now: number): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const diff = t - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  const span = spanText(abs);
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

function spanText(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${Math.max(1, min)} min`;
  const h = Math.round(ms / 3_600_000);
  if (h < 48) return `${h} h`;
  const d = Math.round(ms / 86_400_000);
  return `${d} days`;
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "full coverage in 23 days", "today", "never with this budget" */
export function coverageText(days: number | null): string {
  if (days === null) return 'never with this throughput';
  if (days < 1) return 'within a day';
  const d = Math.ceil(days);
  return `in ${d} ${d === 1 ? 'day' : 'days'}`;
}

/** A local calendar day as YYYY-MM-DD (the date inputs' format). */
export function localDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** The start of a local day (from a date input) as an ISO instant; `endExclusive` gives the next midnight. */
export function dayToIso(day: string, endExclusive = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endExclusive ? 1 : 0));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "14:05" on the local clock: when a wait ends or a run continues, today or soon. */
export function formatClock(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
