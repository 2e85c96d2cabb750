/**
 * `trawlarr once`: each selected job runs once, now, one after the other, through the same permit
 * as the scheduled runs (budgets, pacing, active hours and gates hold), or as a dry run that only
 * reads. A job of an instance that cannot be reached reports the client's error. A live run is
 * recorded in the job's schedule (persisted), so `trawlarr run` next counts from it; a dry run is not.
 */
import { ArrError } from '../../arr';
import type { RunPreviewSize } from '../../shared/run-preview';
import type { InstanceSettings, JobSettings, Settings } from '../../shared/settings';
import { ConfigError } from '../config';
import type { RunReport } from '../run/report';
import { runJob } from '../run/runner';
import { budgetKeyOf } from '../scheduler/budget';
import type { HostContext } from './context';
import { dryRunSizer, previewSize } from './preview';
import { engineEmitter, outcomeOf } from './run';

export interface OnceOptions {
  dryRun?: boolean;
  /** stop after the current command (SIGINT) */
  signal?: AbortSignal;
}

export interface OnceResult {
  instance: InstanceSettings;
  job: JobSettings;
  report: RunReport;
  /** a dry run: its size as a run started now would have it (preview.ts) */
  size?: RunPreviewSize;
}

export interface JobRef {
  instanceId: string;
  jobId: string;
}

/** The jobs to run: the named ones, or every enabled job of every enabled instance. */
export function selectJobs(settings: Settings, refs: readonly JobRef[]): { instance: InstanceSettings; job: JobSettings }[] {
  if (refs.length === 0) {
    return settings.instances.filter((i) => i.enabled).flatMap((instance) => instance.jobs.filter((j) => j.enabled).map((job) => ({ instance, job })));
  }
  return refs.map((ref) => {
    const instance = settings.instances.find((i) => i.id === ref.instanceId);
    if (!instance) throw new ConfigError(`--job ${ref.instanceId}/${ref.jobId}: no instance "${ref.instanceId}" in the settings (instances: ${settings.instances.map((i) => i.id).join(', ') || 'none'})`);
    const job = instance.jobs.find((j) => j.id === ref.jobId);
    if (!job) throw new ConfigError(`--job ${ref.instanceId}/${ref.jobId}: instance "${instance.id}" has no job "${ref.jobId}" (jobs: ${instance.jobs.map((j) => j.id).join(', ') || 'none'})`);
    if (!instance.enabled) throw new ConfigError(`--job ${ref.instanceId}/${ref.jobId}: instance "${instance.id}" is disabled in the settings`);
    return { instance, job };
  });
}

export async function runOnce(h: HostContext, refs: readonly JobRef[], options: OnceOptions): Promise<OnceResult[]> {
  const dryRun = options.dryRun === true;
  const selected = selectJobs(h.settings(), refs);
  const scheduler = h.scheduler();
  const emit = engineEmitter(h);
  const unreachable = new Map<string, ArrError>();
  const results: OnceResult[] = [];
  for (const { instance, job } of selected) {
    if (options.signal?.aborted) break;
    const parts = scheduler.instance(instance.id);
    if (!dryRun && scheduler.pauses.isPaused(instance.id, job.id)) {
      results.push({ instance, job, report: blankReport(h, instance, job, dryRun, 'waiting', 'paused: resume it in the app first') });
      continue;
    }
    const client = h.client(instance, parts.tracker);
    try {
      const known = unreachable.get(instance.id);
      if (known) throw known;
      if (!client.info) await client.connect();
    } catch (error) {
      if (!(error instanceof ArrError)) throw error;
      unreachable.set(instance.id, error);
      results.push({ instance, job, report: { ...blankReport(h, instance, job, dryRun, 'error', error.message), error } });
      continue;
    }
    const startedAt = h.clock.now();
    const limit = scheduler.itemsPerRun(instance.id, job.id);
    const signal = options.signal ?? new AbortController().signal;
    const report = await runJob({
      instanceId: instance.id,
      job,
      client,
      store: h.store,
      history: h.historyPort,
      permit: parts.permit,
      clock: h.clock,
      limit,
      maxCostPerCommand: scheduler.ledger.maxSingleCost(budgetKeyOf(instance)),
      dryRun,
      crossJobWindowDays: instance.crossJobWindowDays,
      // a dry run counts exactly; a live run stops examining once its batch is full
      evaluateAll: dryRun,
      // a dry run searches what the permit would grant now, no more (preview.ts)
      ...(dryRun ? { sizeRun: dryRunSizer(h, instance, parts.permit, client) } : {}),
      signal,
      emit,
      ...(h.poll ? { poll: h.poll } : {}),
    });
    await h.cycles.refresh(instance.id, job.id);
    // a live run is a run of the job's schedule: `trawlarr run` goes on from it as after a scheduled
    // one (and goes on with the rest of a run stopped by the budget or a gate, not by Ctrl-C)
    if (!dryRun) {
      const outcome = signal.aborted ? undefined : outcomeOf(h, report, job, { tracker: parts.tracker, limit, signal }, client);
      scheduler.recordRun(instance.id, job.id, startedAt, outcome);
    }
    h.changed();
    const size = dryRun ? previewSize(h, scheduler, instance, job, report) : undefined;
    results.push({ instance, job, report, ...(size ? { size } : {}) });
  }
  return results;
}

/** The report of a job that did not run: its cycle as last recorded. */
function blankReport(h: HostContext, instance: InstanceSettings, job: JobSettings, dryRun: boolean, result: RunReport['result'], message: string): RunReport {
  const cycle = h.cycles.get(instance.id, job.id);
  return { instanceId: instance.id, jobId: job.id, jobType: job.type, dryRun, result, message, cycle: cycle.cycle, cycleRestarted: false, done: cycle.done, remaining: Math.max(0, cycle.eligible - cycle.done), commands: [], searched: 0, cost: 0, reasons: {}, examples: {} };
}
