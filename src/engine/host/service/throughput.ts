/**
 * Throughput: save an instance's limits or a budget group, remove a group, and forecast the
 * coverage with a draft (unsaved) throughput so the form can say "full coverage in 23 days".
 */
import type { ChannelHandlers } from '../../../shared/contract/service';
import type { ThroughputForecast } from '../../../shared/contract/settings-schemas';
import type { Settings } from '../../../shared/settings';
import { Scheduler } from '../../scheduler/scheduler';
import { avgCostOf } from '../status';
import { instanceIndex, removeBudgetGroupEdit, saveBudgetGroupEdit, saveThroughputEdit, validSettings } from '../settings-edit';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'saveThroughput' | 'removeBudgetGroup' | 'forecastThroughput'>;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function throughputHandlers(host: ServiceHost): Handlers {
  return {
    saveThroughput: (request) =>
      host.editSettings((s) => (request.scope === 'instance' ? saveThroughputEdit(s, request.instanceId, request.throughput) : saveBudgetGroupEdit(s, request.group))),
    removeBudgetGroup: ({ budgetGroupId }) => host.editSettings((s) => removeBudgetGroupEdit(s, budgetGroupId)),

    async forecastThroughput(request) {
      const settings = host.settings();
      let edit;
      let affected: string[];
      if (request.scope === 'instance') {
        instanceIndex(settings, request.instanceId);
        edit = saveThroughputEdit(settings, request.instanceId, request.throughput);
        affected = [request.instanceId];
      } else {
        const existing = settings.budgetGroups.find((g) => g.id === request.budgetGroupId);
        edit = saveBudgetGroupEdit(settings, { id: request.budgetGroupId, name: existing?.name ?? request.budgetGroupId, ...request.budget });
        affected = settings.instances.filter((i) => i.budgetGroup === request.budgetGroupId).map((i) => i.id);
      }
      return forecast(host, validSettings(edit.settings, edit.relate), affected);
    },
  };
}

/** The coverage forecast of the affected instances' enabled jobs under `settings`. */
export function forecast(host: ServiceHost, settings: Settings, instanceIds: readonly string[]): ThroughputForecast {
  const trial = new Scheduler({ settings, clock: host.clock, timeZone: host.timeZone, run: async () => undefined });
  const jobs: ThroughputForecast['jobs'] = [];
  for (const inst of settings.instances) {
    if (!instanceIds.includes(inst.id) || !inst.enabled) continue;
    for (const job of inst.jobs) {
      if (!job.enabled) continue;
      const cycle = host.cycles.get(inst.id, job.id);
      const remaining = Math.max(0, cycle.eligible - cycle.done);
      const f = trial.forecast(inst.id, job.id, { cycle: cycle.cycle, remainingItems: remaining, avgCostPerItem: avgCostOf(cycle) });
      const days = Number.isFinite(f.days) ? round1(f.days) : null;
      jobs.push({
        instanceId: inst.id,
        jobId: job.id,
        jobType: job.type,
        remaining,
        days,
        limitedBy: f.limitedBy,
        ...(f.etaAt !== undefined ? { etaAt: new Date(f.etaAt).toISOString() } : {}),
        withinHorizon: days !== null && days <= settings.horizonDays,
        ...(f.warning ? { suggestion: f.warning } : {}),
      });
    }
  }
  const fullCoverageDays = jobs.some((j) => j.days === null) ? null : Math.max(0, ...jobs.map((j) => j.days ?? 0));
  return { jobs, fullCoverageDays, horizonDays: settings.horizonDays };
}
