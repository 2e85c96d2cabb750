/**
 * Why an item is not searched. Every skip carries a stable `code` (what the counts group by) and a
 * readable `text` specific to the item ("season 2 unmonitored", "at cutoff: Bluray-1080p, score
 * 1250 ≥ 1000"). Counts are keyed by the code's label, so "season 2 unmonitored" and "season 3
 * unmonitored" add up under "season unmonitored" and the keys stay the same from run to run.
 */

export const REASON_LABELS = {
  unmonitored: 'unmonitored',
  'series-unmonitored': 'series unmonitored',
  'season-unmonitored': 'season unmonitored',
  'episode-unmonitored': 'episode unmonitored',
  'has-file': 'has a file',
  'no-file': 'no file',
  'not-available': 'not available yet',
  'not-aired': 'not aired yet',
  'rss-grace': 'left to RSS (just aired)',
  'not-recent': 'aired outside the window',
  'in-queue': 'already downloading',
  'in-progress': 'search still in progress',
  tagged: 'tagged this cycle',
  'series-tagged': 'series tagged this cycle',
  'searched-this-cycle': 'searched this cycle',
  'searched-by-other-job': 'searched by another job recently',
  'upgrades-disabled': 'upgrades disabled in profile',
  'at-cutoff': 'at cutoff',
  'unknown-profile': 'quality profile not found',
  'profile-filter': 'quality profile not selected',
  'tag-excluded': 'excluded by tag',
  'tag-not-included': 'lacks an included tag',
  'status-filter': 'status not selected',
  'added-filter': 'added outside the date range',
  'nothing-to-rename': 'nothing to rename',
  'recently-refreshed': 'refreshed recently',
  'no-missing-episodes': 'series has no aired missing episode',
  'no-episode-files': 'series has no episode files',
  'nothing-aired-recently': 'series aired nothing recently',
} as const;

export type ReasonCode = keyof typeof REASON_LABELS;

export interface SkipReason {
  readonly code: ReasonCode;
  /** specific to the item; defaults to the label */
  readonly text: string;
}

export function skip(code: ReasonCode, text?: string): SkipReason {
  return { code, text: text ?? REASON_LABELS[code] };
}

/** The key a reason is counted under. */
export function reasonKey(reason: SkipReason): string {
  return REASON_LABELS[reason.code];
}

/** How many example texts each reason keeps for display. */
export const EXAMPLES_PER_REASON = 3;

/**
 * Count per reason key, in first-seen order, with the first few specific texts of each as examples
 * ("The Matrix (1999): at cutoff: Bluray-1080p, score 1250 ≥ 1000"). `toRecord` is what history and
 * dry runs report.
 */
export class ReasonCounts {
  private readonly counts = new Map<string, number>();
  private readonly samples = new Map<string, string[]>();

  add(reason: SkipReason, subject?: string, n = 1): void {
    const key = reasonKey(reason);
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    const list = this.samples.get(key) ?? [];
    if (list.length < EXAMPLES_PER_REASON) {
      list.push(subject ? `${subject}: ${reason.text}` : reason.text);
      this.samples.set(key, list);
    }
  }

  merge(other: ReasonCounts): void {
    for (const [key, n] of other.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    for (const [key, list] of other.samples) {
      const mine = this.samples.get(key) ?? [];
      this.samples.set(key, [...mine, ...list].slice(0, EXAMPLES_PER_REASON));
    }
  }

  get(code: ReasonCode): number {
    return this.counts.get(REASON_LABELS[code]) ?? 0;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  toRecord(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  examples(): Record<string, string[]> {
    return Object.fromEntries(this.samples);
  }
}
