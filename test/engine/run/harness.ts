/**
 * The real pieces wired together against the simulator: a client on a real socket, the state and
 * history stores in a temporary folder, and the scheduler's permit with a generous budget.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArrClient, type AnyArrClient } from '../../../src/arr';
import { runJob, type RunJobOptions } from '../../../src/engine/run/runner';
import type { PollOptions } from '../../../src/engine/run/poll';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { BudgetLedger } from '../../../src/engine/scheduler/budget';
import { systemClock } from '../../../src/engine/scheduler/clock';
import { InstancePermit } from '../../../src/engine/scheduler/permit';
import { HistoryStore } from '../../../src/engine/store/history/store';
import { StateStore } from '../../../src/engine/store/state';
import { jobSchema, type JobSettings, type JobSettingsInput } from '../../../src/shared/settings';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator';

export const FAST_POLL: PollOptions = { firstDelayMs: 1, maxDelayMs: 5, factor: 2, timeoutMs: 10_000 };

export interface Harness {
  sim: Simulator;
  client: AnyArrClient;
  store: StateStore;
  history: HistoryStore;
  ledger: BudgetLedger;
  permit: InstancePermit;
  dir: string;
  run(job: JobSettings, extra?: Partial<RunJobOptions>): ReturnType<typeof runJob>;
  /** a fresh state/history view on the same folder, as after a restart */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function jobOf(input: Partial<JobSettingsInput> & Pick<JobSettingsInput, 'type'>): JobSettings {
  return jobSchema.parse({ id: input.type, ...input });
}

export async function harness(options: SimulatorOptions, budget = { maxPerHour: 100_000, maxPerDay: 100_000 }): Promise<Harness> {
  const sim = await startSimulator(options);
  const client = createArrClient({ name: 'Sim', kind: options.app, url: sim.url, apiKey: sim.apiKey });
  await client.connect();
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-run-'));
  const ledger = new BudgetLedger({ 'instance:sim': budget });
  const makePermit = () => new InstancePermit({ clock: systemClock, ledger, budgetKey: 'instance:sim', minGapMs: 0, activeHours: new ActiveHours([]) });
  const h: Harness = {
    sim,
    client,
    dir,
    ledger,
    store: await StateStore.open(dir),
    history: await HistoryStore.open({ dir: join(dir, 'history'), fsync: 'never' }),
    permit: makePermit(),
    run: (job, extra = {}) =>
      runJob({ instanceId: 'sim', job, client, store: h.store, history: h.history, permit: h.permit, clock: systemClock, limit: 10, poll: FAST_POLL, seed: 7, ...extra }),
    async restart() {
      await h.history.close();
      h.store = await StateStore.open(dir);
      h.history = await HistoryStore.open({ dir: join(dir, 'history'), fsync: 'never' });
      h.permit = makePermit();
    },
    async close() {
      client.close();
      await h.history.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Ids searched by the simulator, per command, flattened. */
export function searchedIds(sim: Simulator): number[] {
  return sim.searches.flatMap((s) => s.ids);
}

export function sorted(ids: Iterable<number>): number[] {
  return [...ids].sort((a, b) => a - b);
}
