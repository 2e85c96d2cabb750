/**
 * Id lists going to Radarr/Sonarr: de-duplicated (the editors answer 500 and change nothing when an
 * id repeats, spec/arr/NOTES.md §8), checked, and cut into chunks that keep URLs and bodies small.
 */

/** The distinct ids in first-seen order; throws naming `what` on anything but a positive integer. */
export function uniqueIds(ids: Iterable<number>, what: string): number[] {
  const seen = new Set<number>();
  for (const id of ids) {
    if (!Number.isInteger(id) || id <= 0) throw new RangeError(`${what} must be positive integers (got ${String(id)})`);
    seen.add(id);
  }
  return [...seen];
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Lowercases and replaces each run of characters outside [a-z0-9-] with "-" (Radarr v6 / Sonarr v5 rule, spec/arr/NOTES.md §7). */
export function normalizeTagLabel(label: string): string {
  return label.trim().toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** Dotted version comparison: "5.27.1.1000" >= "5.27.1". */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const b = minimum.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
