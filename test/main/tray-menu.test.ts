import { describe, expect, it } from 'vitest';
import { buildTrayMenu, jobStatusLine, trayIconState, trayTooltip, type TrayMenuItem, type TrayMenuOptions } from '../../src/main/tray/menu-model';
import { trayIconFileName } from '../../src/main/tray/icons';
import { formatWhen } from '../../src/main/tray/format';
import type { EngineStatus, InstanceStatus, JobStatus } from '../../src/shared/status';

const now = new Date('2025-01-31T09:30:00Z');
const options: TrayMenuOptions = { now, timeZone: 'UTC', launchAtLogin: { supported: true, enabled: false } };

function job(partial: Partial<JobStatus> = {}): JobStatus {
  return { instanceId: 'radarr-4k', jobId: 'upgrade', type: 'upgrade', enabled: true, paused: false, running: false, cycle: 3, done: 412, eligible: 1530, nextRunAt: '2025-01-31T14:00:00Z', ...partial };
}
function instance(partial: Partial<InstanceStatus> = {}): InstanceStatus {
  return {
    id: 'radarr-4k',
    name: 'Radarr 4K',
    kind: 'radarr',
    enabled: true,
    paused: false,
    state: 'ok',
    budget: { key: 'radarr-4k', usedLastHour: 0, usedLastDay: 0, maxPerHour: 10, maxPerDay: 100 },
    jobs: [job()],
    ...partial,
  };
}
const status = (partial: Partial<EngineStatus> = {}): EngineStatus => ({ at: now.toISOString(), paused: false, searching: false, instances: [instance()], ...partial });
const labels = (menu: TrayMenuItem[]) => menu.filter((i) => i.kind !== 'separator').map((i) => i.label);
const find = (menu: TrayMenuItem[], id: string) => menu.find((i) => i.id === id);

describe('status lines', () => {
  it('reads like "Radarr 4K · upgrade · cycle 3 · 412/1,530 · next 14:00"', () => {
    expect(jobStatusLine(instance(), job(), options)).toBe('Radarr 4K · upgrade · cycle 3 · 412/1,530 · next 14:00');
  });

  it('says searching, paused or off instead of the next run', () => {
    expect(jobStatusLine(instance(), job({ running: true }), options)).toBe('Radarr 4K · upgrade · cycle 3 · 412/1,530 · searching…');
    expect(jobStatusLine(instance(), job({ paused: true }), options)).toBe('Radarr 4K · upgrade · cycle 3 · 412/1,530 · paused');
    expect(jobStatusLine(instance({ paused: true }), job(), options)).toMatch(/· paused$/);
    expect(jobStatusLine(instance(), job({ enabled: false }), options)).toBe('Radarr 4K · upgrade · off');
  });

  it('names a job whose id differs from its type', () => {
    expect(jobStatusLine(instance(), job({ jobId: 'upgrade-remux' }), options)).toContain('Radarr 4K · upgrade-remux (upgrade) ·');
  });

  it('formats times relative to today in the given zone', () => {
    expect(formatWhen('2025-01-31T14:00:00Z', now, { timeZone: 'UTC' })).toBe('14:00');
    expect(formatWhen('2025-02-01T14:00:00Z', now, { timeZone: 'UTC' })).toBe('Sat 14:00');
    expect(formatWhen('2025-03-10T14:00:00Z', now, { timeZone: 'UTC' })).toBe('Mar 10');
    // the same instant is tomorrow in Tokyo
    expect(formatWhen('2025-01-31T16:00:00Z', now, { timeZone: 'Asia/Tokyo' })).toBe('Sat 01:00');
  });
});

