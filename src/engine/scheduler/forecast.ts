/**
 * When a job's cycle will end, and a warning when it cannot end within the horizon with the
 * current settings, naming the setting that holds it back and the value that would do it.
 *
 * The pace is the lowest of three limits on the queries a job can spend per day:
 * - its share of the daily budget;
 * - its share of the hourly budget times the hours of the day it may search (active hours);
 * - its runs per day times the items per run (a fixed number of items per run caps it).
 */
import { LIMITS, type Schedule } from '../../shared/settings';
import { plural } from '../../shared/words';
import type { ActiveHours } from './active-hours';
import { DAY_MS } from './budget';
import { itemsPerRun, runsPerDay } from './items-per-run';

export interface ForecastInput {
  /** e.g. "upgrade" or the job's id, as the user knows it */
  jobLabel: string;
  cycle: number;
  /** eligible items this cycle still has to search */
  remainingItems: number;
  /** estimated queries per item (history's average cost, or the defaults of spec/arr/NOTES.md §13) */
  avgCostPerItem: number;
  /** this job's share of the budget, in queries (see allocateShares) */
  dailyShare: number;
  hourlyShare: number;
  /** the whole budget of the job's key, so a suggestion names the value to set */
  budgetPerDay: number;
  budgetPerHour: number;
  itemsPerRun: number | 'auto';
  schedule: Schedule;
  hours: ActiveHours;
  now: number;
  /** settings.horizonDays */
  horizonDays: number;
  /** the schedule's runs per day when the caller already measured them (the scheduler caches them a day) */
  runsPerDay?: number;
}

export type PaceLimit = 'daily budget' | 'hourly budget' | 'items per run';

export interface Forecast {
  /** queries per day the job can actually spend */
  queriesPerDay: number;
  limitedBy: PaceLimit;
  /** days until the cycle ends; 0 when nothing remains, Infinity when it never will */
  days: number;
  etaAt?: number;
  /** set when the cycle does not end within the horizon */
  warning?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function forecastCycle(input: ForecastInput): Forecast {
  const { remainingItems, avgCostPerItem, now, hours } = input;
  if (!(avgCostPerItem > 0)) throw new Error(`forecast: average cost per item must be positive, got ${avgCostPerItem}`);
  if (!(remainingItems >= 0)) throw new Error(`forecast: remaining items must be ≥ 0, got ${remainingItems}`);
  const runs = input.runsPerDay ?? runsPerDay(input.schedule, hours, now);
  const activeHoursPerDay = hours.minutesPerDay() / 60;
  const perRun = itemsPerRun({ setting: input.itemsPerRun, dailyShare: input.dailyShare, avgCostPerItem, runsPerDay: runs });
  const limits: [PaceLimit, number][] = [
    ['daily budget', input.dailyShare],
    ['hourly budget', input.hourlyShare * activeHoursPerDay],
  ];
  // "auto" is the daily share spread over the runs: only a fixed number can hold the job back
  if (input.itemsPerRun !== 'auto') limits.push(['items per run', runs * perRun * avgCostPerItem]);
  const [limitedBy, queriesPerDay] = limits.reduce((min, l) => (l[1] < min[1] ? l : min));
  const remainingCost = remainingItems * avgCostPerItem;
  if (remainingCost === 0) return { queriesPerDay, limitedBy, days: 0, etaAt: now };
  const days = queriesPerDay > 0 ? remainingCost / queriesPerDay : Infinity;
  const forecast: Forecast = { queriesPerDay, limitedBy, days, etaAt: Number.isFinite(days) ? now + days * DAY_MS : undefined };
  if (days > input.horizonDays) forecast.warning = horizonWarning(input, forecast, remainingCost, runs, activeHoursPerDay);
  return forecast;
}

function horizonWarning(input: ForecastInput, f: Forecast, remainingCost: number, runs: number, activeHoursPerDay: number): string {
  const { horizonDays } = input;
  const needs = Number.isFinite(f.days)
    ? `Cycle ${input.cycle} of ${input.jobLabel} needs ${Math.ceil(f.days)} days at ${perDay(round1(f.queriesPerDay))}`
    : `Cycle ${input.cycle} of ${input.jobLabel} never finishes: it gets no queries`;
  const neededPerDay = remainingCost / horizonDays;
  // the other jobs on the same budget keep their shares
  const othersPerDay = input.budgetPerDay - input.dailyShare;
  const othersPerHour = input.budgetPerHour - input.hourlyShare;
  if (f.limitedBy === 'items per run') {
    const items = Math.ceil(neededPerDay / Math.max(runs, 1e-9) / input.avgCostPerItem);
    return `${needs} (${plural(Number(input.itemsPerRun), 'item')} per run, ${plural(round1(runs), 'run')}/day); ${plural(items, 'item')} per run would finish it in ${horizonDays} days`;
  }
  if (f.limitedBy === 'hourly budget') {
    const perHour = Math.ceil(neededPerDay / activeHoursPerDay + othersPerHour);
    const fix =
      perHour <= LIMITS.maxPerHour
        ? `${plural(perHour, 'query', 'queries')}/hour would finish it in ${horizonDays} days`
        : `even ${LIMITS.maxPerHour} queries/hour (the most Trawlarr allows) would not finish it in ${horizonDays} days: widen the active hours or narrow the job`;
    return `${needs} (${input.budgetPerHour}/hour over ${round1(activeHoursPerDay)} active hours); ${fix}`;
  }
  const fixPerDay = Math.ceil(neededPerDay + othersPerDay);
  if (fixPerDay > LIMITS.maxPerDay) {
    return `${needs}; even ${LIMITS.maxPerDay} queries/day (the most Trawlarr allows) would not finish it in ${horizonDays} days: narrow the job's filters or accept a longer cycle`;
  }
  return `${needs}; ${perDay(fixPerDay)} would finish it in ${horizonDays} days`;
}

/** "1 query/day", "0.4 queries/day" */
const perDay = (n: number) => `${plural(n, 'query', 'queries')}/day`;
