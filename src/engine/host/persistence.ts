/**
 * The scheduler's state in the state store: read once at start, written after every change.
 * Writes are coalesced (one at a time; changes during a write make one more) and a document is
 * only rewritten when its content changed, so a busy scheduler does not turn into a busy disk.
 */
import type { BudgetSnapshot } from '../scheduler/budget';
import type { SchedulerState } from '../scheduler/scheduler';
import { backoffDoc, budgetLedgerDoc, pauseDoc, scheduleDoc, SINGLETON, StateFileError, type DocumentType, type StateStore } from '../store/state';
import { lastGrantsDoc } from './documents';

/** How a damaged budget ledger is rebuilt (from the history: ./budget-recovery.ts), and where that is said. */
export interface BudgetRecovery {
  rebuild(): Promise<{ snapshot: BudgetSnapshot; searches: number }>;
  log(line: string): void;
}

export async function loadSchedulerState(store: StateStore, instanceIds: readonly string[], recovery?: BudgetRecovery): Promise<SchedulerState> {
  const [budget, pauses, lastGrants] = await Promise.all([readBudget(store, recovery), store.read(pauseDoc, SINGLETON), store.read(lastGrantsDoc, SINGLETON)]);
  const state: SchedulerState = { budget, pauses, lastGrants, queues: {}, outages: {} };
  for (const id of instanceIds) {
    state.queues![id] = await store.read(scheduleDoc, id);
    state.outages![id] = await store.read(backoffDoc, id);
  }
  return state;
}

/** The budget ledger; a damaged one is set aside and rebuilt when a recovery is given, else it throws (naming the file). */
async function readBudget(store: StateStore, recovery: BudgetRecovery | undefined): Promise<BudgetSnapshot> {
  try {
    return await store.read(budgetLedgerDoc, SINGLETON);
  } catch (error) {
    if (!recovery || !(error instanceof StateFileError) || !error.damaged) throw error;
    const aside = await store.setAside(budgetLedgerDoc, SINGLETON);
    const { snapshot, searches } = await recovery.rebuild();
    recovery.log(`state file ${error.file}: ${error.reason}; moved it to ${aside} and rebuilt the budget spends of the last 24 h from the history (${searches} searches)`);
    return snapshot;
  }
}

/** Writes documents whose content changed since the last write; `flush` waits for the writes so far. */
export class CoalescedWriter {
  private readonly written = new Map<string, string>();
  private dirty = false;
  private running: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly store: StateStore,
    /** the documents to write now, computed when the write starts (the latest state wins) */
    private readonly collect: () => { type: DocumentType<unknown, unknown>; key: string; value: unknown }[],
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    this.dirty = true;
    if (!this.running) this.start();
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure) {
      const error = this.failure;
      this.failure = undefined;
      throw error;
    }
  }

  /** `running` is cleared in a callback, never inside `loop`: a loop with nothing to write ends before it is even assigned. */
  private start(): void {
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (this.dirty) this.start();
    });
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      for (const doc of this.collect()) {
        const id = `${doc.type.name}/${doc.key}`;
        const text = JSON.stringify(doc.value);
        if (this.written.get(id) === text) continue;
        try {
          await this.store.write(doc.type, doc.key, doc.value);
          this.written.set(id, text);
        } catch (error) {
          this.failure = error;
          this.onError(error);
        }
      }
    }
  }
}

/** The documents of a scheduler state. */
export function schedulerDocuments(state: SchedulerState): { type: DocumentType<unknown, unknown>; key: string; value: unknown }[] {
  const docs: { type: DocumentType<unknown, unknown>; key: string; value: unknown }[] = [];
  const add = <T, S>(type: DocumentType<T, S>, key: string, value: T | undefined) => {
    if (value !== undefined) docs.push({ type: type as unknown as DocumentType<unknown, unknown>, key, value });
  };
  add(budgetLedgerDoc, SINGLETON, state.budget);
  add(pauseDoc, SINGLETON, state.pauses);
  add(lastGrantsDoc, SINGLETON, state.lastGrants);
  for (const [id, queue] of Object.entries(state.queues ?? {})) add(scheduleDoc, id, queue);
  for (const [id, outage] of Object.entries(state.outages ?? {})) add(backoffDoc, id, outage);
  return docs;
}
