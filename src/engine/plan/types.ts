/** What the planner hands the runner (and a dry run hands the user). */
import type { SearchCommandBody } from '../../arr/model';
import type { Granularity } from '../../shared/settings';
import type { SeriesProgress } from '../specs/context';
import type { ReasonCounts } from '../specs/reason';

export interface PlannedItem {
  /** movie id, series id or episode id, depending on the job's unit */
  id: number;
  title: string;
  /** custom-format score of the current file when known (history: score before) */
  score?: number;
  /** quality name of the current file when known (history: quality before) */
  quality?: string;
}

export interface PlannedCommand {
  body: SearchCommandBody;
  /** estimated indexer queries (0 for rename/refresh) */
  cost: number;
  /** Sonarr searches: the kind of command actually chosen */
  granularity?: Exclude<Granularity, 'auto'>;
  /** what the command searches: movies, series (rename/refresh) or the targeted episodes */
  items: PlannedItem[];
  /**
   * Entries (movies, series) to tag once this command completes. For a Sonarr episode job, the
   * series when this is the last of its commands and no target of it remains after this run
   * (the runner drops it when an earlier command of the series failed).
   */
  tagIds: number[];
  /** Sonarr episode jobs: the series this command works on and what it adds to the cycle's progress */
  seriesId?: number;
  progress?: SeriesProgress;
}

export interface Plan {
  /** the commands of this run, in order (at most the run's limit) */
  commands: PlannedCommand[];
  /** every eligible unit found: movie ids, episode ids, or series ids for rename/refresh on Sonarr */
  eligibleIds: number[];
  /** candidates (movies/series) examined fully: their detail fetched, their episodes listed */
  examined: number;
  /** candidates that passed the cheap specifications but were not examined further: the batch was full */
  unchecked: number;
  /** one count per reason for everything skipped */
  reasons: ReasonCounts;
  /**
   * Sonarr: untagged series whose targets this cycle has all searched (a run before stopped after
   * their last command): tag them without searching.
   */
  tagOnly: number[];
}

/**
 * Eligible units still to search in this cycle, estimated: the eligible units found plus the
 * unexamined candidates at the rate the examined ones turned out eligible (the planner stops
 * examining once the batch is full). Exact when every candidate was examined.
 */
export function estimatedEligible(plan: Plan): number {
  const found = plan.eligibleIds.length;
  if (plan.unchecked === 0) return found;
  if (plan.examined === 0) return found + plan.unchecked;
  return found + Math.round((plan.unchecked * found) / plan.examined);
}

/** Eligible units still to search in this cycle: nothing eligible and nothing unexamined. */
export function cycleExhausted(plan: Plan): boolean {
  return plan.eligibleIds.length === 0 && plan.unchecked === 0 && plan.tagOnly.length === 0 && plan.reasons.get('in-progress') === 0;
}
