/**
 * The engine's waits as the status shows them (JobWait in shared/status.ts): built where the
 * engine decides to wait (the permit's refusals, the host's look before a run, pacing), so the
 * window, the tray and the CLI say what binds instead of a budget figure that reads as budget left.
 */
import type { InstanceState, JobWait } from '../../shared/status';
import { budgetDetail } from '../../shared/waits';
import type { BudgetLedger } from './budget';

const iso = (t: number | undefined) => (t === undefined || !Number.isFinite(t) ? undefined : new Date(t).toISOString());

/**
 * Which window binds a command of `cost` at `at`: the hour when its left is below the cost (29/30
 * used and a command costing 5 waits for the hour, though 1 is "left"), else the day.
 */
export function budgetWait(ledger: BudgetLedger, key: string, cost: number, at: number, until?: number): JobWait {
  const u = ledger.usage(key, at);
  const l = ledger.limitsOf(key);
  const hourLeft = l.maxPerHour - u.lastHour;
  const dayLeft = l.maxPerDay - u.lastDay;
  const hourly = cost > hourLeft || (cost <= dayLeft && hourLeft <= dayLeft);
  const free = until ?? ledger.availableAt(key, cost, at);
  return withUntil({ reason: hourly ? 'budget-hour' : 'budget-day', detail: budgetDetail(cost, hourly ? hourLeft : dayLeft) }, free);
}

export function hoursWait(until: number | undefined): JobWait {
  return withUntil({ reason: 'active-hours', detail: '' }, until);
}

export function gapWait(until: number): JobWait {
  return withUntil({ reason: 'min-gap', detail: '' }, until);
}

/** A gate's or an outage's wait, by the instance state it implies; a pause is not a wait. */
export function stateWait(state: InstanceState | undefined, detail: string, until: number | undefined): JobWait | undefined {
  if (state === 'queue-full') return withUntil({ reason: 'queue-full', detail }, until);
  if (state === 'indexers-backed-off') return withUntil({ reason: 'indexers-backed-off', detail }, until);
  if (state === undefined || state === 'ok' || state === 'unknown') return undefined;
  return withUntil({ reason: 'instance-down', detail }, until);
}

function withUntil(wait: JobWait, until: number | undefined): JobWait {
  const at = iso(until);
  return at ? { ...wait, until: at } : wait;
}
