/**
 * Runs one job once on one instance: gather → finish what an earlier run left → plan → (cycle
 * reset) → search, one command at a time → record.
 *
 * Crash safety (a SIGKILL may land anywhere). Invariants: a search the app ran is in the history
 * once; an item carries the job's tag only if it was searched; nothing already tagged is searched
 * again. Each command goes through the journal (./journal.ts); what the next run does per crash point:
 *
 *  1. before the journal "posting" write: nothing was sent; the items are planned again.
 *  2. after "posting", before or during the POST: unknown whether the app got it. Recovery reads the
 *     items' lastSearchTime: moved past the send time → the search ran: history, progress, tag.
 *     Not moved: kept out of plans for a grace period (it may sit in the app's queue), then
 *     dropped with an "error" entry; the items are searched later. (A search that queried no
 *     indexer leaves no trace, and cost nothing either.)
 *  3. after the 201, before "accepted" is written: as 2 (the id is lost, lastSearchTime tells).
 *  4. "accepted", while polling: recovery polls the known command id and finishes it.
 *  5. history entry written, "recorded" not yet: recovery finds the entry by command id in the
 *     history and does not write it twice.
 *  6. "recorded", before or during progress/tag/drop: recovery repeats them; progress is a set
 *     union and tag "add" is idempotent. Only the display counter `done` may count one command
 *     twice.
 *  7. cycle reset: journaled too (./cycle.ts); finished before planning.
 * Recovery runs before planning and marks in memory what it tagged, so a recovered item is never
 * planned again. A dry run reads state through a view that refuses writes and sends no POST/PUT.
 */
import type { Movie, Series } from '../../arr/model';
import { jobTag, type JobSettings } from '../../shared/settings';
import type { EngineEvent, RunResult } from '../../shared/status';
import { jobDefinition, supportsApp } from '../jobs/registry';
import { createPlanContext } from '../plan/context';
import { planJob } from '../plan/job';
import { dropProgress, progressMap } from '../plan/progress';
import { cycleExhausted, type Plan } from '../plan/types';
import { DAY_MS } from '../scheduler/budget';
import type { Clock } from '../scheduler/clock';
import type { SearchPermit } from '../scheduler/permit';
import type { RunSize } from '../scheduler/run-size';
import type { StateStore } from '../store/state';
import { CROSS_JOB_TYPES, searchedByOthers } from './cross-job';
import { carriersOf, decideCycle, finishReset, resetCycle } from './cycle';
import { executeCommands } from './execute';
import { record, type RunContext } from './finish';
import { ClientLoader, gather, type Gathered } from './gather';
import { JobState } from './job-state';
import { busyIds } from './journal';
import { DEFAULT_POLL, type PollOptions } from './poll';
import type { ArrPort, HistoryPort } from './ports';
import { recoverJournal } from './recover';
import type { RunReport } from './report';
import { summarize } from './summary';
import { applyTag } from './tagging';

export interface RunJobOptions {
  instanceId: string;
  job: JobSettings;
  client: ArrPort;
  store: StateStore;
  history: HistoryPort;
  permit: SearchPermit;
  clock: Clock;
  /** movies (Radarr) or commands (Sonarr searches) or series (Sonarr rename/refresh) this run; the scheduler resolves "auto" */
  limit: number;
  dryRun?: boolean;
  /** examine every candidate (exact counts) instead of stopping once the batch is full */
  evaluateAll?: boolean;
  /** no command may cost more (the budget's largest single spend) */
  maxCostPerCommand?: number;
  poll?: PollOptions;
  /** how long a command sent just before a crash, without a trace in the app, is waited for (default 15 min) */
  postingGraceMs?: number;
  /** for the random order; a fresh one per run by default */
  seed?: number;
  /** stop after the current command */
  signal?: AbortSignal;
  emit?: (event: EngineEvent) => void;
  /**
   * Dry run: how many of the planned commands (their costs, in order) the permit would grant now
   * (InstancePermit.sizeRun); the report then holds only those. Absent: all of them.
   */
  sizeRun?: (costs: number[]) => Promise<RunSize> | RunSize;
  /** the instance's crossJobWindowDays: skip what its other jobs searched within it (0 or absent: off) */
  crossJobWindowDays?: number;
  /** an attended job asked to start its next cycle: a complete cycle resets as an unattended one would */
  startNextCycle?: boolean;
}

