/**
 * The scheduler of the whole engine, composed from the blocks: one budget ledger for every key,
 * per instance a permit (pacing, active hours, budget, gates), an outage tracker and a job queue,
 * and one pause registry. Built from the settings and the persisted state; on a settings change
 * the daemon stops it, takes `state()`, and builds a new one from the new settings and that state.
 *
 * The daemon supplies what needs the network (the gates, the run itself) and persists `state()`
 * whenever `onChange` fires; everything else is here and pure of I/O.
 */
import type { InstanceSettings, JobSettings, Settings } from '../../shared/settings';
import { jobSchedule } from '../../shared/settings';
import type { BudgetStatus } from '../../shared/status';
import { jobLabel } from '../../shared/words';
import { ActiveHours } from './active-hours';
import { OutageTracker, type BackoffPolicy, type OutageEvent, type OutageSnapshot } from './backoff';
import { BudgetLedger, budgetKeyOf, budgetLimitsOf, type BudgetSnapshot } from './budget';
import type { Clock } from './clock';
import { forecastCycle, type Forecast } from './forecast';
import { InstanceQueue } from './instance-queue';
import type { InstanceQueueSnapshot, RunContext, RunOutcome } from './instance-queue-types';
import { allocateShares, itemsPerRun, runsPerDay } from './items-per-run';
import { PauseRegistry, type PauseSnapshot } from './pause';
import { InstancePermit, type PermitGate } from './permit';

/** Everything the scheduler needs back after a restart; plain JSON. */
export interface SchedulerState {
  budget?: BudgetSnapshot;
  queues?: Record<string, InstanceQueueSnapshot>;
  pauses?: PauseSnapshot;
  outages?: Record<string, OutageSnapshot>;
  /** per instance: when its last search command was granted (pacing across a restart) */
  lastGrants?: Record<string, number>;
}

export interface JobRunContext extends RunContext {
  instance: InstanceSettings;
  permit: InstancePermit;
  tracker: OutageTracker;
  /** items for this run: the continuation's quota, the job's number, or "auto" resolved */
  limit: number;
  /** the budget's largest single command: costlier ones must be split or skipped */
  maxCostPerCommand: number;
}

export interface SchedulerOptions {
  settings: Settings;
  clock: Clock;
  run: (job: JobSettings, context: JobRunContext) => Promise<RunOutcome | void>;
  state?: SchedulerState;
  /** IANA zone of the active hours and cron schedules (default: the system's) */
  timeZone?: string;
  /** the gates after reachability, e.g. queueGate and healthGate on the instance's client */
  gates?: (instance: InstanceSettings, tracker: OutageTracker) => PermitGate[];
  onOutage?: (instanceId: string, event: OutageEvent) => void;
  /** the state changed: persist `state()`, publish status */
  onChange?: () => void;
  onRunError?: (instanceId: string, jobId: string, error: unknown) => void;
  /**
   * Queries per day a job needs at most, asked whenever shares are computed (undefined: as much as
   * it gets; 0: idle). `running`: the job is running or its run is being sized. setDemand overrides.
   */
  demand?: (instanceId: string, jobId: string, running: boolean) => number | undefined;
  backoff?: BackoffPolicy;
  random?: () => number;
}

interface InstanceParts {
  settings: InstanceSettings;
  hours: ActiveHours;
  permit: InstancePermit;
  tracker: OutageTracker;
  queue: InstanceQueue;
}

export class Scheduler {
  readonly ledger: BudgetLedger;
  readonly pauses: PauseRegistry;
  private readonly instances = new Map<string, InstanceParts>();
  /** jobId key "instance/job" → queries per day it needs at most (unknown: as much as it gets) */
  private readonly demands = new Map<string, number>();
  /** runs per day simulates a week of the job's schedule: measured once a day per job */
  private readonly runsCache = new Map<string, { day: number; runs: number }>();

