/** Small formatting helpers for reason texts. Dates are UTC days so texts do not depend on the host zone. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** "2026-12-03" */
export function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "45 min", "2 h", "3 d": rounded down, never "0 min" for a positive span */
export function span(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${Math.max(minutes, ms > 0 ? 1 : 0)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** "3 h" for 3, "1.5 h" for 1.5 */
export function hours(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)} h`;
}

/** Parses an ISO timestamp; undefined for absent or unparseable values. */
export function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}
