/**
 * The engine host: turns the settings into a running engine. It owns the data directory (lock,
 * history, state), one client per instance, and the scheduler, whose `run` is the job runner.
 * The desktop app and the headless command both use it; the UI reaches it through `service`.
 *
 * Settings changes are persisted through `saveSettings`, then the scheduler is rebuilt: the old one
 * stops after its current command, its state (budget spends, next runs, pauses, outages) is taken,
 * and a new one is built from the new settings and that state. Rebuilds run one at a time.
 */
import type { AnyArrClient } from '../../arr';
import { maskSettings } from '../../shared/contract/masked-settings';
import type { AppService } from '../../shared/contract/service';
import type { MaskedSettings } from '../../shared/contract/settings-schemas';
import type { InstanceSettings, Settings } from '../../shared/settings';
import type { EngineStatus } from '../../shared/status';
import { secretsOf, type Env } from '../config';
import type { PollOptions } from '../run/poll';
import type { HistoryPort } from '../run/ports';
import type { OutageTracker } from '../scheduler/backoff';
import { systemClock, type Clock } from '../scheduler/clock';
import type { Scheduler } from '../scheduler/scheduler';
import { HistoryStore, historyDir, lockDataDir, StateStore, type DataDirLock } from '../store';
import { Activity, instrument } from './activity';
import { buildScheduler } from './build-scheduler';
import { ledgerFromHistory } from './budget-recovery';
import { InstanceClients, outageOf } from './clients';
import type { HostContext } from './context';
import { CycleCache } from './cycles';
import { EventBus } from './events';
import { GateStates } from './gates';
import type { EngineHost, EngineHostOptions } from './api';
import { runOnce, type OnceOptions, type OnceResult } from './once';
import { CoalescedWriter, loadSchedulerState, schedulerDocuments } from './persistence';
import { StatusPublisher } from './publisher';
import { createHostService } from './service';
import { refuseNewSameUrl } from './same-url';
import { validSettings, type Edit } from './settings-edit';
import { buildStatus } from './status';
import { JobWaits } from './waits';

export type { EngineHost, EngineHostOptions } from './api';