  constructor(private readonly options: SchedulerOptions) {
    const { settings, clock, state = {} } = options;
    const enabled = settings.instances.filter((i) => i.enabled);
    this.ledger = new BudgetLedger(budgetLimitsOf(enabled, settings.budgetGroups), state.budget);
    this.pauses = new PauseRegistry(state.pauses);
    const changed = () => options.onChange?.();
    for (const inst of enabled) {
      const hours = new ActiveHours(inst.throughput.activeHours, options.timeZone);
      const tracker = new OutageTracker({
        clock,
        policy: options.backoff,
        random: options.random,
        snapshot: state.outages?.[inst.id],
        onEvent: (event) => {
          options.onOutage?.(inst.id, event);
          changed();
        },
      });
      const permit = new InstancePermit({
        clock,
        ledger: this.ledger,
        budgetKey: budgetKeyOf(inst),
        minGapMs: inst.throughput.minGapSeconds * 1000,
        activeHours: hours,
        gates: [tracker.gate(), ...(options.gates?.(inst, tracker) ?? [])],
        lastCommandAt: state.lastGrants?.[inst.id],
        onCommit: changed,
      });
      const queue = new InstanceQueue({
        instanceId: inst.id,
        clock,
        hours,
        pauses: this.pauses,
        priority: settings.jobPriority,
        snapshot: state.queues?.[inst.id],
        jobs: inst.jobs.map((j) => ({ id: j.id, type: j.type, schedule: jobSchedule(j), enabled: j.enabled })),
        onChange: changed,
        onError: (jobId, error) => options.onRunError?.(inst.id, jobId, error),
        run: (queued, context) => {
          const job = inst.jobs.find((j) => j.id === queued.id)!;
          const limit = context.quota ?? this.itemsPerRun(inst.id, job.id);
          const maxCostPerCommand = this.ledger.maxSingleCost(budgetKeyOf(inst));
          return options.run(job, { ...context, instance: inst, permit, tracker, limit, maxCostPerCommand });
        },
      });
      this.instances.set(inst.id, { settings: inst, hours, permit, tracker, queue });
    }
  }

  start(): void {
    for (const p of this.instances.values()) p.queue.start();
  }

  /** Stops every queue after aborting the runs in progress, and waits for them. */
  async stop(): Promise<void> {
    await Promise.all([...this.instances.values()].map((p) => p.queue.dispose()));
  }

  /** The desktop app's resume-from-sleep hook. */
  wake(): void {
    for (const p of this.instances.values()) p.queue.wake();
  }

  runNow(instanceId: string, jobId: string): { ok: true } | { ok: false; reason: string } {
    const parts = this.instances.get(instanceId);
    if (!parts) return { ok: false, reason: `no enabled instance "${instanceId}"` };
    return parts.queue.runNow(jobId);
  }

  /** A run made outside the queues (`trawlarr once`): the job's schedule goes on from it. */
  recordRun(instanceId: string, jobId: string, startedAt: number, outcome?: RunOutcome): void {
    this.instance(instanceId).queue.recordRun(jobId, startedAt, outcome);
  }

  instance(instanceId: string): Readonly<InstanceParts> {
    const parts = this.instances.get(instanceId);
    if (!parts) throw new Error(`no enabled instance "${instanceId}"`);
    return parts;
  }

  state(): SchedulerState {
    const now = this.options.clock.now();
    const queues: Record<string, InstanceQueueSnapshot> = {};
    const outages: Record<string, OutageSnapshot> = {};
    const lastGrants: Record<string, number> = {};
    for (const [id, p] of this.instances) {
      queues[id] = p.queue.snapshot();
      outages[id] = p.tracker.snapshot();
      if (p.permit.lastGrantAt !== undefined) lastGrants[id] = p.permit.lastGrantAt;
    }
    return { budget: this.ledger.snapshot(now), queues, pauses: this.pauses.snapshot(), outages, lastGrants };
  }

