/**
 * When the permit would grant one command, as a pure function of the ledger, the active hours,
 * pacing and the clock. The permit (permit.ts) sleeps until the instant this returns and the run
 * preview (run-size.ts) steps through a run's commands with it, so the two apply one rule and a
 * preview cannot promise a command the run would be refused.
 *
 * The rule:
 * - outside active hours: refused until the next window;
 * - budget: a cost that fits within `budgetWaitMs` is waited for (the rolling 24 h window frees
 *   yesterday's spends a few seconds apart; see permit.ts), a longer wait is refused;
 * - pacing: no sooner than `minGapMs` after the instance's previous command;
 * - at the instant of the grant, the budget must fit and the hours must be active (a gap or a
 *   budget wait may cross the end of a window).
 * A cost of 0 (rename, refresh) never touches the budget.
 */
import type { JobWait } from '../../shared/status';
import { waitText } from '../../shared/waits';
import type { ActiveHours } from './active-hours';
import type { BudgetLedger } from './budget';
import { budgetWait, hoursWait } from './waits';

/** a budget that frees within this is waited for (permit.ts explains why) */
export const DEFAULT_BUDGET_WAIT_MS = 120_000;

export interface GrantTimingInput {
  ledger: BudgetLedger;
  budgetKey: string;
  hours: ActiveHours;
  minGapMs: number;
  budgetWaitMs: number;
  /** the instance's previous command */
  lastCommandAt: number | undefined;
  cost: number;
  now: number;
}

export type GrantTiming = { ok: true; at: number } | { ok: false; code: 'inactive' | 'budget'; reason: string; retryAt: number; wait: JobWait };

/** reasons in a log or a run's message: UTC, as the server's log has it */
const utc = (iso: string) => iso.slice(11, 16) + ' UTC';

export function grantTiming(i: GrantTimingInput): GrantTiming {
  const early = refusalAt(i, i.now, i.budgetWaitMs);
  if (early) return early;
  let at = Math.max(i.now, (i.lastCommandAt ?? -Infinity) + i.minGapMs);
  if (i.cost > 0) {
    const wait = i.ledger.availableAt(i.budgetKey, i.cost, at) - at;
    if (wait > 0 && wait <= i.budgetWaitMs) at += wait;
  }
  return refusalAt(i, at, 0) ?? { ok: true, at };
}

/** Refused at `t`: outside active hours, or the budget does not free within `slackMs`. */
export function refusalAt(i: Omit<GrantTimingInput, 'now' | 'minGapMs' | 'lastCommandAt' | 'budgetWaitMs'>, t: number, slackMs: number): Exclude<GrantTiming, { ok: true }> | undefined {
  if (!i.hours.isActive(t)) {
    const retryAt = i.hours.nextActiveStart(t);
    return { ok: false, code: 'inactive', reason: 'outside active hours', retryAt, wait: hoursWait(retryAt) };
  }
  if (i.cost === 0) return undefined;
  const free = i.ledger.availableAt(i.budgetKey, i.cost, t);
  if (free <= t + slackMs) return undefined;
  const retryAt = i.hours.nextActiveStart(free);
  // not "budget used: 29/30": that reads as budget left when the next command costs 5
  const wait = budgetWait(i.ledger, i.budgetKey, i.cost, t, retryAt);
  return { ok: false, code: 'budget', reason: waitText(wait, utc), retryAt, wait };
}
