/**
 * The engine's status as the tray, the settings window and `trawlarr status` show it: built from
 * the settings, the scheduler (queues, pauses, budgets, outages, forecasts), the jobs' cycle
 * documents and what the gates said last.
 */
import type { InstanceSettings, JobSettings, Settings } from '../../shared/settings';
import type { EngineStatus, InstanceStatus, JobStatus } from '../../shared/status';
import type { JobQueueStatus } from '../scheduler/instance-queue-types';
import type { Scheduler } from '../scheduler/scheduler';
import type { JobCycleState } from '../store/state';
import type { CycleCache } from './cycles';
import type { GateStates } from './gates';
import { hoursWait } from '../scheduler/waits';
import type { JobWaits } from './waits';

export interface StatusSources {
  now: number;
  settings: Settings;
  scheduler: Scheduler;
  cycles: CycleCache;
  gates: GateStates;
  waits: JobWaits;
  /** the version the instance reported, once contacted */
  versionOf(instanceId: string): string | undefined;
}

const iso = (t: number | undefined) => (t === undefined || !Number.isFinite(t) ? undefined : new Date(t).toISOString());

/** Estimated queries per item for the forecast: what the job's last run spent per item, else 1. */
export function avgCostOf(cycle: JobCycleState): number {
  const last = cycle.lastRun;
  if (!last || last.searched === 0 || last.cost === 0) return 1;
  return Math.max(0.05, last.cost / last.searched);
}

export function buildStatus(src: StatusSources): EngineStatus {
  const instances = src.settings.instances.map((inst) => instanceStatus(src, inst));
  return {
    at: new Date(src.now).toISOString(),
    paused: src.scheduler.pauses.isPausedAt({ level: 'all' }),
    searching: instances.some((i) => i.jobs.some((j) => j.running)),
    instances,
  };
}

function partsOf(scheduler: Scheduler, instanceId: string): ReturnType<Scheduler['instance']> | undefined {
  try {
    return scheduler.instance(instanceId);
  } catch {
    return undefined; // disabled, or added by a settings change the scheduler is being rebuilt for
  }
}

function instanceStatus(src: StatusSources, inst: InstanceSettings): InstanceStatus {
  const parts = inst.enabled ? partsOf(src.scheduler, inst.id) : undefined;
  const queue = new Map((parts?.queue.status() ?? []).map((q) => [q.jobId, q]));
  const status: InstanceStatus = {
    id: inst.id,
    name: inst.name,
    kind: inst.kind,
    enabled: inst.enabled,
    paused: src.scheduler.pauses.isPaused(inst.id),
    state: 'unknown',
    budget: parts
      ? src.scheduler.budgetStatus(inst.id)
      : { key: inst.budgetGroup ?? inst.id, usedLastHour: 0, usedLastDay: 0, maxPerHour: inst.throughput.maxPerHour, maxPerDay: inst.throughput.maxPerDay },
    jobs: inst.jobs.map((job) => jobStatus(src, inst, job, queue.get(job.id), parts)),
  };
  const version = src.versionOf(inst.id);
  if (version) status.version = version;
  const tracker = parts?.tracker;
  const gate = src.gates.get(inst.id);
  if (tracker?.isDown) {
    status.state = tracker.state === 'ok' ? 'down' : tracker.state;
    status.message = tracker.message;
    const retry = iso(tracker.retryAt);
    if (retry) status.retryAt = retry;
  } else if (gate && parts) {
    status.state = gate.state;
    status.message = gate.message;
  } else if (version) {
    status.state = 'ok';
  }
  if (!inst.enabled) status.message = 'disabled';
  return status;
}

function jobStatus(src: StatusSources, inst: InstanceSettings, job: JobSettings, queue: JobQueueStatus | undefined, parts: ReturnType<Scheduler['instance']> | undefined): JobStatus {
  const scheduled = parts !== undefined;
  const cycle = src.cycles.get(inst.id, job.id);
  const status: JobStatus = {
    instanceId: inst.id,
    jobId: job.id,
    type: job.type,
    enabled: job.enabled,
    paused: src.scheduler.pauses.isPaused(inst.id, job.id),
    running: queue?.running ?? false,
    cycle: cycle.cycle,
    done: cycle.done,
    eligible: cycle.eligible,
  };
  if (cycle.cycleStartedAt !== undefined) status.cycleStartedAt = iso(cycle.cycleStartedAt);
  if (cycle.lastRun) status.lastRun = cycle.lastRun;
  if (job.enabled && !job.unattended && cycle.lastRun?.result === 'cycle-complete') status.nextCycleReady = true;
  if (queue && parts) Object.assign(status, runTimes(src.now, queue, parts));
  const wait = !status.enabled || status.paused ? undefined : queue?.running ? parts?.permit.waiting : src.waits.get(inst.id, job.id);
  if (wait) status.waiting = wait;
  else if (queue?.startsAt !== undefined && parts && !queue.running && !parts.hours.isActive(src.now) && dueAt(queue) <= src.now) {
    // due, held back by the quiet hours alone
    status.waiting = hoursWait(queue.startsAt);
  }
  if (scheduled && job.enabled && cycle.lastRun) {
    const remaining = Math.max(0, cycle.eligible - cycle.done);
    const forecast = src.scheduler.forecast(inst.id, job.id, { cycle: cycle.cycle, remainingItems: remaining, avgCostPerItem: avgCostOf(cycle) });
    const eta = iso(forecast.etaAt);
    if (eta) status.etaAt = eta;
    if (forecast.warning) status.horizonWarning = forecast.warning;
  }
  return status;
}

const dueAt = (q: JobQueueStatus) => Math.min(q.continueAt ?? Infinity, q.nextRunAt ?? Infinity);

/**
 * The schedule's next run and the continuation of a run cut short, apart: a job scheduled at 03:00
 * whose budget-cut run goes on in 56 minutes shows both, not "next run in 56 min".
 */
function runTimes(now: number, q: JobQueueStatus, parts: ReturnType<Scheduler['instance']>): Pick<JobStatus, 'nextRunAt' | 'continuesAt'> {
  if (q.startsAt === undefined) return {};
  const out: Pick<JobStatus, 'nextRunAt' | 'continuesAt'> = {};
  const scheduled = q.nextRunAt === undefined ? q.startsAt : Math.max(q.startsAt, parts.hours.nextActiveStart(Math.max(q.nextRunAt, now)));
  out.nextRunAt = iso(scheduled);
  if (q.continueAt !== undefined && q.continueAt < (q.nextRunAt ?? Infinity)) out.continuesAt = iso(q.startsAt);
  return out;
}
