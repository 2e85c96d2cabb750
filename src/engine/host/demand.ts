/**
 * How much of its budget share a job needs, in queries per day, from what its last run found (the
 * job's cycle document, persisted, so a restart derives the same figure). The scheduler splits a
 * budget max-min fair: what an idle job or a nearly done one does not need goes to the others.
 *
 * - idle (0): the cycle is complete and will not restart (unattended off, or minCycleDays not
 *   reached: until then), or the last run found nothing eligible at all. A job that runs again
 *   counts as running, not idle, while it runs: its own run is sized from a full share.
 * - new-episodes: the cost of what it found eligible (a day's airings, not the whole library).
 * - a cycle that will not restart: the cost of what is left of it.
 * - otherwise no cap: once the cycle ends the next one starts with the whole library.
 */
import type { JobSettings } from '../../shared/settings';
import { DAY_MS } from '../scheduler/budget';
import type { JobCycleState } from '../store/state';
import { avgCostOf } from './status';

export function demandOf(job: JobSettings, cycle: JobCycleState, now: number): number | undefined {
  const last = cycle.lastRun;
  if (!last) return undefined;
  const restarts = job.unattended && (cycle.cycleStartedAt ?? now) + job.minCycleDays * DAY_MS <= now;
  if (last.result === 'cycle-complete') return restarts ? undefined : 0;
  if (last.result === 'nothing-to-do' && cycle.eligible === 0) return 0;
  if (job.type === 'new-episodes') return cycle.eligible * avgCostOf(cycle);
  if (!restarts) return Math.max(0, cycle.eligible - cycle.done) * avgCostOf(cycle);
  return undefined;
}
