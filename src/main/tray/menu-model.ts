/**
 * The tray menu as data, built from the engine's status by a pure function. On Linux the menu is
 * the only reliable tray interaction (no click events on most desktops), so everything is
 * reachable from it; tray.ts re-sets the whole menu after every change.
 */
import type { NavigateTarget } from '../../shared/contract';
import type { EngineStatus, InstanceState, InstanceStatus, JobStatus } from '../../shared/status';
import { formatCount, formatWhen, type FormatOptions } from './format';

export type TrayAction =
  | { type: 'run-now'; instanceId: string; jobId: string }
  | { type: 'pause-all' }
  | { type: 'resume-all' }
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
const NEEDS_USER: readonly InstanceState[] = ['down', 'key-rejected', 'wrong-app'];
const STATE_TEXT: Record<InstanceState, string> = {
  unknown: 'connecting',
  ok: 'ok',
  down: 'unreachable',
  'key-rejected': 'API key rejected',
  'wrong-app': 'wrong app at this URL',
  'indexers-backed-off': 'indexers backed off, waiting',
  'queue-full': 'download queue full, waiting',
};

export function trayIconState(status: EngineStatus | undefined): TrayIconState {
  if (!status) return 'idle';
  if (status.instances.some((i) => i.enabled && NEEDS_USER.includes(i.state))) return 'attention';
  if (status.paused) return 'paused';
  if (status.searching || status.instances.some((i) => i.jobs.some((j) => j.running))) return 'searching';
  return 'idle';
}

export function trayTooltip(status: EngineStatus | undefined): string {
  const state = trayIconState(status);
  const text = { idle: 'idle', searching: 'searching', paused: 'paused', attention: 'needs attention' }[state];
  return `Trawlarr: ${text}`;
}

/** "Radarr 4K · upgrade · cycle 3 · 412/1,530 · next 14:00" */
export function jobStatusLine(instance: InstanceStatus, job: JobStatus, options: TrayMenuOptions): string {
  const parts = [instance.name, job.jobId === job.type ? job.type : `${job.jobId} (${job.type})`];
  if (!job.enabled) return [...parts, 'off'].join(SEP);
  parts.push(`cycle ${job.cycle}`, `${formatCount(job.done, options)}/${formatCount(job.eligible, options)}`);
  if (job.running) parts.push('searching…');
  else if (job.paused || instance.paused) parts.push('paused');
  else if (job.nextRunAt) parts.push(`next ${formatWhen(job.nextRunAt, options.now, options)}`);
  return parts.join(SEP);
}

/** "Radarr 4K · API key rejected" (only for states other than ok) */
export function instanceStatusLine(instance: InstanceStatus, options: TrayMenuOptions): string {
  const parts = [instance.name, STATE_TEXT[instance.state]];
  if (instance.retryAt && instance.state !== 'ok') parts.push(`retry ${formatWhen(instance.retryAt, options.now, options)}`);
  return parts.join(SEP);
}

const item = (id: string, label: string, action?: TrayAction, enabled = true): TrayMenuItem => ({ id, label, kind: 'normal', enabled, ...(action ? { action } : {}) });
const separator = (id: string): TrayMenuItem => ({ id, label: '', kind: 'separator', enabled: true });

export function buildTrayMenu(status: EngineStatus | undefined, options: TrayMenuOptions): TrayMenuItem[] {
  const menu: TrayMenuItem[] = [];
  const instances = status?.instances ?? [];

  if (!status) menu.push(item('status:starting', 'Starting…', undefined, false));
  else if (instances.length === 0) menu.push(item('status:empty', 'No instances yet: add one in Settings', { type: 'open-settings', target: { page: 'instances' } }));

  for (const instance of instances) {
    if (!instance.enabled) {
      menu.push(item(`instance:${instance.id}`, `${instance.name}${SEP}off`, { type: 'open-settings', target: { page: 'instances', instanceId: instance.id } }));
      continue;
    }
    if (instance.state !== 'ok') {
      menu.push(item(`instance:${instance.id}`, instanceStatusLine(instance, options), { type: 'open-settings', target: { page: 'instances', instanceId: instance.id } }));
    }
    for (const job of instance.jobs) {
      menu.push(
        item(`job:${instance.id}/${job.jobId}`, jobStatusLine(instance, job, options), {
          type: 'open-settings',
          target: { page: 'dashboard', instanceId: instance.id, jobId: job.jobId },
        }),
      );
    }
  }

  const runnable = instances.filter((i) => i.enabled).flatMap((i) => i.jobs.filter((j) => j.enabled).map((j) => ({ i, j })));
  if (status) {
    menu.push(separator('sep:jobs'));
    menu.push({
      id: 'run-now',
      label: 'Run now',
      kind: 'submenu',
      enabled: runnable.length > 0,
      submenu: runnable.map(({ i, j }) =>
        item(`run-now:${i.id}/${j.jobId}`, `${i.name}${SEP}${j.jobId}`, { type: 'run-now', instanceId: i.id, jobId: j.jobId }, !j.running),
      ),
    });
    menu.push(status.paused ? item('resume-all', 'Resume', { type: 'resume-all' }) : item('pause-all', 'Pause all', { type: 'pause-all' }));
  }

  menu.push(separator('sep:app'));
  menu.push(item('open-settings', 'Open Settings…', { type: 'open-settings' }));
  if (options.launchAtLogin.supported) {
    menu.push({ id: 'launch-at-login', label: 'Launch at Login', kind: 'checkbox', enabled: true, checked: options.launchAtLogin.enabled, action: { type: 'toggle-launch-at-login' } });
  }
  menu.push(separator('sep:quit'));
  menu.push(item('quit', 'Quit Trawlarr', { type: 'quit' }));
  return menu;
}