export async function runJob(o: RunJobOptions): Promise<RunReport> {
  const def = jobDefinition(o.job.type);
  if (!supportsApp(o.job.type, o.client.kind)) throw new Error(`job "${o.job.id}": ${o.job.type} does not run on ${o.client.kind}`);
  const dry = o.dryRun === true;
  const state = new JobState(o.store, o.instanceId, o.job.id, dry);
  const report: RunReport = { instanceId: o.instanceId, jobId: o.job.id, jobType: o.job.type, dryRun: dry, result: 'nothing-to-do', message: '', cycle: 1, cycleRestarted: false, done: 0, remaining: 0, commands: [], searched: 0, cost: 0, reasons: {}, examples: {} };
  const emit = o.emit ?? (() => undefined);
  let rc: RunContext | undefined;
  try {
    const g = await gather(o.client, def, jobTag(o.job), !dry);
    const entries: (Movie | Series)[] = g.movies ?? g.series ?? [];
    const loader = new ClientLoader(o.client);
    rc = { instanceId: o.instanceId, job: o.job, client: o.client, history: o.history, state, clock: o.clock, jobTagId: g.jobTagId ?? -1, emit };
    let pending = (await state.journal()).entries;
    if (!dry && g.jobTagId !== null) {
      if ((await state.journal()).reset) {
        await finishReset(rc, carriersOf(entries, g.jobTagId));
        setTag(entries, carriersOf(entries, g.jobTagId), g.jobTagId, false);
      }
      const recovered = await recoverJournal(rc, loader, g.movies, o.poll ?? DEFAULT_POLL, o.postingGraceMs);
      setTag(entries, recovered.tagged, g.jobTagId, true);
      pending = recovered.pending;
    }
    let cycle = await state.cycle();
    if (!dry && cycle.cycleStartedAt === undefined) cycle = await state.updateCycle((c) => ({ ...c, cycleStartedAt: o.clock.now() }));
    report.cycle = cycle.cycle;

    const busy = busyIds({ entries: pending });
    const windowDays = CROSS_JOB_TYPES.has(o.job.type) ? (o.crossJobWindowDays ?? 0) : 0;
    const searchedByOthersNow = windowDays > 0 ? await searchedByOthers(o.history, o.instanceId, o.job.id, o.clock.now() - windowDays * DAY_MS) : undefined;
    const planWith = async (jobTagId: number | null, progress: typeof cycle.progress) => {
      const ctx = createPlanContext({
        now: o.clock.now(),
        job: o.job,
        profiles: g.profiles,
        tags: g.tags,
        jobTagId,
        queue: g.queue,
        progress: progressMap(progress),
        refreshedAt: o.job.type === 'refresh' ? await state.refreshStamps() : undefined,
        inFlight: busy.entries,
        inFlightEpisodes: busy.episodes,
        searchedByOthers: searchedByOthersNow,
      });
      const seriesSearchedAt = o.client.kind === 'sonarr' && o.job.order === 'least-recently-searched' ? await state.seriesSearched() : undefined;
      return planJob({ app: o.client.kind, def, ctx, movies: g.movies, series: g.series, limit: o.limit, loader, evaluateAll: o.evaluateAll, seed: o.seed, seriesSearchedAt, maxCostPerCommand: o.maxCostPerCommand });
    };

    let plan = await planWith(g.jobTagId, cycle.progress);
    if (cycleExhausted(plan)) {
      const carriers = carriersOf(entries, g.jobTagId);
      const decision = decideCycle(cycle, carriers, o.startNextCycle ? { unattended: true, minCycleDays: 0 } : o.job, o.clock.now());
      if (decision.kind !== 'reset') {
        report.result = decision.kind === 'nothing-to-do' ? 'nothing-to-do' : 'cycle-complete';
        report.message = decision.kind === 'nothing-to-do' ? 'nothing to search' : decision.message;
        if (decision.kind === 'too-soon') {
          report.retryAt = decision.retryAt;
          report.wait = { reason: 'min-cycle', until: new Date(decision.retryAt).toISOString(), detail: '' };
        }
        return await conclude(o, rc, state, report, plan, g, dry);
      }
      report.cycleRestarted = true;
      if (dry) {
        report.message = `cycle ${cycle.cycle} is complete: a live run would remove the tag from ${carriers.length} items and start cycle ${cycle.cycle + 1}`;
      } else {
        cycle = await resetCycle(rc, decision.carriers);
        setTag(entries, decision.carriers, g.jobTagId!, false);
        report.cycle = cycle.cycle;
      }
      plan = await planWith(dry ? null : g.jobTagId, {});
    }

    if (dry) {
      if (o.sizeRun) {
        const size = await o.sizeRun(plan.commands.map((c) => c.cost));
        report.sized = { planned: plan.commands.length, limit: o.limit, size };
        plan = { ...plan, commands: plan.commands.slice(0, size.commands) };
      }
      report.commands = plan.commands.map((c) => ({ body: c.body, cost: c.cost, items: c.items.map(({ id, title }) => ({ id, title })), status: 'planned' as const, grabs: [], tagged: [], ...(c.granularity ? { granularity: c.granularity } : {}) }));
      report.cost = plan.commands.reduce((n, c) => n + c.cost, 0);
      report.result = plan.commands.length > 0 ? 'searched' : 'nothing-to-do';
      report.message ||= `dry run: ${plan.commands.length} ${plan.commands.length === 1 ? 'command' : 'commands'} would be sent`;
      return await conclude(o, rc, state, report, plan, g, dry);
    }

    if (plan.tagOnly.length > 0) {
      const { applied } = await applyTag(o.client, plan.tagOnly, rc.jobTagId, 'add');
      await state.updateCycle((c) => ({ ...c, progress: dropProgress(c.progress, applied) }));
    }
    const exec = await executeCommands(rc, plan.commands, { cycle: report.cycle, permit: o.permit, poll: o.poll ?? DEFAULT_POLL, signal: o.signal });
    report.commands = exec.commands;
    report.cost = exec.cost;
    report.searched = exec.commands.filter((c) => c.status === 'searched' || c.status === 'grabbed').reduce((n, c) => n + c.items.length, 0);
    report.result = resultOf(exec.commands.map((c) => c.status), exec.stop?.code);
    report.message = [report.message, exec.stop?.reason].filter(Boolean).join('; ');
    if (exec.stop?.retryAt !== undefined) report.retryAt = exec.stop.retryAt;
    if (exec.stop?.wait) report.wait = exec.stop.wait;
    if (exec.stop?.error !== undefined) report.error = exec.stop.error;
    return await conclude(o, rc, state, report, plan, g, dry);
  } catch (error) {
    report.result = 'error';
    report.error = error;
    report.message = (error as Error).message;
    if (rc && !dry) {
      await record(rc, { at: new Date(o.clock.now()).toISOString(), instanceId: o.instanceId, jobId: o.job.id, jobType: o.job.type, status: 'error', items: [], grabs: [], cost: 0, cycle: report.cycle, message: report.message }).catch(() => undefined);
    }
    return report;
  }
}

function setTag(entries: (Movie | Series)[], ids: readonly number[], tagId: number, on: boolean): void {
  const set = new Set(ids);
  for (const e of entries) {
    if (!set.has(e.id)) continue;
    const tags = e.tags.filter((t) => t !== tagId);
    e.tags = on ? [...tags, tagId] : tags;
  }
}

function resultOf(statuses: string[], stop: string | undefined): RunResult {
  if (statuses.some((s) => s === 'searched' || s === 'grabbed')) return 'searched';
  if (stop === 'error' || stop === 'timeout') return 'error';
  if (statuses.some((s) => s === 'failed' || s === 'error')) return 'failed';
  if (stop) return 'waiting';
  return 'nothing-to-do';
}

/** Counts, the run's summary in history, and the cycle document's figures. */
async function conclude(o: RunJobOptions, rc: RunContext, state: JobState, report: RunReport, plan: Plan, g: Gathered, dry: boolean): Promise<RunReport> {
  return summarize({ o, rc, state, report, plan, jobTagExists: g.jobTagId !== null, dry });
}
