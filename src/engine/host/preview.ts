/**
 * Dry runs and the job page's Preview sized as a run started now would be: the item limit the
 * scheduler hands a run, then the instance's own permit stepping through the planned commands
 * (budget left, the 2-minute budget wait, pacing, active hours) with the search gates asked once.
 * `trawlarr once --dry-run` and the Preview both go through here, and a live run goes through the
 * same permit rule (scheduler/grant-timing.ts), so the count shown is the count searched.
 */
import type { AnyArrClient } from '../../arr';
import type { RunPreviewSize, RunLimit } from '../../shared/run-preview';
import type { InstanceSettings, JobSettings } from '../../shared/settings';
import type { RunReport } from '../run/report';
import type { GateVerdict, InstancePermit } from '../scheduler/permit';
import type { RunSize } from '../scheduler/run-size';
import type { Scheduler } from '../scheduler/scheduler';
import type { HostContext } from './context';
import { GateStates, instanceGates, probeGates } from './gates';
import { avgCostOf } from './status';

/** What a dry run hands the runner to size itself: the permit's answer, the gates asked now. */
export function dryRunSizer(h: HostContext, instance: InstanceSettings, permit: InstancePermit, client: AnyArrClient): (costs: number[]) => Promise<RunSize> {
  return async (costs) => {
    let gate: GateVerdict | undefined;
    if (costs.some((c) => c > 0)) {
      // their own state holder: a preview does not change what the status says about the instance
      const gates = instanceGates(instance, () => client, h.clock, new GateStates(), () => undefined);
      gate = await probeGates(gates).catch((error: unknown) => ({ ok: false as const, reason: `gates could not be checked: ${(error as Error).message}` }));
    }
    return permit.sizeRun(costs, gate);
  };
}

/** Sonarr searches are limited in commands per run (plan/job.ts); rename and refresh in series. */
const countsCommands = (instance: InstanceSettings, job: JobSettings) => instance.kind === 'sonarr' && job.type !== 'rename' && job.type !== 'refresh';

/** The sized dry run in the user's terms: items now, what holds them to that, the rest and its time. */
export function previewSize(h: HostContext, scheduler: Scheduler, instance: InstanceSettings, job: JobSettings, report: RunReport): RunPreviewSize | undefined {
  const sized = report.sized;
  if (!sized) return undefined;
  const now = report.commands.reduce((n, c) => n + c.items.length, 0);
  const rest = Math.max(0, report.remaining - now);
  const stop = sized.size.stop;
  let limit: RunLimit;
  if (stop?.code === 'budget') limit = { kind: stop.window === 'hour' ? 'hourly-budget' : 'daily-budget', value: stop.limit };
  else if (stop?.code === 'inactive') limit = { kind: 'active-hours', until: new Date(stop.retryAt).toISOString() };
  else if (stop?.code === 'gate') limit = { kind: 'gate', reason: stop.reason };
  else if (stop?.code === 'too-costly') limit = { kind: 'too-costly', value: stop.limit };
  else if (rest > 0) limit = { kind: 'items-per-run', value: sized.limit, auto: job.itemsPerRun === 'auto', ...(countsCommands(instance, job) ? { commands: true } : {}) };
  else limit = { kind: 'all' };
  let restDays: number | null = 0;
  if (rest > 0) {
    const cycle = h.cycles.get(instance.id, job.id);
    const days = scheduler.forecast(instance.id, job.id, { cycle: report.cycle, remainingItems: rest, avgCostPerItem: avgCostOf(cycle) }).days;
    restDays = Number.isFinite(days) ? days : null;
  }
  return { now, cost: report.cost, limit, rest, restDays };
}
