/**
 * The jobs of one instance: one run at a time, the highest-priority due job first. Instances each
 * have their own queue and run independently.
 *
 * Guarantees:
 * - Never two runs of one instance at once.
 * - A paused job (or its instance, or everything) is never started, and a running one is aborted
 *   through its signal the moment it is paused (its permit then refuses with "stopped").
 * - An overdue job runs once: after a sleep, a long pause or a restart from a snapshot, each job is
 *   due at most once, and its next run counts from that run (next-run.ts).
 * - Scheduled runs are moved to the start of the next active window; "run now" starts at once and
 *   leaves budgets, active hours and gates to the permit.
 * - A run that stops early (budget, gate, active hours) may ask to continue at a later time with
 *   the rest of its items; that continuation is dropped when the job's next regular run comes.
 */
import type { JobType } from '../../shared/settings';
import type { Cancel } from './clock';
import type { InstanceQueueOptions, InstanceQueueSnapshot, JobQueueStatus, JobScheduleState, QueueJob, RunContext, RunOutcome, RunReason } from './instance-queue-types';
import { nextRunAfterRun, nextRunAt } from './next-run';

export type * from './instance-queue-types';

interface Entry extends JobScheduleState {
  job: QueueJob;
  nextRunAt: number;
  manual: boolean;
  /** loaded overdue (restart, settings change): its first run is a catch-up */
  overdue: boolean;
}

/** a run that asks to continue sooner is held to this, so a confused runner cannot spin */
const MIN_CONTINUE_GAP_MS = 1000;
/** a start this much after its due time is reported as a catch-up */
const LATE_MS = 60_000;

