/**
 * Starting the app: a new user's first start (the window opens on Instances), a start by hand
 * (the window shows: GNOME without the AppIndicator extension shows no tray icon), a start at
 * login (hidden, in the tray), the tray's left click, and Electron's before-ready rules.
 */
import { describe, expect, it } from 'vitest';
import { menuText } from './support/driver';
import { scenario, visibleWindow } from './support/scenario';
import { instanceFor, radarr, seedSettings } from './support/world';

const s = scenario();

describe('starting the app', () => {
  it('first start: the tray, and the window on the Instances page (defect 1)', async () => {
    const app = await s.launch(await s.machine());
    const window = await app.waitFor('the window', visibleWindow);
    expect(window.url).toMatch(/^app:\/\/trawlarr\/index\.html\?page=instances/);
    expect(await app.heading()).toBe('Instances');
    const r = await app.records();
    expect(r.tray).toMatchObject({ created: true, destroyed: false, imageExists: true });
    expect(r.singleInstanceLock).toBe('held');
    expect(menuText(r)).toMatch(/Quit Trawlarr$/);
    expect(r.calls).toContain('app.enableSandbox');
  });

  it('a start by hand shows the window; the tray icon may be invisible (defect 5)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    await seedSettings(machine, { version: 1, instances: [instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing' }])] });
    const app = await s.launch(machine);
    await app.waitFor('the window', visibleWindow);
    expect(await app.heading()).toBe('Dashboard');
  });

  it('a start at login (--hidden) stays in the tray; a left click on the icon opens the window (defect 5)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    await seedSettings(machine, { version: 1, instances: [instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing' }])] });
    const app = await s.launch(machine, { args: ['--hidden'] });
    await app.waitFor('the tray menu to show the instance', (r) => menuText(r).includes('Radarr'));
    expect((await app.records()).windows).toEqual([]);
    await app.send({ cmd: 'trayClick' });
    await app.waitFor('the window', visibleWindow);
    expect(await app.heading()).toBe('Dashboard');
  });

  it('names itself as the desktop entry does, so windows link to it (defect 5)', async () => {
    const app = await s.launch(await s.machine(), { args: ['--hidden'] });
    const r = await app.waitFor('the tray', (r) => r.tray.menu && r);
    expect(r.appName).toBe('Trawlarr');
    // electron-builder's deb installs trawlarr.desktop (linux.executableName)
    expect(r.desktopName).toBe('trawlarr.desktop');
  });

  it('the main process loads every runtime dependency it ships (defect 7: renderer-only packages are bundled)', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const app = await s.launch(await s.machine(), { args: ['--hidden'] });
    const r = await app.waitFor('the tray', (r) => r.tray.menu && r);
    // declared for the engine's bounded retries and data-dir lock, which land on their own branches
    const pending = ['axios-retry', 'proper-lockfile'];
    const unused = Object.keys(pkg.dependencies).filter((name) => !r.importedPackages.includes(name) && !pending.includes(name));
    expect(unused, `runtime dependencies the main bundle never imports (they only bloat the asar): ${unused.join(', ')}`).toEqual([]);
  });
});