export async function createEngineHost(options: EngineHostOptions): Promise<EngineHost> {
  let host: Host | undefined;
  const lock = await lockDataDir(options.dataDir, {
    log: options.log ?? ((line) => console.error(line)),
    // a lost lock stops the engine cleanly (proper-lockfile's default would throw from a timer)
    onLost: (error) => (host ? host.lockLost(error) : (options.log ?? console.error)(error.message)),
  });
  let history: HistoryStore | undefined;
  try {
    const clock = options.clock ?? systemClock;
    const state = await StateStore.open(options.dataDir, { now: () => clock.now(), warn: options.log });
    history = await HistoryStore.open({ dir: historyDir(options.dataDir), retentionDays: options.settings.historyRetentionDays, now: () => clock.now(), fsync: options.fsync, warn: options.log });
    host = new Host(options, clock, lock, state, history);
    await host.init();
    return host;
  } catch (error) {
    await history?.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
}

class Host implements EngineHost, HostContext {
  readonly activity = new Activity();
  readonly gates = new GateStates();
  readonly waits = new JobWaits();
  readonly events: EventBus;
  readonly clients: InstanceClients;
  readonly cycles: CycleCache;
  readonly store: StateStore;
  readonly historyPort: HistoryPort;
  readonly env: Env;
  readonly timeZone?: string;
  readonly poll?: PollOptions;
  readonly dataDir: string;
  readonly service: AppService;
  private current: Settings;
  private sched!: Scheduler;
  private started = false;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private rebuilding: Promise<void> = Promise.resolve();
  private editing: Promise<unknown> = Promise.resolve();
  private readonly persister: CoalescedWriter;
  private readonly publisher: StatusPublisher;

  constructor(
    private readonly options: EngineHostOptions,
    readonly clock: Clock,
    private readonly lock: DataDirLock,
    rawStore: StateStore,
    readonly history: HistoryStore,
  ) {
    this.current = options.settings;
    this.env = options.env ?? process.env;
    this.timeZone = options.timeZone;
    this.poll = options.poll;
    this.dataDir = options.dataDir;
    this.events = new EventBus((error) => this.log(`event listener failed: ${String(error)}`));
    this.clients = new InstanceClients(this.env, clock, options.lookup, options.retry);
    this.store = instrument(rawStore, this.activity);
    this.cycles = new CycleCache(this.store);
    this.historyPort = { append: (e) => this.activity.track(() => history.append(e)), query: (q) => this.activity.track(() => history.query(q)) };
    const onError = (error: unknown) => this.log(`could not save the engine state: ${error instanceof Error ? error.message : String(error)}`);
    this.persister = new CoalescedWriter(this.store, () => schedulerDocuments(this.sched.state()), onError);
    this.publisher = new StatusPublisher(this.store, this.events, () => this.status(), onError);
    this.service = createHostService(this, { mode: options.mode ?? 'browser', version: options.version ?? '0.0.0' });
  }

  async init(): Promise<void> {
    const recovery = { rebuild: () => ledgerFromHistory(this.history, this.current, this.clock.now()), log: this.log };
    const state = await loadSchedulerState(this.store, this.current.instances.map((i) => i.id), recovery);
    this.sched = buildScheduler(this, this.current, state, this.options);
    await this.cycles.load(this.current);
  }

  log = (line: string): void => {
    (this.options.log ?? ((l: string) => console.error(l)))(line);
  };

  settings(): Settings {
    return this.current;
  }

  scheduler(): Scheduler {
    return this.sched;
  }

  client(instance: InstanceSettings, tracker?: OutageTracker): AnyArrClient {
    const wrap = tracker ? <R>(call: () => Promise<R>) => tracker.track(call, outageOf) : undefined;
    return instrument(this.clients.get(instance), this.activity, wrap);
  }

  changed = (): void => {
    if (this.stopped) return;
    this.persister.request();
    this.publisher.request();
  };

  status(): EngineStatus {
    return buildStatus({
      now: this.clock.now(),
      settings: this.current,
      scheduler: this.sched,
      cycles: this.cycles,
      gates: this.gates,
      waits: this.waits,
      versionOf: (id) => this.clients.peek(id)?.info?.version,
    });
  }

  subscribe: AppService['subscribe'] = (listener) => this.events.subscribe(listener);

  async start(): Promise<void> {
    if (this.stopped) throw new Error('the engine was stopped; create a new one');
    await this.rebuilding;
    this.started = true;
    this.publisher.setRunning(true);
    this.sched.start();
    this.changed();
  }

  /** One stop at a time: a lost lock and a signal may both ask for it. */
  stop(): Promise<void> {
    return (this.stopping ??= this.stopOnce());
  }

  private async stopOnce(): Promise<void> {
    if (this.stopped) return;
    await this.rebuilding;
    await this.sched.stop();
    this.started = false;
    this.publisher.setRunning(false);
    await this.persistNow();
    this.stopped = true;
    this.publisher.cancel();
    this.clients.closeAll();
    await this.activity.track(async () => {
      await this.history.close();
      await this.lock.release();
    });
  }

  /** Another process may own the data directory now: stop writing to it, then say so. */
  lockLost(error: Error): void {
    this.log(`${error.message}: stopping`);
    // a scheduled engine stops here; `runOnce` is ended by its caller (onLockLost aborts it), then stopped
    const stopped = this.started ? this.stop() : Promise.resolve();
    void stopped
      .catch((e: unknown) => this.log(`engine stop failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.options.onLockLost?.(error));
  }

  resumeAfterSleep(): void {
    this.sched.wake();
  }

  async replaceSettings(settings: Settings): Promise<MaskedSettings> {
    return this.editSettings(() => ({ settings }));
  }

  /**
   * Settings edits one at a time: `change` gets the current settings and returns the next ones,
   * which are validated (a ServiceError naming the field when invalid), persisted and applied.
   */
  editSettings(change: (current: Settings) => Edit): Promise<MaskedSettings> {
    const next = this.editing.then(async () => {
      const edit = change(this.current);
      const valid = validSettings(edit.settings, edit.relate);
      refuseNewSameUrl(this.current, valid, edit.relate);
      await this.applySettings(valid);
      return maskSettings(valid);
    });
    this.editing = next.catch(() => undefined);
    return next;
  }

  /** Persists and applies new settings (validated by the caller); the scheduler is rebuilt when they concern it. */
  private async applySettings(next: Settings): Promise<void> {
    await this.options.saveSettings(next);
    const before = this.current;
    this.current = next;
    if (before.historyRetentionDays !== next.historyRetentionDays) await this.history.setRetentionDays(next.historyRetentionDays);
    if (schedulerConcerned(before, next)) this.rebuild();
    else this.changed();
  }

  /** The scheduler after the pending rebuilds. */
  async ready(): Promise<Scheduler> {
    await this.rebuilding;
    return this.sched;
  }

  runOnce(jobs: readonly { instanceId: string; jobId: string }[], options: OnceOptions = {}): Promise<OnceResult[]> {
    if (this.started) return Promise.reject(new Error('runOnce: the engine is running on its schedules'));
    return runOnce(this, jobs, options).finally(() => this.persistNow());
  }

  async whenIdle(): Promise<void> {
    await this.activity.whenIdle(() => this.rebuilding);
  }

  secrets(): string[] {
    return secretsOf(this.current, this.env);
  }

  private async persistNow(): Promise<void> {
    this.persister.request();
    await this.persister.flush().catch(() => undefined);
    await this.publisher.flush().catch(() => undefined);
  }

  private rebuild(): void {
    this.rebuilding = this.rebuilding
      .then(async () => {
        const old = this.sched;
        await old.stop();
        const state = old.state();
        const fresh = this.current.instances.filter((i) => i.enabled && !state.queues?.[i.id]).map((i) => i.id);
        if (fresh.length) {
          const loaded = await loadSchedulerState(this.store, fresh);
          state.queues = { ...loaded.queues, ...state.queues };
          state.outages = { ...loaded.outages, ...state.outages };
        }
        this.sched = buildScheduler(this, this.current, state, this.options);
        if (this.started) this.sched.start();
        this.clients.retain(this.current.instances.map((i) => i.id));
        await this.cycles.load(this.current);
        this.changed();
      })
      .catch((error: unknown) => this.log(`could not apply the new settings to the scheduler: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** Only notifications and history retention can change without touching the scheduler. */
function schedulerConcerned(a: Settings, b: Settings): boolean {
  const strip = ({ notifications: _n, historyRetentionDays: _h, ...rest }: Settings) => rest;
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}