export class InstanceQueue {
  private readonly entries = new Map<string, Entry>();
  private priority: readonly JobType[];
  private timer: Cancel | undefined;
  private current: { jobId: string; controller: AbortController; done: Promise<void> } | undefined;
  private stopped = true;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: InstanceQueueOptions) {
    this.priority = options.priority;
    this.setJobs(options.jobs, options.snapshot?.jobs ?? {});
    this.unsubscribe = options.pauses.subscribe(() => this.onPauseChange());
  }

  get instanceId(): string {
    return this.options.instanceId;
  }

  get runningJobId(): string | undefined {
    return this.current?.jobId;
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  /** Stops timers, aborts the running job and waits for it to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.();
    this.timer = undefined;
    this.current?.controller.abort();
    await this.current?.done;
  }

  /** Stops and lets go of the pause registry; the queue cannot be started again. */
  async dispose(): Promise<void> {
    await this.stop();
    this.unsubscribe();
  }

  /** The desktop app's resume-from-sleep hook: overdue jobs run now, once each. */
  wake(): void {
    this.arm();
  }

  /** Starts the job as soon as the instance is free, ignoring its timer (the permit still decides). */
  runNow(jobId: string): { ok: true } | { ok: false; reason: string } {
    const entry = this.entries.get(jobId);
    if (!entry) return { ok: false, reason: `no job "${jobId}" on instance "${this.instanceId}"` };
    if (!entry.job.enabled) return { ok: false, reason: `job "${jobId}" is disabled` };
    if (this.options.pauses.isPaused(this.instanceId, jobId)) return { ok: false, reason: `job "${jobId}" is paused` };
    entry.manual = true;
    this.arm();
    return { ok: true };
  }

  /** Settings changed: keeps the state of jobs that remain, recomputes their next runs. */
  updateJobs(jobs: readonly QueueJob[], priority: readonly JobType[] = this.priority): void {
    this.priority = priority;
    this.setJobs(jobs, this.snapshot().jobs);
    if (this.current && !this.entries.get(this.current.jobId)?.job.enabled) this.current.controller.abort();
    this.arm();
    this.options.onChange?.();
  }

  snapshot(): InstanceQueueSnapshot {
    const jobs: Record<string, JobScheduleState> = {};
    for (const [id, e] of this.entries) {
      jobs[id] = { lastRunAt: e.lastRunAt, nextRunAt: e.nextRunAt, continueAt: e.continueAt, remaining: e.remaining };
    }
    return { version: 1, jobs };
  }

  status(): JobQueueStatus[] {
    return [...this.entries.values()].map((e) => {
      const paused = this.options.pauses.isPaused(this.instanceId, e.job.id);
      return {
        jobId: e.job.id,
        lastRunAt: e.lastRunAt,
        nextRunAt: e.nextRunAt,
        continueAt: e.continueAt,
        remaining: e.remaining,
        running: this.current?.jobId === e.job.id,
        paused,
        startsAt: paused || !e.job.enabled ? undefined : this.startsAt(e),
      };
    });
  }

  private setJobs(jobs: readonly QueueJob[], state: Record<string, JobScheduleState>): void {
    const now = this.options.clock.now();
    const previous = new Map(this.entries);
    this.entries.clear();
    for (const job of jobs) {
      if (this.entries.has(job.id)) throw new Error(`instance "${this.instanceId}": duplicate job id "${job.id}"`);
      const s = state[job.id] ?? {};
      const next = nextRunAt({ schedule: job.schedule, now, lastRunAt: s.lastRunAt, persistedNextRunAt: s.nextRunAt, timeZone: this.options.hours.timeZone });
      const keepContinuation = s.continueAt !== undefined && s.continueAt < next;
      this.entries.set(job.id, {
        job,
        lastRunAt: s.lastRunAt,
        nextRunAt: next,
        continueAt: keepContinuation ? Math.max(s.continueAt!, now) : undefined,
        remaining: keepContinuation ? s.remaining : undefined,
        manual: previous.get(job.id)?.manual ?? false,
        overdue: s.lastRunAt !== undefined && next === now,
      });
    }
  }

  /** When the entry would start if the instance were free: now for "run now", else its due time in active hours. */
  private startsAt(e: Entry): number {
    const now = this.options.clock.now();
    if (e.manual) return now;
    // from now at the earliest: a window that passed while the machine slept does not count
    return this.options.hours.nextActiveStart(Math.max(this.dueAt(e), now));
  }

  private dueAt(e: Entry): number {
    return e.continueAt !== undefined ? Math.min(e.continueAt, e.nextRunAt) : e.nextRunAt;
  }

  private runnable(e: Entry): boolean {
    return e.job.enabled && !this.options.pauses.isPaused(this.instanceId, e.job.id);
  }

  private rank(e: Entry): number {
    const i = this.priority.indexOf(e.job.type);
    return i < 0 ? this.priority.length : i;
  }

  private arm(): void {
    this.timer?.();
    this.timer = undefined;
    if (this.stopped || this.current) return;
    const times = [...this.entries.values()].filter((e) => this.runnable(e)).map((e) => this.startsAt(e)).filter(Number.isFinite);
    if (!times.length) return;
    this.timer = this.options.clock.setTimer(Math.min(...times), () => {
      this.timer = undefined;
      this.tick();
    });
  }

  private tick(): void {
    if (this.stopped || this.current) return;
    const now = this.options.clock.now();
    const due = [...this.entries.values()].filter((e) => this.runnable(e) && this.startsAt(e) <= now);
    if (!due.length) return this.arm();
    due.sort((a, b) => Number(b.manual) - Number(a.manual) || this.rank(a) - this.rank(b) || this.startsAt(a) - this.startsAt(b) || a.job.id.localeCompare(b.job.id));
    this.begin(due[0], now);
  }

  private begin(e: Entry, now: number): void {
    const regular = e.manual || e.continueAt === undefined || e.nextRunAt <= now;
    const late = e.overdue || now - this.options.hours.nextActiveStart(this.dueAt(e)) > LATE_MS;
    const reason: RunReason = e.manual ? 'manual' : !regular ? 'continue' : late ? 'catch-up' : 'scheduled';
    const quota = regular ? undefined : e.remaining;
    e.manual = false;
    e.overdue = false;
    if (regular) {
      e.continueAt = undefined;
      e.remaining = undefined;
    }
    const controller = new AbortController();
    const current = { jobId: e.job.id, controller, done: Promise.resolve() };
    this.current = current;
    this.options.onChange?.();
    current.done = this.execute(e, { reason, startedAt: now, signal: controller.signal, quota }, regular);
  }

  private async execute(e: Entry, context: RunContext, regular: boolean): Promise<void> {
    let outcome: RunOutcome | void = undefined;
    try {
      outcome = await this.options.run(e.job, context);
    } catch (error) {
      this.options.onError?.(e.job.id, error);
    }
    this.settle(this.entries.get(e.job.id) ?? e, context.startedAt, regular, outcome); // settings may have replaced the entry meanwhile
    this.current = undefined;
    this.options.onChange?.();
    this.arm();
  }

  /** A regular run made outside the queue (`trawlarr once`): the schedule goes on from it. */
  recordRun(jobId: string, startedAt: number, outcome?: RunOutcome): void {
    const entry = this.entries.get(jobId);
    if (!entry || this.current?.jobId === jobId) return;
    this.settle(entry, startedAt, true, outcome);
    this.options.onChange?.();
    this.arm();
  }

  private settle(entry: Entry, startedAt: number, regular: boolean, outcome: RunOutcome | void): void {
    const now = this.options.clock.now();
    if (regular) {
      entry.lastRunAt = startedAt;
      entry.nextRunAt = nextRunAfterRun(entry.job.schedule, startedAt, now, this.options.hours.timeZone);
      // the run outlasted its interval (or the machine slept through it): the next one catches up
      entry.overdue = entry.nextRunAt === now;
    }
    entry.continueAt = undefined;
    entry.remaining = undefined;
    if (outcome?.continueAt !== undefined && Number.isFinite(outcome.continueAt)) {
      const at = Math.max(outcome.continueAt, now + MIN_CONTINUE_GAP_MS);
      if (at < entry.nextRunAt) {
        entry.continueAt = at;
        entry.remaining = outcome.remaining;
      }
    }
  }

  private onPauseChange(): void {
    if (this.current && this.options.pauses.isPaused(this.instanceId, this.current.jobId)) this.current.controller.abort();
    this.arm();
    this.options.onChange?.();
  }
}