describe('menu model', () => {
  it('has a line per instance and job, Run now per job, Pause all, Open settings, Launch at login, Quit', () => {
    const sonarr = instance({ id: 'sonarr', name: 'Sonarr', kind: 'sonarr', jobs: [job({ instanceId: 'sonarr', jobId: 'missing', type: 'missing', cycle: 1, done: 5, eligible: 20 })] });
    const menu = buildTrayMenu(status({ instances: [instance(), sonarr] }), options);
    expect(labels(menu)).toEqual([
      'Radarr 4K · upgrade · cycle 3 · 412/1,530 · next 14:00',
      'Sonarr · missing · cycle 1 · 5/20 · next 14:00',
      'Run now',
      'Pause all',
      'Open Settings…',
      'Launch at Login',
      'Quit Trawlarr',
    ]);
    expect(find(menu, 'run-now')?.submenu?.map((i) => [i.label, i.action])).toEqual([
      ['Radarr 4K · upgrade', { type: 'run-now', instanceId: 'radarr-4k', jobId: 'upgrade' }],
      ['Sonarr · missing', { type: 'run-now', instanceId: 'sonarr', jobId: 'missing' }],
    ]);
    expect(find(menu, 'job:sonarr/missing')?.action).toEqual({ type: 'open-settings', target: { page: 'dashboard', instanceId: 'sonarr', jobId: 'missing' } });
    expect(find(menu, 'quit')?.action).toEqual({ type: 'quit' });
  });

  it('offers Resume when paused', () => {
    const menu = buildTrayMenu(status({ paused: true }), options);
    expect(find(menu, 'resume-all')?.action).toEqual({ type: 'resume-all' });
    expect(find(menu, 'pause-all')).toBeUndefined();
  });

  it('shows a failing instance with its state and retry time, linking to its settings', () => {
    const menu = buildTrayMenu(status({ instances: [instance({ state: 'key-rejected', retryAt: '2025-01-31T09:45:00Z' })] }), options);
    const line = find(menu, 'instance:radarr-4k');
    expect(line?.label).toBe('Radarr 4K · API key rejected · retry 09:45');
    expect(line?.action).toEqual({ type: 'open-settings', target: { page: 'instances', instanceId: 'radarr-4k' } });
  });

  it('disables Run now for a running job and leaves out disabled jobs and instances', () => {
    const menu = buildTrayMenu(
      status({ instances: [instance({ jobs: [job({ running: true }), job({ jobId: 'missing', type: 'missing', enabled: false })] }), instance({ id: 'off', name: 'Off', enabled: false })] }),
      options,
    );
    expect(find(menu, 'run-now')?.submenu?.map((i) => [i.id, i.enabled])).toEqual([['run-now:radarr-4k/upgrade', false]]);
    expect(find(menu, 'instance:off')?.label).toBe('Off · off');
  });

  it('launch at login is a checkbox reflecting the setting, absent where unsupported', () => {
    expect(find(buildTrayMenu(status(), { ...options, launchAtLogin: { supported: true, enabled: true } }), 'launch-at-login')).toMatchObject({ kind: 'checkbox', checked: true });
    expect(find(buildTrayMenu(status(), { ...options, launchAtLogin: { supported: false, enabled: false } }), 'launch-at-login')).toBeUndefined();
  });

  it('guides a new user and handles the engine not having reported yet', () => {
    expect(labels(buildTrayMenu(status({ instances: [] }), options))[0]).toBe('No instances yet: add one in Settings');
    expect(find(buildTrayMenu(status({ instances: [] }), options), 'run-now')?.enabled).toBe(false);
    const starting = buildTrayMenu(undefined, options);
    expect(labels(starting)).toEqual(['Starting…', 'Open Settings…', 'Launch at Login', 'Quit Trawlarr']);
  });

  it('item ids are unique (the native menu looks items up by id)', () => {
    const menu = buildTrayMenu(status({ instances: [instance(), instance({ id: 'b', name: 'B' })] }), options);
    const ids = menu.flatMap((i) => [i.id, ...(i.submenu ?? []).map((s) => s.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('icon state', () => {
  it('attention beats paused beats searching beats idle', () => {
    expect(trayIconState(undefined)).toBe('idle');
    expect(trayIconState(status())).toBe('idle');
    expect(trayIconState(status({ searching: true }))).toBe('searching');
    expect(trayIconState(status({ instances: [instance({ jobs: [job({ running: true })] })] }))).toBe('searching');
    expect(trayIconState(status({ paused: true, searching: true }))).toBe('paused');
    expect(trayIconState(status({ paused: true, instances: [instance({ state: 'down' })] }))).toBe('attention');
    // waiting states are normal operation, and a disabled instance does not call for attention
    expect(trayIconState(status({ instances: [instance({ state: 'queue-full' })] }))).toBe('idle');
    expect(trayIconState(status({ instances: [instance({ state: 'down', enabled: false })] }))).toBe('idle');
    expect(trayTooltip(status({ instances: [instance({ state: 'wrong-app' })] }))).toBe('Trawlarr: needs attention');
  });

  it('uses template images on macOS', () => {
    expect(trayIconFileName('paused', 'darwin')).toBe('tray-pausedTemplate.png');
    expect(trayIconFileName('paused', 'linux')).toBe('tray-paused.png');
  });
});
