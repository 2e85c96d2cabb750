/**
 * Jobs: save, remove, preview (a dry run: what the next run would search and why the rest is
 * skipped; it sends no POST or PUT), and run now (through the scheduler, so budgets, active hours
 * and gates still apply).
 */
import { ServiceError } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../../../shared/contract/service';
import { jobSchema, type InstanceSettings, type JobSettings, type Settings } from '../../../shared/settings';
import { waitText } from '../../../shared/waits';
import { jobLabel } from '../../../shared/words';
import type { HistoryPort } from '../../run/ports';
import { jobCycleDoc, jobKey } from '../../store/state';
import { runJob } from '../../run/runner';
import { budgetKeyOf } from '../../scheduler/budget';
import type { SearchPermit } from '../../scheduler/permit';
import type { Scheduler } from '../../scheduler/scheduler';
import { buildScheduler } from '../build-scheduler';
import { dryRunSizer, previewSize } from '../preview';
import { runNowOutcome } from '../run-now';
import { instanceIndex, notFound, removeJobEdit, saveJobEdit, validSettings } from '../settings-edit';
import { serviceCall } from './errors';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'saveJob' | 'removeJob' | 'previewJob' | 'runJobNow' | 'startNextCycle'>;

/** A dry run sends nothing; this permit makes sure of it. */
const NO_PERMIT: SearchPermit = { acquire: async () => ({ ok: false, code: 'stopped', reason: 'dry run' }) };

const round2 = (n: number) => Math.round(n * 100) / 100;
/** the message is read by the renderer and the tray log alike: UTC, which says what it is */
const clockTime = (iso: string) => `${iso.slice(11, 16)} UTC`;

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
        // the saved job's figures are the engine's (one source); a draft's are its own
        const saved = !report.cycleRestarted && (!draft || sameJob(inst.jobs.find((j) => j.id === job.id), job));
        if (saved) await keepExactCount(host, instanceId, job.id, report.cycle, report.done + report.remaining);
        const cycle = host.cycles.get(instanceId, job.id);
        const counts = saved && cycle.cycle === report.cycle ? { done: cycle.done, eligible: cycle.eligible } : { done: report.done, eligible: report.done + report.remaining };
        const chosen = report.commands.flatMap((c) => c.items.map((item) => ({ id: item.id, title: item.title, cost: round2(c.cost / Math.max(1, c.items.length)) })));
        const size = previewSize(host, sizing, parts.settings, job, report);
        return {
          instanceId,
          jobId: job.id,
          cycle: report.cycle,
          ...counts,
          chosen,
          cost: report.cost,
          skipped: report.reasons,
          ...(size ? { size } : {}),
          ...(report.message ? { message: report.message } : {}),
        };
      }),

    async runJobNow({ instanceId, jobId }) {
      const scheduler = await host.ready();
      const { inst, job, label } = jobOf(host.settings(), instanceId, jobId);
      if (!inst.enabled) return { started: false, message: `${inst.name} is disabled: enable it to run its jobs` };
      if (!job.enabled) return { started: false, message: `${label} is disabled: enable it to run it` };
      if (scheduler.pauses.isPaused(inst.id, job.id)) return { started: false, message: `${label} is paused: resume it to run it` };
      const verdict = runNowOutcome(host, scheduler, instanceId, job);
      const result = scheduler.runNow(instanceId, jobId);
      if (!result.ok) return { started: false, message: result.reason };
      if (verdict.outcome === 'waits') {
        // the window and the tray show it at once; the status then carries the same wait
        host.waits.set(instanceId, jobId, verdict.waiting);
        host.changed();
        return { started: true, outcome: 'waits', waiting: verdict.waiting, message: `${label} ${waitText(verdict.waiting, clockTime)}` };
      }
      if (verdict.outcome === 'queued') {
        const behind = inst.jobs.find((j) => j.id === verdict.behind);
        return { started: true, outcome: 'queued', message: `${label} is queued: it starts when ${behind ? jobLabel(behind) : verdict.behind} is done` };
      }
      return { started: true, outcome: 'starts-now', message: `${label} starts now` };
    },

    async startNextCycle({ instanceId, jobId }) {
      const scheduler = await host.ready();
      const { inst, job, label } = jobOf(host.settings(), instanceId, jobId);
      if (job.unattended) return { started: false, message: `${label} starts its next cycle on its own (unattended)` };
      const cycle = host.cycles.get(instanceId, jobId);
      if (cycle.lastRun?.result !== 'cycle-complete') return { started: false, message: `cycle ${cycle.cycle} of ${label} is not complete yet` };
      if (!inst.enabled || !job.enabled || scheduler.pauses.isPaused(inst.id, job.id)) return { started: false, message: `${label} is disabled or paused: turn it on to start its next cycle` };
      // the reset happens in the job's next run, journaled like an unattended reset (run/cycle.ts); that run starts now
      host.cycles.requestNextCycle(instanceId, jobId);
      const result = scheduler.runNow(instanceId, jobId);
      if (!result.ok) return { started: false, message: result.reason };
      return { started: true, outcome: 'starts-now', message: `${label}: cycle ${cycle.cycle + 1} starts now` };
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

const sameJob = (saved: JobSettings | undefined, job: JobSettings) => saved !== undefined && JSON.stringify(saved) === JSON.stringify(jobSchema.parse(job));

/**
 * A preview of a saved job counts every candidate (a run stops examining once its batch is full
 * and estimates the rest): its exact count becomes the engine's cycle figure, so the dashboard,
 * the tray, `trawlarr status` and this preview show one "done of eligible" (issue 11: 14 / 98
 * against 14 of 190).
 */
async function keepExactCount(host: ServiceHost, instanceId: string, jobId: string, cycle: number, eligible: number): Promise<void> {
  await host.store.update(jobCycleDoc, jobKey(instanceId, jobId), (c) => (c.cycle === cycle ? { ...c, eligible: Math.max(c.done, eligible) } : c));
  await host.cycles.refresh(instanceId, jobId);
  host.changed();
}

/** A job of an instance, and how messages name it: by its label, as the user knows it. */
function jobOf(settings: Settings, instanceId: string, jobId: string): { inst: InstanceSettings; job: JobSettings; label: string } {
  const inst = settings.instances[instanceIndex(settings, instanceId)];
  const job = inst.jobs.find((j) => j.id === jobId);
  if (!job) throw notFound(`no job "${jobId}" on instance "${instanceId}"`);
  return { inst, job, label: `${jobLabel(job)} on ${inst.name}` };
}
