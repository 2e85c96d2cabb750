/**
 * The permit the job runner asks for before every command it sends to an instance. It combines:
 * active hours (outside them: stop, retry at the next window), the budget (reserve the command's
 * estimated cost), pacing (wait until `minGapMs` after the instance's previous command) and gates
 * (async checks such as the download queue and /health indexer back-off).
 *
 * A command that queries no indexer (rename, refresh: cost 0) asks too, so that active hours keep
 * the disks asleep outside them (Houndarr #386), pacing spaces every command and an
 * unreachable or paused instance is left alone. Its grant reserves no budget, and gates marked
 * `searchOnly` (a full download queue, indexer back-off) do not hold it back: they are about
 * searches, and a rename or a metadata refresh neither grabs nor queries an indexer.
 *
 * Guarantees:
 * - Budgets are never exceeded, whatever runs at once: the last active-hours check and the budget
 *   reservation happen in one synchronous step after every await, on a ledger shared by every
 *   instance of a budget group.
 * - Nothing is granted outside active hours, after the signal aborted, or while a gate says no.
 * - One grant at a time per instance, and grants at least `minGapMs` apart.
 * - `release()` removes the reservation: a search that did not happen costs no budget.
 * - A cost-0 grant never touches the ledger, whatever the budget's state.
 *
 * A budget that frees within `budgetWaitMs` (default 2 min) is waited for, like pacing, instead of
 * refused. The rolling 24 h window frees yesterday's spends at yesterday's pace, a few seconds
 * apart: refusing would end the run and have the scheduler start it again seconds later, gathering
 * the whole library again for every command (bench/coverage.ts measured 10 library fetches per run).
 */
import type { InstanceState, JobWait } from '../../shared/status';
import type { ActiveHours } from './active-hours';
import type { BudgetLedger } from './budget';
import type { Clock } from './clock';
import { DEFAULT_BUDGET_WAIT_MS, grantTiming, refusalAt } from './grant-timing';
import { sizeRun, type RunSize } from './run-size';
import { budgetWait, gapWait, stateWait } from './waits';

import type { GateVerdict } from './gate-verdict';
export type { GateVerdict };

export interface PermitGate {
  name: string;
  /**
   * true: the gate is about searching (e.g. the download queue, indexer back-off) and is skipped
   * for commands that query no indexer (cost 0). Absent or false: it holds back every command.
   */
  searchOnly?: boolean;
  check(signal?: AbortSignal): Promise<GateVerdict>;
}

export type RefusalCode = 'inactive' | 'budget' | 'too-costly' | 'gate' | 'stopped';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
  /** when asking again makes sense; absent when it never will (too-costly) or is up to the caller (stopped) */
  retryAt?: number;
  /** for gates: the instance state the refusal implies (queue-full, indexers-backed-off, down…) */
  state?: InstanceState;
  /** what the job waits for, for the status (absent: stopped, too costly, paused) */
  wait?: JobWait;
}

export interface Grant {
  ok: true;
  /** 0 for a command that queries no indexer: nothing was reserved */
  cost: number;
  /** when the grant was given (the instant a spend is recorded at) */
  at: number;
  /** the app accepted the command: the cost stays spent */
  commit(): void;
  /** the command was not sent, or the app rejected it: the cost is given back */
  release(): void;
}

export interface SearchPermit {
  /** `cost`: the command's estimated indexer queries; 0 for a command that queries none (rename, refresh) */
  acquire(cost: number, options?: { signal?: AbortSignal }): Promise<Grant | Refusal>;
}

export interface InstancePermitOptions {
  clock: Clock;
  ledger: BudgetLedger;
  budgetKey: string;
  minGapMs: number;
  activeHours: ActiveHours;
  gates?: readonly PermitGate[];
  /** retry time for a gate that says no without saying when (default 5 min) */
  gateRetryMs?: number;
  /** a budget that frees within this is waited for rather than refused (default 2 min; 0: never wait) */
  budgetWaitMs?: number;
  /** the instance's previous command, e.g. from persisted state */
  lastCommandAt?: number;
  /** after every commit, so the owner can persist the ledger */
  onCommit?: (cost: number, at: number) => void;
}

export class InstancePermit implements SearchPermit {
  private lastCommandAt: number | undefined;
  private tail: Promise<void> = Promise.resolve();
  private sleeping: JobWait | undefined;

  constructor(private readonly options: InstancePermitOptions) {
    this.lastCommandAt = options.lastCommandAt;
  }

  /** when the instance's previous command was granted */
  get lastGrantAt(): number | undefined {
    return this.lastCommandAt;
  }

  /** set while a grant sleeps for pacing or a budget that frees shortly: the running job's wait */
  get waiting(): JobWait | undefined {
    return this.sleeping;
  }

