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
  it('reads like "Upgrade · cycle 3 · 412 of 1,530 · next 14:00" (job labels, not ids)', () => {
    expect(jobStatusLine(instance(), job(), options)).toBe('Upgrade · cycle 3 · 412 of 1,530 · next 14:00');
  });

  it('says searching, paused or off instead of the next run', () => {
    expect(jobStatusLine(instance(), job({ running: true }), options)).toBe('Upgrade · cycle 3 · 412 of 1,530 · searching…');
    expect(jobStatusLine(instance(), job({ paused: true }), options)).toBe('Upgrade · cycle 3 · 412 of 1,530 · paused');
    expect(jobStatusLine(instance({ paused: true }), job(), options)).toMatch(/· paused$/);
    expect(jobStatusLine(instance(), job({ enabled: false }), options)).toBe('Upgrade · off');
  });

  it('tells two jobs of one type apart by their ids', () => {
    const two = instance({ jobs: [job(), job({ jobId: 'upgrade-remux' })] });
    expect(jobStatusLine(two, two.jobs[1], options)).toMatch(/^Upgrade \(upgrade-remux\) · /);
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
  it('one submenu per instance, in it one per job with Run now, Pause and Show on Dashboard', () => {
    const sonarr = instance({ id: 'sonarr', name: 'Sonarr', kind: 'sonarr', jobs: [job({ instanceId: 'sonarr', jobId: 'missing', type: 'missing', cycle: 1, done: 5, eligible: 20 })] });
    const menu = buildTrayMenu(status({ instances: [instance(), sonarr] }), options);
    expect(labels(menu)).toEqual(['Radarr 4K', 'Sonarr', 'Pause all', 'Open Trawlarr…', 'Launch at Login', 'Quit Trawlarr']);
    const sonarrMenu = find(menu, 'instance:sonarr')!;
    expect(labels(sonarrMenu.submenu!)).toEqual(['Missing · cycle 1 · 5 of 20 · next 14:00', 'Pause Sonarr', 'Edit Sonarr…']);
    const jobMenu = find(sonarrMenu.submenu!, 'job:sonarr/missing')!;
    expect(jobMenu.submenu!.map((i) => [i.label, i.action])).toEqual([
      ['Run now', { type: 'run-now', instanceId: 'sonarr', jobId: 'missing' }],
      ['Pause', { type: 'set-paused', target: { scope: 'job', instanceId: 'sonarr', jobId: 'missing' }, paused: true }],
      ['Show on Dashboard', { type: 'open-settings', target: { page: 'dashboard', instanceId: 'sonarr', jobId: 'missing' } }],
    ]);
    expect(find(menu, 'quit')?.action).toEqual({ type: 'quit' });
  });

  it('20 instances × 6 jobs stay 20 instance lines', () => {
    const jobs = ['new-episodes', 'missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'] as const;
    const many = Array.from({ length: 20 }, (_, n) => instance({ id: `i${n}`, name: `Instance ${n}`, jobs: jobs.map((type) => job({ instanceId: `i${n}`, jobId: type, type })) }));
    expect(buildTrayMenu(status({ instances: many }), options).filter((i) => i.kind === 'submenu')).toHaveLength(20);
  });

  it('offers Resume when paused, for everything, an instance or a job', () => {
    const menu = buildTrayMenu(status({ paused: true, instances: [instance({ paused: true, jobs: [job({ paused: true })] })] }), options);
    expect(find(menu, 'resume-all')?.action).toEqual({ type: 'set-paused', target: { scope: 'all' }, paused: false });
    expect(find(menu, 'pause-all')).toBeUndefined();
    const radarr = find(menu, 'instance:radarr-4k')!;
    expect(radarr.label).toBe('Radarr 4K · paused');
    expect(find(radarr.submenu!, 'resume:radarr-4k')?.label).toBe('Resume Radarr 4K');
    expect(find(find(radarr.submenu!, 'job:radarr-4k/upgrade')!.submenu!, 'resume:radarr-4k/upgrade')?.label).toBe('Resume');
  });

  it('shows a failing instance with its state, and the retry time inside', () => {
    const menu = buildTrayMenu(status({ instances: [instance({ state: 'key-rejected', retryAt: '2025-01-31T09:45:00Z' })] }), options);
    const radarr = find(menu, 'instance:radarr-4k')!;
    expect(radarr.label).toBe('Radarr 4K · API key rejected');
    expect(radarr.submenu![0]).toMatchObject({ label: 'Radarr 4K · API key rejected · retry 09:45', enabled: false });
    expect(find(radarr.submenu!, 'edit:radarr-4k')?.action).toEqual({ type: 'open-settings', target: { page: 'instances', instanceId: 'radarr-4k' } });
  });

  it('disables Run now for a running job, a disabled job and a disabled instance', () => {
    const menu = buildTrayMenu(
      status({ instances: [instance({ jobs: [job({ running: true }), job({ jobId: 'missing', type: 'missing', enabled: false })] }), instance({ id: 'off', name: 'Off', enabled: false })] }),
      options,
    );
    const runNow = (instanceId: string, jobId: string) => find(find(find(menu, `instance:${instanceId}`)!.submenu!, `job:${instanceId}/${jobId}`)!.submenu!, `run-now:${instanceId}/${jobId}`)?.enabled;
    expect(runNow('radarr-4k', 'upgrade')).toBe(false);
    expect(runNow('radarr-4k', 'missing')).toBe(false);
    expect(runNow('off', 'upgrade')).toBe(false);
    expect(find(menu, 'instance:off')?.label).toBe('Off · off');
  });

  it('launch at login is a checkbox reflecting the setting, absent where unsupported', () => {
    expect(find(buildTrayMenu(status(), { ...options, launchAtLogin: { supported: true, enabled: true } }), 'launch-at-login')).toMatchObject({ kind: 'checkbox', checked: true });
    expect(find(buildTrayMenu(status(), { ...options, launchAtLogin: { supported: false, enabled: false } }), 'launch-at-login')).toBeUndefined();
  });

  it('guides a new user and handles the engine not having reported yet', () => {
    expect(labels(buildTrayMenu(status({ instances: [] }), options))).toEqual(['No instances yet: add one…', 'Open Trawlarr…', 'Launch at Login', 'Quit Trawlarr']);
    expect(labels(buildTrayMenu(undefined, options))).toEqual(['Starting…', 'Open Trawlarr…', 'Launch at Login', 'Quit Trawlarr']);
  });

  it('item ids are unique at every level (the native menu looks items up by id)', () => {
    const menu = buildTrayMenu(status({ instances: [instance(), instance({ id: 'b', name: 'B' })] }), options);
    const ids: string[] = [];
    const walk = (items: TrayMenuItem[]) => items.forEach((i) => (ids.push(i.id), i.submenu && walk(i.submenu)));
    walk(menu);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('icon state', () => {
  it('attention beats paused beats searching beats idle; attention is the window\'s rule', () => {
    expect(trayIconState(undefined)).toBe('idle');
    expect(trayIconState(status())).toBe('idle');
    expect(trayIconState(status({ searching: true }))).toBe('searching');
    expect(trayIconState(status({ instances: [instance({ jobs: [job({ running: true })] })] }))).toBe('searching');
    expect(trayIconState(status({ paused: true, searching: true }))).toBe('paused');
    expect(trayIconState(status({ paused: true, instances: [instance({ state: 'down' })] }))).toBe('attention');
    // a full queue or backed-off indexers show "needs attention" in the window: the tray agrees
    expect(trayIconState(status({ instances: [instance({ state: 'queue-full' })] }))).toBe('attention');
    expect(trayIconState(status({ instances: [instance({ state: 'unknown' })] }))).toBe('idle');
    expect(trayIconState(status({ instances: [instance({ state: 'down', enabled: false })] }))).toBe('idle');
    expect(trayTooltip(status({ instances: [instance({ state: 'wrong-app' })] }))).toBe('Trawlarr: needs attention (Radarr 4K: Wrong app at this address)');
  });

  it('uses template images on macOS', () => {
    expect(trayIconFileName('paused', 'darwin')).toBe('tray-pausedTemplate.png');
    expect(trayIconFileName('paused', 'linux')).toBe('tray-paused.png');
  });
});

describe('waits and the next cycle in the tray (issue 11, issue 10 defect 6)', () => {
  const waiting = job({ waiting: { reason: 'budget-hour', detail: 'next command costs 5, 1 left', until: '2025-01-31T10:05:00Z' }, continuesAt: '2025-01-31T10:05:00Z' });

  it('the job submenu says what it waits for, until when, and when it continues; the tooltip too', () => {
    const menu = buildTrayMenu(status({ instances: [instance({ jobs: [waiting] })] }), options);
    const jobMenu = find(find(menu, 'instance:radarr-4k')!.submenu!, 'job:radarr-4k/upgrade')!;
    expect(jobMenu.label).toBe('Upgrade · cycle 3 · 412 of 1,530 · next 14:00');
    expect(labels(jobMenu.submenu!).slice(0, 2)).toEqual(['waiting for the hourly budget (next command costs 5, 1 left) until 10:05', 'continues at 10:05']);
    expect(trayTooltip(status({ instances: [instance({ jobs: [waiting] })] }), options)).toBe('Trawlarr: idle; Upgrade waiting for the hourly budget (next command costs 5, 1 left) until 10:05');
  });

  it('cycle numbers: "planning…" while the count is not known, "cycle 3 complete" when done', () => {
    expect(jobStatusLine(instance(), job({ done: 4, eligible: 0, running: true }), options)).toBe('Upgrade · cycle 3 · planning… · searching…');
    expect(jobStatusLine(instance(), job({ done: 1530, eligible: 1530 }), options)).toBe('Upgrade · cycle 3 complete · next 14:00');
  });

  it('"Start the next cycle" for an attended job whose cycle is complete', () => {
    const ready = job({ done: 1530, eligible: 1530, nextCycleReady: true });
    const jobMenu = find(find(buildTrayMenu(status({ instances: [instance({ jobs: [ready] })] }), options), 'instance:radarr-4k')!.submenu!, 'job:radarr-4k/upgrade')!;
    expect(find(jobMenu.submenu!, 'next-cycle:radarr-4k/upgrade')).toMatchObject({ label: 'Start the next cycle', enabled: true, action: { type: 'start-next-cycle', instanceId: 'radarr-4k', jobId: 'upgrade' } });
    const plain = find(find(buildTrayMenu(status(), options), 'instance:radarr-4k')!.submenu!, 'job:radarr-4k/upgrade')!;
    expect(find(plain.submenu!, 'next-cycle:radarr-4k/upgrade')).toBeUndefined();
  });
});
