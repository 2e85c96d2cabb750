/**
 * How much of a budget a job gets, how often it really runs, and so how many items one run takes.
 *
 * "auto" spreads the job's daily share evenly over its runs of a day instead of spending it in the
 * first hour: a job that runs 6 times a day with a share of 60 queries takes 10 per run.
 */
import type { Schedule } from '../../shared/settings';
import type { ActiveHours } from './active-hours';
import { DAY_MS } from './budget';
import { compileSchedule, typicalGapMs } from './next-run';

/**
 * Max-min fair split of `total` between jobs that want `demands[i]` each (undefined: as much as
 * they can get). A job that needs less than an equal split gets what it needs; the rest share
 * what is left equally. The result never adds up to more than `total`.
 */
export function allocateShares(total: number, demands: readonly (number | undefined)[]): number[] {
  if (!(total >= 0)) throw new Error(`allocateShares: total must be ≥ 0, got ${total}`);
  const shares = demands.map(() => 0);
  let open = demands.map((_, i) => i);
  let left = total;
  while (open.length && left > 1e-9) {
    const equal = left / open.length;
    const satisfied = open.filter((i) => demands[i] !== undefined && demands[i]! - shares[i] <= equal);
    if (!satisfied.length) {
      for (const i of open) shares[i] += equal;
      break;
    }
    for (const i of satisfied) {
      const need = Math.max(0, demands[i]! - shares[i]);
      shares[i] += need;
      left -= need;
    }
    open = open.filter((i) => !satisfied.includes(i));
  }
  return shares;
}

/**
 * The starts of a job's runs in [from, to) as the queue makes them: at each slot, or at the start
 * of the next active window when the slot falls outside active hours (several missed slots make one
 * run), and the next slot counted from the run's start.
 */
export function simulateRunStarts(schedule: Schedule, hours: ActiveHours, from: number, to: number): number[] {
  const { slotAfter, runAfter } = compileSchedule(schedule, hours.timeZone);
  const starts: number[] = [];
  let t = hours.nextActiveStart('every' in schedule ? from : slotAfter(from));
  // runAfter keeps starts at least 15 minutes apart: a week is at most 673 steps, whatever the schedule
  while (t < to) {
    starts.push(t);
    t = hours.nextActiveStart(runAfter(t));
  }
  return starts;
}

/** Runs per day on average, measured over at least a week (or four gaps of a sparse schedule). */
export function runsPerDay(schedule: Schedule, hours: ActiveHours, from: number): number {
  const span = Math.min(400 * DAY_MS, Math.max(7 * DAY_MS, 4 * typicalGapMs(schedule, from, hours.timeZone)));
  const count = simulateRunStarts(schedule, hours, from, from + span).length;
  return count / (span / DAY_MS);
}

export interface ItemsPerRunInput {
  setting: number | 'auto';
  /** the job's share of the daily budget, in queries */
  dailyShare: number;
  /** estimated queries per item (a movie 1; a Sonarr season search 1, a series its seasons…) */
  avgCostPerItem: number;
  runsPerDay: number;
}

/**
 * Items for one run: the setting, or for "auto" the daily share over the runs of a day, rounded up
 * (at least 1). Rounding down would leave budget unused every day (8 runs sharing 30 queries at 2
 * each would take 1 item, 16 queries a day); rounding up spends it, and the ledger stops the
 * little that goes over.
 */
export function itemsPerRun(input: ItemsPerRunInput): number {
  if (input.setting !== 'auto') return input.setting;
  if (!(input.avgCostPerItem > 0)) throw new Error(`itemsPerRun: average cost per item must be positive, got ${input.avgCostPerItem}`);
  if (!(input.runsPerDay > 0)) return 1;
  return Math.max(1, Math.ceil(input.dailyShare / input.runsPerDay / input.avgCostPerItem - 1e-9));
}
