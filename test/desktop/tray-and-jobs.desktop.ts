/**
 * The tray with a real library, a job run from it, the grab digest and a notification click while
 * the window is closed (a tray app's usual state).
 */
import { describe, expect, it } from 'vitest';
import { menuText } from './support/driver';
import type { Records } from './fake-electron/state';
import { scenario, visibleWindow } from './support/scenario';
import { addAndRunExpression, instanceFor, radarr, seedSettings, sonarr } from './support/world';

const s = scenario();
const RADARR_JOBS = [
  { id: 'missing', type: 'missing' },
  { id: 'cutoff-unmet', type: 'cutoff-unmet' },
  { id: 'upgrade', type: 'upgrade', unattended: false },
];
const SONARR_JOBS = [
  { id: 'new-episodes', type: 'new-episodes' },
  { id: 'missing', type: 'missing' },
  { id: 'cutoff-unmet', type: 'cutoff-unmet' },
];

describe('the tray', () => {
  it('one submenu per instance, job labels, Run now / Pause per job (defect 6)', async () => {
    const machine = await s.machine();
    const [r1, s1] = [s.sim(await radarr()), s.sim(await sonarr())];
    await seedSettings(machine, { version: 1, instances: [instanceFor(r1, 'radarr', 'Radarr', RADARR_JOBS), instanceFor(s1, 'sonarr', 'Sonarr', SONARR_JOBS)] });
    const app = await s.launch(machine, { args: ['--hidden'] });
    const r = await app.waitFor('both instances in the tray', (r) => r.tray.menu?.some((i) => i.label.startsWith('Sonarr')) && r);
    const top = r.tray.menu!.filter((i) => i.type !== 'separator').map((i) => i.label);
    // one line per instance, not per job
    expect(top.filter((l) => /missing|cutoff|upgrade|episodes/i.test(l)), menuText(r)).toEqual([]);
    const radarrMenu = r.tray.menu!.find((i) => i.label.startsWith('Radarr'))!;
    expect(radarrMenu.type).toBe('submenu');
    const jobs = radarrMenu.submenu!.filter((i) => i.type === 'submenu');
    expect(jobs.map((j) => j.label.split(' · ')[0])).toEqual(['Missing', 'Cutoff unmet', 'Upgrade']);
    for (const job of jobs) expect(job.submenu!.map((i) => i.label)).toEqual(expect.arrayContaining(['Run now', 'Pause']));
  });

  it('a full download queue makes the icon and tooltip say "needs attention", like the window (defect 6)', async () => {
    const sim = s.sim(await radarr());
    sim.faults.queueFull = 500;
    const app = await s.launch(await s.machine());
    await app.waitFor('the window', visibleWindow);
    expect(await app.send({ cmd: 'page', op: 'eval', expression: addAndRunExpression(sim, { id: 'missing', type: 'missing' }) })).toBe(true);
    const r = await app.waitFor('the tray to report the queue', (r) => /queue full/i.test(menuText(r)) && r);
    expect(r.tray.tooltip).toMatch(/needs attention/);
    expect(r.tray.image).toMatch(/tray-attention\.png$/);
  });

  it('a job run: the tray follows it and re-sets its menu only when the menu changed (defect 5)', async () => {
    const sim = s.sim(await radarr());
    const app = await s.launch(await s.machine());
    await app.waitFor('the window', visibleWindow);
    expect(await app.send({ cmd: 'page', op: 'eval', expression: addAndRunExpression(sim, { id: 'missing', type: 'missing' }) })).toBe(true);
    // a new instance starts with its default jobs (missing, cutoff unmet): whichever runs first shows progress
    const r = await app.waitFor('progress in the tray', (r) => /· cycle 1( · [1-9][\d,]* of [\d,]+| complete)/.test(menuText(r)) && r);
    expect(sim.searches.length).toBeGreaterThan(0);
    expect(r.tray.repeatedMenuSets, `${r.tray.repeatedMenuSets} of ${r.tray.contextMenuSets} setContextMenu calls changed nothing`).toBe(0);
  });

  it('Run now from the job submenu in the tray (defect 6)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    // one item per run: there is always more to search
    await seedSettings(machine, { version: 1, instances: [instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing', itemsPerRun: 1 }])] });
    const app = await s.launch(machine, { args: ['--hidden'] });
    const job = (r: Records) => r.tray.menu?.find((i) => i.label === 'Radarr')?.submenu?.find((i) => i.label.startsWith('Missing'));
    const idleAfterFirstRun = (r: Records) => /· [1-9][\d,]* of /.test(job(r)?.label ?? '') && job(r)?.submenu?.find((i) => i.label === 'Run now')?.enabled;
    for (;;) {
      await app.waitFor('Run now, once the first scheduled run is over', idleAfterFirstRun);
      const before = sim.searches.length;
      const picked = await app.send({ cmd: 'trayPick', path: ['Radarr', 'Missing', 'Run now'] }).then(
        () => true,
        (error: Error) => (/disabled/.test(error.message) ? false : Promise.reject(error)),
      );
      if (!picked) continue; // a scheduled run began in between, as a user could see
      await app.waitFor('the search Run now asked for', () => sim.searches.length > before);
      return;
    }
  });

  it('Start the next cycle from the tray, for an attended job whose cycle is complete (issue 10 defect 6)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    const attended = { ...instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing', unattended: false, itemsPerRun: 100 }]), throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2 } };
    await seedSettings(machine, { version: 1, instances: [attended] });
    const app = await s.launch(machine, { args: ['--hidden'] });
    const job = (r: Records) => r.tray.menu?.find((i) => i.label === 'Radarr')?.submenu?.find((i) => i.label.startsWith('Missing'));
    const item = (r: Records, label: string) => job(r)?.submenu?.find((i) => i.label === label);
    // the first run searches every eligible movie; a second one finds the cycle complete and, attended, stops
    await app.waitFor('cycle 1 searched through', (r) => /cycle 1 complete/.test(job(r)?.label ?? '') && item(r, 'Run now')?.enabled);
    await app.send({ cmd: 'trayPick', path: ['Radarr', 'Missing', 'Run now'] });
    await app.waitFor('Start the next cycle in the job submenu', (r) => item(r, 'Start the next cycle')?.enabled);
    const before = sim.searches.length;
    await app.send({ cmd: 'trayPick', path: ['Radarr', 'Missing', 'Start the next cycle'] });
    const r = await app.waitFor('cycle 2', (r) => /Missing · cycle 2/.test(job(r)?.label ?? '') && r);
    expect(item(r, 'Start the next cycle')).toBeUndefined();
    await app.waitFor('cycle 2 searching again', () => sim.searches.length > before);
  });

  it('the grab digest, and its click while the window is closed opens the History page (defect 1)', async () => {
    const sim = s.sim(await radarr({ grabChance: 1 }));
    const app = await s.launch(await s.machine(), { compressTimers: true });
    await app.waitFor('the window', visibleWindow);
    expect(await app.send({ cmd: 'page', op: 'eval', expression: addAndRunExpression(sim, { id: 'missing', type: 'missing' }) })).toBe(true);
    expect(await app.send({ cmd: 'closeWindow' })).toBe('closed');
    const digest = await app.waitFor('the grab digest', (r) => r.notifications.find((n) => /grabbed/.test(n.title)));
    expect(digest.title).toMatch(/^\d+ releases? grabbed in Radarr$/);
    await app.send({ cmd: 'notificationClick', title: 'grabbed' });
    await app.waitFor('the window', visibleWindow);
    expect(await app.heading()).toBe('History');
  });
});
