/**
 * Why a job waits and the cycle's numbers, in the words every surface uses: the dashboard, the
 * tray, `trawlarr status` and the `run` log all call these, so "waiting for the hourly budget
 * (next command costs 5, 2 left) until 14:05" reads the same everywhere. Times are formatted by
 * the caller (local clock in the window and tray, UTC in a server's log). Pure: the renderer
 * imports it too.
 */
import type { JobStatus, JobWait, WaitReason } from './status';

export const WAIT_REASONS = ['budget-hour', 'budget-day', 'min-gap', 'queue-full', 'active-hours', 'indexers-backed-off', 'instance-down', 'min-cycle'] as const;

const WAIT_WORDS: Record<WaitReason, string> = {
  'budget-hour': 'the hourly budget',
  'budget-day': 'the daily budget',
  'min-gap': 'the minimum gap between searches',
  'queue-full': 'the download queue to drain',
  'active-hours': 'active hours',
  'indexers-backed-off': 'the indexers’ back-off to end',
  'instance-down': 'the instance to answer',
  'min-cycle': 'the minimum cycle length',
};

/** "waiting for the hourly budget (next command costs 5, 2 left) until 14:05" */
export function waitText(wait: JobWait, time: (iso: string) => string): string {
  const detail = wait.detail ? ` (${wait.detail})` : '';
  return `waiting for ${WAIT_WORDS[wait.reason]}${detail}${wait.until ? ` until ${time(wait.until)}` : ''}`;
}

/** The part of a budget wait that says why it binds: "next command costs 5, 2 left". */
export function budgetDetail(cost: number, left: number): string {
  return `next command costs ${cost}, ${Math.max(0, left)} left`;
}

export type CycleView =
  | { kind: 'planning'; cycle: number; text: string }
  | { kind: 'empty'; cycle: number; text: string }
  | { kind: 'complete'; cycle: number; done: number; eligible: number; text: string }
  | { kind: 'progress'; cycle: number; done: number; eligible: number; percent: number; text: string };

/**
 * A cycle's progress from the engine's figures, "done of eligible". Before the job's first plan of
 * the cycle the eligible count is not known yet (it would read "4 / 0 (100%)"): "planning…". A
 * cycle whose items are all done reads "cycle complete", never an ETA of "just now".
 */
export function cycleView(job: Pick<JobStatus, 'cycle' | 'done' | 'eligible' | 'running' | 'lastRun'>, count: (n: number) => string = String): CycleView {
  const { cycle, done, eligible } = job;
  if (eligible < done || (eligible === 0 && (job.running || !job.lastRun))) return { kind: 'planning', cycle, text: 'planning…' };
  // a job that found nothing at all (no episode aired, nothing missing) has no cycle to complete
  if (eligible === 0 && done === 0 && job.lastRun?.result !== 'cycle-complete') return { kind: 'empty', cycle, text: 'nothing to search' };
  if (done >= eligible || job.lastRun?.result === 'cycle-complete') return { kind: 'complete', cycle, done, eligible, text: 'cycle complete' };
  const percent = Math.floor((done / eligible) * 100);
  return { kind: 'progress', cycle, done, eligible, percent, text: `${count(done)} of ${count(eligible)}` };
}

/** "cycle 3: 14 of 190", "cycle 3: planning…", "cycle 3: cycle complete" → "cycle 3 complete" */
export function cycleText(job: Pick<JobStatus, 'cycle' | 'done' | 'eligible' | 'running' | 'lastRun'>, count?: (n: number) => string): string {
  const view = cycleView(job, count);
  return view.kind === 'complete' ? `cycle ${view.cycle} complete` : `cycle ${view.cycle}: ${view.text}`;
}
