/**
 * What the scheduler runs for a due job: a cheap look first (instance backed off, budget full,
 * a gate closed: wait without fetching the library), then the job runner with the permit, the
 * item limit and the stop signal the scheduler hands over, and the run's report turned into the
 * queue's outcome (continue later with the rest of the items, or not).
 */
import type { AnyArrClient } from '../../arr';
import type { JobSettings } from '../../shared/settings';
import type { EngineEvent } from '../../shared/status';
import { runJob } from '../run/runner';
import type { RunReport } from '../run/report';
import { budgetKeyOf } from '../scheduler/budget';
import { budgetWait, stateWait } from '../scheduler/waits';
import type { RunOutcome } from '../scheduler/instance-queue-types';
import type { JobRunContext } from '../scheduler/scheduler';
import { outageOf } from './clients';
import type { HostContext } from './context';
import { instanceGates, probeGates } from './gates';

/**
 * Jobs whose commands cost no indexer query: no budget and no search-only gates; the runner still
 * asks the permit (active hours, pacing, reachability, pause) for each of their commands.
 */
const FREE_JOBS = new Set<JobSettings['type']>(['rename', 'refresh']);
const RETRY_UNKNOWN_MS = 5 * 60_000;

export function engineEmitter(h: HostContext): (event: EngineEvent) => void {
  return (event) => {
    h.events.engine(event);
    if (event.type === 'history') {
      // a search was recorded: the cycle's done count moved
      void h.cycles.refresh(event.entry.instanceId, event.entry.jobId).then(h.changed, () => undefined);
    }
  };
}

export function jobRunner(h: HostContext) {
  const emit = engineEmitter(h);
  return async (job: JobSettings, ctx: JobRunContext): Promise<RunOutcome | void> => {
    const client = h.client(ctx.instance, ctx.tracker);
    h.waits.set(ctx.instance.id, job.id, undefined); // running again: the old wait is over
    const wait = await lookFirst(h, job, ctx, client);
    if (wait) {
      h.changed();
      return wait;
    }
    const nextCycle = h.cycles.takeNextCycle(ctx.instance.id, job.id);
    const report = await runJob({
      instanceId: ctx.instance.id,
      job,
      client,
      store: h.store,
      history: h.historyPort,
      permit: ctx.permit,
      clock: h.clock,
      limit: ctx.limit,
      maxCostPerCommand: ctx.maxCostPerCommand,
      crossJobWindowDays: ctx.instance.crossJobWindowDays,
      signal: ctx.signal,
      startNextCycle: nextCycle,
      emit,
      ...(h.poll ? { poll: h.poll } : {}),
    });
    // a run that failed before its plan did not get to the reset: the next one does it
    if (nextCycle && report.result === 'error' && !report.cycleRestarted) h.cycles.requestNextCycle(ctx.instance.id, job.id);
    await h.cycles.refresh(ctx.instance.id, job.id);
    h.changed();
    if (report.result === 'error') h.log(`${ctx.instance.name} / ${job.id}: ${report.message}`);
    const outcome = outcomeOf(h, report, job, ctx, client);
    h.waits.set(ctx.instance.id, job.id, outcome && !ctx.signal.aborted ? (report.wait ?? downWait(ctx)) : undefined);
    return outcome;
  };
}

/** An unreachable instance's wait, from its outage tracker. */
function downWait(ctx: Pick<JobRunContext, 'tracker'>) {
  const t = ctx.tracker;
  return t.isDown ? stateWait(t.state === 'ok' ? 'down' : t.state, t.message ?? '', t.retryAt) : undefined;
}

/** Reasons not to start the run at all, with the time to look again; the job's wait says which. */
async function lookFirst(h: HostContext, job: JobSettings, ctx: JobRunContext, client: AnyArrClient): Promise<RunOutcome | undefined> {
  const now = h.clock.now();
  const { tracker } = ctx;
  const waitFor = (outcome: RunOutcome, wait: ReturnType<typeof downWait>) => {
    h.waits.set(ctx.instance.id, job.id, wait);
    return outcome;
  };
  if (tracker.isDown && tracker.retryAt !== undefined && now < tracker.retryAt) return waitFor({ continueAt: tracker.retryAt, remaining: ctx.limit }, downWait(ctx));
  try {
    if (!client.info) await client.connect();
    if (FREE_JOBS.has(job.type)) return undefined;
    const ledger = h.scheduler().ledger;
    const key = budgetKeyOf(ctx.instance);
    const free = ledger.availableAt(key, 1, now);
    if (free > now) return waitFor({ continueAt: free, remaining: ctx.limit }, budgetWait(ledger, key, 1, now, free));
    const gates = instanceGates(ctx.instance, () => client, h.clock, h.gates, h.changed);
    const verdict = await probeGates(gates, ctx.signal);
    if (!verdict.ok) {
      const retryAt = verdict.retryAt ?? now + RETRY_UNKNOWN_MS;
      return waitFor({ continueAt: retryAt, remaining: ctx.limit }, stateWait(verdict.state, verdict.detail ?? verdict.reason, retryAt));
    }
    return undefined;
  } catch (error) {
    if (outageOf(error) === undefined) throw error;
    h.changed();
    return waitFor({ continueAt: tracker.retryAt ?? now + RETRY_UNKNOWN_MS, remaining: ctx.limit }, downWait(ctx));
  }
}

/** The queue's outcome of a finished run: whether and when to go on with the rest of its items. */
export function outcomeOf(h: HostContext, report: RunReport, job: JobSettings, ctx: Pick<JobRunContext, 'tracker' | 'limit' | 'signal'>, client: AnyArrClient): RunOutcome | undefined {
  if (report.result === 'error' && ctx.tracker.isDown) return { continueAt: ctx.tracker.retryAt ?? report.retryAt, remaining: ctx.limit };
  // Radarr and rename/refresh count items; Sonarr searches count commands
  const used = client.kind === 'sonarr' && !FREE_JOBS.has(job.type) ? report.commands.length : report.searched;
  // stopped after a command for a settings change, a pause or a shutdown: the rest of the run goes
  // on when the job may run again (the rebuilt scheduler, the resume, the next start)
  if (ctx.signal.aborted && (report.result === 'searched' || report.result === 'waiting')) {
    return ctx.limit > used ? { continueAt: h.clock.now(), remaining: ctx.limit - used } : undefined;
  }
  if (report.retryAt === undefined) return undefined;
  return { continueAt: report.retryAt, remaining: Math.max(1, ctx.limit - used) };
}
