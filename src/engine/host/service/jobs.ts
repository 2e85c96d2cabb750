/**
 * Jobs: save, remove, preview (a dry run: what the next run would search and why the rest is
 * skipped; it sends no POST or PUT), and run now (through the scheduler, so budgets, active hours
 * and gates still apply).
 */
import { ServiceError } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../../../shared/contract/service';
import { jobSchema, type JobSettings, type Settings } from '../../../shared/settings';
import { jobLabel } from '../../../shared/words';
import type { HistoryPort } from '../../run/ports';
import { runJob } from '../../run/runner';
import { budgetKeyOf } from '../../scheduler/budget';
import type { SearchPermit } from '../../scheduler/permit';
import type { Scheduler } from '../../scheduler/scheduler';
import { buildScheduler } from '../build-scheduler';
import { dryRunSizer, previewSize } from '../preview';
import { instanceIndex, notFound, removeJobEdit, saveJobEdit, validSettings } from '../settings-edit';
import { serviceCall } from './errors';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'saveJob' | 'removeJob' | 'previewJob' | 'runJobNow'>;

/** A dry run sends nothing; this permit makes sure of it. */
const NO_PERMIT: SearchPermit = { acquire: async () => ({ ok: false, code: 'stopped', reason: 'dry run' }) };

const round2 = (n: number) => Math.round(n * 100) / 100;

export function jobHandlers(host: ServiceHost): Handlers {
  return {
    saveJob: ({ instanceId, job }) => host.editSettings((s) => saveJobEdit(s, instanceId, job)),
    removeJob: ({ instanceId, jobId }) => host.editSettings((s) => removeJobEdit(s, instanceId, jobId)),

    previewJob: ({ instanceId, jobId, draft }) =>
      serviceCall(async () => {
        const settings = host.settings();
        const inst = settings.instances[instanceIndex(settings, instanceId)];
        const job = draft ?? inst.jobs.find((j) => j.id === jobId);
        if (!job) throw notFound(`no job "${jobId}" on instance "${instanceId}"`);
        const sizing = await sizingScheduler(host, settings, instanceId, job);
        const limit = sizing.itemsPerRun(instanceId, job.id);
        const parts = sizing.instance(instanceId);
        const client = host.client(inst);
        if (!client.info) await client.connect();
        const report = await runJob({
          instanceId,
          job,
          client,
          store: host.store,
          history: previewHistory(host.historyPort),
          permit: NO_PERMIT,
          clock: host.clock,
          limit,
          maxCostPerCommand: sizing.ledger.maxSingleCost(budgetKeyOf(parts.settings)),
          dryRun: true,
          evaluateAll: true,
          crossJobWindowDays: parts.settings.crossJobWindowDays,
          sizeRun: dryRunSizer(host, parts.settings, parts.permit, client),
        });
        if (report.result === 'error') throw new ServiceError('unavailable', `preview of ${jobLabel(job)} on ${inst.name} failed: ${report.message}`);
        const chosen = report.commands.flatMap((c) => c.items.map((item) => ({ id: item.id, title: item.title, cost: round2(c.cost / Math.max(1, c.items.length)) })));
        const size = previewSize(host, sizing, parts.settings, job, report);
        return {
          instanceId,
          jobId: job.id,
          cycle: report.cycle,
          eligible: report.done + report.remaining,
          done: report.done,
          chosen,
          cost: report.cost,
          skipped: report.reasons,
          ...(size ? { size } : {}),
          ...(report.message ? { message: report.message } : {}),
        };
      }),

    async runJobNow({ instanceId, jobId }) {
      const scheduler = await host.ready();
      const settings = host.settings();
      const inst = settings.instances[instanceIndex(settings, instanceId)];
      const job = inst.jobs.find((j) => j.id === jobId);
      if (!job) throw notFound(`no job "${jobId}" on instance "${instanceId}"`);
      // the job as the user knows it, by its label
      const label = `${jobLabel(job)} on ${inst.name}`;
      if (!inst.enabled) return { started: false, message: `${inst.name} is disabled: enable it to run its jobs` };
      if (!job.enabled) return { started: false, message: `${label} is disabled: enable it to run it` };
      if (scheduler.pauses.isPaused(inst.id, job.id)) return { started: false, message: `${label} is paused: resume it to run it` };
      const result = scheduler.runNow(instanceId, jobId);
      if (!result.ok) return { started: false, message: result.reason };
      const hours = scheduler.instance(instanceId).hours;
      const now = host.clock.now();
      const wait = hours.isActive(now) ? '' : `; outside active hours, it searches from ${new Date(hours.nextActiveStart(now)).toISOString()}`;
      return { started: true, message: `${label} runs now (budgets and gates still apply)${wait}` };
    },
  };
}

/**
 * The scheduler that sizes the run: the engine's own for a saved, enabled job (its budget shares,
 * spends and pacing as they are), otherwise one for the settings as they would be saved, with the
 * instance and job switched on, built from the engine's state (the same spends, the same last
 * command) and the same demand rule. It is never started.
 */
async function sizingScheduler(host: ServiceHost, settings: Settings, instanceId: string, job: JobSettings): Promise<Scheduler> {
  const live = await host.ready();
  const inst = settings.instances.find((i) => i.id === instanceId)!;
  const saved = inst.jobs.find((j) => j.id === job.id);
  if (inst.enabled && saved?.enabled && JSON.stringify(saved) === JSON.stringify(jobSchema.parse(job))) return live;
  const edit = saveJobEdit(settings, instanceId, { ...job, enabled: true });
  const trial = validSettings(edit.settings, edit.relate);
  const enabled = { ...trial, instances: trial.instances.map((i) => (i.id === instanceId ? { ...i, enabled: true } : i)) };
  return buildScheduler(host, enabled, live.state());
}

/**
 * A preview is a question the user asks in the settings window, not something Trawlarr did: its
 * run summary is not written to history (a few previews would otherwise bury the real runs).
 */
function previewHistory(history: HistoryPort): HistoryPort {
  return { append: async (entry) => ({ ...entry, id: 0 }), query: (q) => history.query(q) };
}