  budgetStatus(instanceId: string): BudgetStatus {
    const inst = this.instance(instanceId).settings;
    const key = budgetKeyOf(inst);
    const usage = this.ledger.usage(key, this.options.clock.now());
    const limits = this.ledger.limitsOf(key);
    return { key: inst.budgetGroup ?? inst.id, usedLastHour: usage.lastHour, usedLastDay: usage.lastDay, ...limits };
  }

  /** What a job needs per day at most (e.g. new-episodes: what aired); lets the others share the rest. */
  setDemand(instanceId: string, jobId: string, queriesPerDay: number | undefined): void {
    const key = `${instanceId}/${jobId}`;
    if (queriesPerDay === undefined) this.demands.delete(key);
    else this.demands.set(key, queriesPerDay);
  }

  /**
   * The job's share of its budget key: max-min fair among the enabled jobs of every instance on that
   * key. `sizingRun`: the job is about to run, so it counts as running (not idle) itself.
   */
  share(instanceId: string, jobId: string, sizingRun = false): { perDay: number; perHour: number } {
    const key = budgetKeyOf(this.instance(instanceId).settings);
    const onKey = [...this.instances.values()]
      .filter((p) => budgetKeyOf(p.settings) === key)
      .flatMap((p) => p.settings.jobs.filter((j) => j.enabled).map((j) => ({ p, id: j.id, key: `${p.settings.id}/${j.id}` })));
    const index = onKey.findIndex((e) => e.key === `${instanceId}/${jobId}`);
    if (index < 0) return { perDay: 0, perHour: 0 };
    const limits = this.ledger.limitsOf(key);
    const demands = onKey.map(({ p, id, key: k }, i) => {
      if (this.demands.has(k)) return this.demands.get(k);
      return this.options.demand?.(p.settings.id, id, p.queue.runningJobId === id || (sizingRun && i === index));
    });
    const perDay = allocateShares(limits.maxPerDay, demands)[index];
    return { perDay, perHour: (limits.maxPerHour * perDay) / limits.maxPerDay };
  }

  itemsPerRun(instanceId: string, jobId: string, avgCostPerItem = 1): number {
    const { settings } = this.instance(instanceId);
    const job = settings.jobs.find((j) => j.id === jobId);
    if (!job) throw new Error(`no job "${jobId}" on instance "${instanceId}"`);
    return itemsPerRun({ setting: job.itemsPerRun, dailyShare: this.share(instanceId, jobId, true).perDay, avgCostPerItem, runsPerDay: this.runsPerDay(instanceId, job) });
  }

  private runsPerDay(instanceId: string, job: JobSettings): number {
    const now = this.options.clock.now();
    const day = Math.floor(now / 86_400_000);
    const key = `${instanceId}/${job.id}`;
    const cached = this.runsCache.get(key);
    if (cached?.day === day) return cached.runs;
    const runs = runsPerDay(jobSchedule(job), this.instance(instanceId).hours, now);
    this.runsCache.set(key, { day, runs });
    return runs;
  }

  forecast(instanceId: string, jobId: string, cycle: { cycle: number; remainingItems: number; avgCostPerItem: number }): Forecast {
    const { settings, hours } = this.instance(instanceId);
    const job = settings.jobs.find((j) => j.id === jobId);
    if (!job) throw new Error(`no job "${jobId}" on instance "${instanceId}"`);
    const share = this.share(instanceId, jobId);
    const limits = this.ledger.limitsOf(budgetKeyOf(settings));
    return forecastCycle({
      jobLabel: jobLabel(job),
      ...cycle,
      dailyShare: share.perDay,
      hourlyShare: share.perHour,
      budgetPerDay: limits.maxPerDay,
      budgetPerHour: limits.maxPerHour,
      itemsPerRun: job.itemsPerRun,
      schedule: jobSchedule(job),
      hours,
      now: this.options.clock.now(),
      horizonDays: this.options.settings.horizonDays,
      runsPerDay: this.runsPerDay(instanceId, job),
    });
  }
}
