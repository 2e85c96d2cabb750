/**
 * The tray menu as data, built from the engine's status by a pure function. On Linux the menu is
 * the only reliable tray interaction on many desktops, so everything is reachable from it. Built
 * for real libraries: one submenu per instance (20 instances × 6 jobs stay 20 lines), and in it
 * one submenu per job with Run now and Pause.
 */
import type { NavigateTarget } from '../../shared/contract';
import type { EngineStatus, InstanceStatus, JobStatus } from '../../shared/status';
import { cycleView, waitText } from '../../shared/waits';
import { formatCount, formatWhen, type FormatOptions } from './format';
import { attentionOf, jobLabel, STATE_TEXT } from './labels';

export type TrayAction =
  | { type: 'run-now'; instanceId: string; jobId: string }
  | { type: 'start-next-cycle'; instanceId: string; jobId: string }
  | { type: 'set-paused'; target: { scope: 'all' } | { scope: 'instance'; instanceId: string } | { scope: 'job'; instanceId: string; jobId: string }; paused: boolean }
  | { type: 'open-settings'; target?: NavigateTarget }
  | { type: 'toggle-launch-at-login' }
  | { type: 'quit' };

export interface TrayMenuItem {
  id: string;
  label: string;
  kind: 'normal' | 'separator' | 'checkbox' | 'submenu';
  enabled: boolean;
  checked?: boolean;
  action?: TrayAction;
  submenu?: TrayMenuItem[];
}

export type TrayIconState = 'idle' | 'searching' | 'paused' | 'attention';

export interface TrayMenuOptions extends FormatOptions {
  now: Date;
  launchAtLogin: { supported: boolean; enabled: boolean };
}

const SEP = ' · ';

export function trayIconState(status: EngineStatus | undefined): TrayIconState {
  if (!status) return 'idle';
  if (attentionOf(status).length > 0) return 'attention';
  if (status.paused) return 'paused';
  if (status.searching || status.instances.some((i) => i.jobs.some((j) => j.running))) return 'searching';
  return 'idle';
}

/**
 * "Trawlarr: needs attention (Radarr: download queue full, waiting)"; with `options`, the jobs that
 * wait say what for and until when: "Trawlarr: idle; Missing waiting for the hourly budget (…) until 14:05".
 */
export function trayTooltip(status: EngineStatus | undefined, options?: TrayMenuOptions): string {
  const state = trayIconState(status);
  if (state === 'attention') {
    const detail = attentionOf(status).map((i) => `${i.name}: ${STATE_TEXT[i.state]}`).join('; ');
    return `Trawlarr: needs attention (${detail})`;
  }
  const waits = options && state !== 'paused' ? waitLines(status, options) : [];
  // a tooltip is a few lines: the first waits, then how many more
  const shown = waits.length > 3 ? [...waits.slice(0, 3), `${waits.length - 3} more waiting`] : waits;
  return [`Trawlarr: ${state}`, ...shown].join('; ');
}

function waitLines(status: EngineStatus | undefined, options: TrayMenuOptions): string[] {
  return (status?.instances ?? []).flatMap((i) => i.jobs.filter((j) => j.waiting && j.enabled && !j.paused && !i.paused).map((j) => `${jobLabel(i, j)} ${jobWaitText(j, options)}`));
}

const jobWaitText = (job: JobStatus, options: TrayMenuOptions) => waitText(job.waiting!, (iso) => formatWhen(iso, options.now, options));

/** "Missing · cycle 3 · 412 of 1,530 · next 14:00" */
export function jobStatusLine(instance: InstanceStatus, job: JobStatus, options: TrayMenuOptions): string {
  const parts = [jobLabel(instance, job)];
  if (!job.enabled) return [...parts, 'off'].join(SEP);
  const cycle = cycleView(job, (n) => formatCount(n, options));
  parts.push(cycle.kind === 'complete' ? `cycle ${job.cycle} complete` : `cycle ${job.cycle}`);
  if (cycle.kind !== 'complete') parts.push(cycle.text);
  if (job.running) parts.push('searching…');
  else if (job.paused || instance.paused) parts.push('paused');
  else if (job.nextRunAt) parts.push(`next ${formatWhen(job.nextRunAt, options.now, options)}`);
  return parts.join(SEP);
}

/** "Radarr 4K · API key rejected · retry 14:05" (states other than ok) */
export function instanceStatusLine(instance: InstanceStatus, options: TrayMenuOptions): string {
  const parts = [instance.name, STATE_TEXT[instance.state]];
  if (instance.retryAt && instance.state !== 'ok') parts.push(`retry ${formatWhen(instance.retryAt, options.now, options)}`);
  return parts.join(SEP);
}

