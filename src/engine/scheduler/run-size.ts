/**
 * How many of a run's planned commands the permit would grant now: the size a dry run or a
 * preview reports. It steps through the commands with the permit's own rule (grant-timing.ts) on
 * a copy of the budget ledger, so "would search 10 now" is what a run started now searches.
 *
 * What it cannot know: how long each command takes in the app (it assumes no longer than the
 * minimum gap; a slower command lets more of an old spend age out during the run) and whether a
 * grab fills the download queue mid-run (the queue gate is judged once, at the start).
 */
import { BudgetLedger } from './budget';
import type { ActiveHours } from './active-hours';
import { DEFAULT_BUDGET_WAIT_MS, grantTiming } from './grant-timing';
import type { GateVerdict } from './gate-verdict';

export interface RunSizeInput {
  /** the planned commands' costs, in order (0: a command that queries no indexer) */
  costs: readonly number[];
  ledger: BudgetLedger;
  budgetKey: string;
  hours: ActiveHours;
  minGapMs: number;
  budgetWaitMs?: number;
  lastCommandAt: number | undefined;
  now: number;
  /** the search gates' verdict now (download queue, indexer health); absent: they pass */
  gate?: GateVerdict;
}

export type SizeStop =
  | { code: 'budget'; window: 'hour' | 'day'; limit: number; retryAt: number }
  | { code: 'inactive'; retryAt: number }
  | { code: 'gate'; reason: string; retryAt?: number }
  | { code: 'too-costly'; limit: number };

export interface RunSize {
  /** the first `commands` planned commands would be granted */
  commands: number;
  /** their estimated queries */
  cost: number;
  /** why the rest would not be, when a command was refused */
  stop?: SizeStop;
}

export function sizeRun(i: RunSizeInput): RunSize {
  const ledger = copyLedger(i.ledger, i.budgetKey, i.now);
  const max = ledger.maxSingleCost(i.budgetKey);
  let t = i.now;
  let last = i.lastCommandAt;
  let cost = 0;
  for (const [n, c] of i.costs.entries()) {
    if (c > max) return { commands: n, cost, stop: { code: 'too-costly', limit: max } };
    // the permit skips the search gates for a command that queries no indexer
    if (c > 0 && i.gate && !i.gate.ok) return { commands: n, cost, stop: { code: 'gate', reason: i.gate.reason, ...(i.gate.retryAt !== undefined ? { retryAt: i.gate.retryAt } : {}) } };
    const timing = grantTiming({ ledger, budgetKey: i.budgetKey, hours: i.hours, minGapMs: i.minGapMs, budgetWaitMs: i.budgetWaitMs ?? DEFAULT_BUDGET_WAIT_MS, lastCommandAt: last, cost: c, now: t });
    if (!timing.ok) {
      if (timing.code === 'inactive') return { commands: n, cost, stop: { code: 'inactive', retryAt: timing.retryAt } };
      const l = ledger.limitsOf(i.budgetKey);
      const hourFull = ledger.usage(i.budgetKey, t).lastHour + c > l.maxPerHour;
      return { commands: n, cost, stop: { code: 'budget', window: hourFull ? 'hour' : 'day', limit: hourFull ? l.maxPerHour : l.maxPerDay, retryAt: timing.retryAt } };
    }
    t = timing.at;
    last = t;
    if (c > 0) ledger.spend(i.budgetKey, c, t);
    cost += c;
  }
  return { commands: i.costs.length, cost };
}

/** The key's spends and limits in a ledger of its own: the preview spends in it, never in the real one. */
function copyLedger(ledger: BudgetLedger, key: string, now: number): BudgetLedger {
  const spends = ledger.snapshot(now).spends[key] ?? [];
  return new BudgetLedger({ [key]: ledger.limitsOf(key) }, { version: 1, spends: { [key]: spends } });
}