  /**
   * How many of these commands, asked for one after the other from now, this permit would grant:
   * its own ledger, pacing, hours and budget wait, on a copy of the ledger (see run-size.ts).
   */
  sizeRun(costs: readonly number[], gate?: GateVerdict): RunSize {
    const o = this.options;
    return sizeRun({ costs, ledger: o.ledger, budgetKey: o.budgetKey, hours: o.activeHours, minGapMs: o.minGapMs, budgetWaitMs: o.budgetWaitMs, lastCommandAt: this.lastCommandAt, now: o.clock.now(), gate });
  }

  async acquire(cost: number, { signal }: { signal?: AbortSignal } = {}): Promise<Grant | Refusal> {
    const { ledger, budgetKey } = this.options;
    if (!Number.isFinite(cost) || cost < 0) throw new Error(`permit: cost must be a number ≥ 0, got ${cost}`);
    const free = cost === 0;
    const max = ledger.maxSingleCost(budgetKey);
    if (cost > max) {
      return { ok: false, code: 'too-costly', reason: `a command costing ${cost} queries exceeds the budget's cap of ${max}: split it or skip it` };
    }
    const budgetWaitMs = this.options.budgetWaitMs ?? DEFAULT_BUDGET_WAIT_MS;
    const early = this.refusal(cost, signal, budgetWaitMs);
    if (early) return early;

    const unlock = await this.lock();
    try {
      const { clock } = this.options;
      // pacing and a short budget wait, by the rule the run preview uses (grant-timing.ts); asked
      // again after each sleep, as another instance of the budget group may have spent meanwhile
      for (let asked = 0; asked < 3 && !signal?.aborted; asked++) {
        const timing = grantTiming({ ledger, budgetKey, hours: this.options.activeHours, minGapMs: this.options.minGapMs, budgetWaitMs, lastCommandAt: this.lastCommandAt, cost, now: clock.now() });
        if (!timing.ok) {
          unlock();
          return timing;
        }
        if (timing.at <= clock.now()) break;
        const gapEnds = (this.lastCommandAt ?? -Infinity) + this.options.minGapMs;
        this.sleeping = timing.at <= gapEnds ? gapWait(timing.at) : budgetWait(ledger, budgetKey, cost, clock.now(), timing.at);
        await clock.sleep(timing.at - clock.now(), signal).catch(() => undefined);
        this.sleeping = undefined;
      }
      for (const gate of this.options.gates ?? []) {
        if (signal?.aborted) break;
        if (free && gate.searchOnly) continue;
        const verdict = await this.runGate(gate, signal);
        if (!verdict.ok) {
          unlock();
          const retryAt = verdict.retryAt ?? this.options.clock.now() + (this.options.gateRetryMs ?? 300_000);
          const wait = stateWait(verdict.state, verdict.detail ?? verdict.reason, retryAt);
          return { ok: false, code: 'gate', reason: verdict.reason, retryAt, state: verdict.state, ...(wait ? { wait } : {}) };
        }
      }
      // no await from here to the reservation: check and reserve are one step
      const late = this.refusal(cost, signal, 0);
      if (late) {
        unlock();
        return late;
      }
      const now = this.options.clock.now();
      const reservation = free ? undefined : ledger.reserve(budgetKey, cost, now);
      if (!free && !reservation) throw new Error('permit: budget check and reservation disagree');
      this.lastCommandAt = now;
      let settled = false;
      return {
        ok: true,
        cost,
        at: now,
        commit: () => {
          if (settled) return;
          settled = true;
          reservation?.commit();
          unlock();
          this.options.onCommit?.(cost, now);
        },
        release: () => {
          if (settled) return;
          settled = true;
          reservation?.release();
          unlock();
        },
      };
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /**
   * Reasons to refuse that need no I/O: stopped, outside active hours, budget full (not for cost 0)
   * for longer than `budgetSlackMs`.
   */
  private refusal(cost: number, signal: AbortSignal | undefined, budgetSlackMs: number): Refusal | undefined {
    const { clock, ledger, budgetKey, activeHours } = this.options;
    if (signal?.aborted) return { ok: false, code: 'stopped', reason: 'stopped' };
    return refusalAt({ ledger, budgetKey, hours: activeHours, cost }, clock.now(), budgetSlackMs);
  }

  private async runGate(gate: PermitGate, signal: AbortSignal | undefined): Promise<GateVerdict> {
    try {
      return await gate.check(signal);
    } catch (error) {
      return { ok: false, reason: `${gate.name}: ${(error as Error).message}` };
    }
  }

  /** Serializes grants per instance: the next waits until the previous is committed or released. */
  private async lock(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }
}