const item = (id: string, label: string, action?: TrayAction, enabled = true): TrayMenuItem => ({ id, label, kind: 'normal', enabled, ...(action ? { action } : {}) });
const separator = (id: string): TrayMenuItem => ({ id, label: '', kind: 'separator', enabled: true });
const submenu = (id: string, label: string, items: TrayMenuItem[]): TrayMenuItem => ({ id, label, kind: 'submenu', enabled: true, submenu: items });

function jobMenu(instance: InstanceStatus, job: JobStatus, options: TrayMenuOptions): TrayMenuItem {
  const ref = { instanceId: instance.id, jobId: job.jobId };
  const key = `${instance.id}/${job.jobId}`;
  const active = instance.enabled && job.enabled;
  const info: TrayMenuItem[] = [];
  if (active && !job.paused && !instance.paused) {
    if (job.waiting) info.push(item(`wait:${key}`, jobWaitText(job, options), undefined, false));
    if (job.continuesAt) info.push(item(`continues:${key}`, `continues at ${formatWhen(job.continuesAt, options.now, options)}`, undefined, false));
  }
  const next = active && job.nextCycleReady && !job.running ? [item(`next-cycle:${key}`, 'Start the next cycle', { type: 'start-next-cycle', ...ref })] : [];
  return submenu(`job:${key}`, jobStatusLine(instance, job, options), [
    ...info,
    item(`run-now:${key}`, 'Run now', { type: 'run-now', ...ref }, active && !job.running),
    ...next,
    job.paused
      ? item(`resume:${key}`, 'Resume', { type: 'set-paused', target: { scope: 'job', ...ref }, paused: false }, active)
      : item(`pause:${key}`, 'Pause', { type: 'set-paused', target: { scope: 'job', ...ref }, paused: true }, active),
    item(`show:${key}`, 'Show on Dashboard', { type: 'open-settings', target: { page: 'dashboard', ...ref } }),
  ]);
}

function instanceLabel(instance: InstanceStatus): string {
  if (!instance.enabled) return `${instance.name}${SEP}off`;
  if (instance.state !== 'ok' && instance.state !== 'unknown') return `${instance.name}${SEP}${STATE_TEXT[instance.state]}`;
  return instance.paused ? `${instance.name}${SEP}paused` : instance.name;
}

function instanceMenu(instance: InstanceStatus, options: TrayMenuOptions): TrayMenuItem {
  const items: TrayMenuItem[] = [];
  if (instance.enabled && instance.state !== 'ok') items.push(item(`state:${instance.id}`, instanceStatusLine(instance, options), undefined, false));
  if (instance.jobs.length === 0) items.push(item(`no-jobs:${instance.id}`, 'No jobs yet', { type: 'open-settings', target: { page: 'jobs', instanceId: instance.id } }));
  for (const job of instance.jobs) items.push(jobMenu(instance, job, options));
  items.push(separator(`sep:${instance.id}`));
  if (instance.enabled) {
    const target = { scope: 'instance' as const, instanceId: instance.id };
    items.push(
      instance.paused
        ? item(`resume:${instance.id}`, `Resume ${instance.name}`, { type: 'set-paused', target, paused: false })
        : item(`pause:${instance.id}`, `Pause ${instance.name}`, { type: 'set-paused', target, paused: true }),
    );
  }
  items.push(item(`edit:${instance.id}`, `Edit ${instance.name}…`, { type: 'open-settings', target: { page: 'instances', instanceId: instance.id } }));
  return submenu(`instance:${instance.id}`, instanceLabel(instance), items);
}

export function buildTrayMenu(status: EngineStatus | undefined, options: TrayMenuOptions): TrayMenuItem[] {
  const menu: TrayMenuItem[] = [];
  const instances = status?.instances ?? [];
  if (!status) menu.push(item('status:starting', 'Starting…', undefined, false));
  else if (instances.length === 0) menu.push(item('status:empty', 'No instances yet: add one…', { type: 'open-settings', target: { page: 'instances' } }));
  for (const instance of instances) menu.push(instanceMenu(instance, options));
  if (status && instances.length > 0) {
    menu.push(separator('sep:instances'));
    menu.push(
      status.paused
        ? item('resume-all', 'Resume all', { type: 'set-paused', target: { scope: 'all' }, paused: false })
        : item('pause-all', 'Pause all', { type: 'set-paused', target: { scope: 'all' }, paused: true }),
    );
  }
  menu.push(separator('sep:app'));
  menu.push(item('open-settings', 'Open Trawlarr…', { type: 'open-settings' }));
  if (options.launchAtLogin.supported) {
    menu.push({ id: 'launch-at-login', label: 'Launch at Login', kind: 'checkbox', enabled: true, checked: options.launchAtLogin.enabled, action: { type: 'toggle-launch-at-login' } });
  }
  menu.push(separator('sep:quit'));
  menu.push(item('quit', 'Quit Trawlarr', { type: 'quit' }));
  return menu;
}
