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
    await app.waitFor('the window', visibleWindow);
    expect(await app.heading()).toBe('Instances');
    const r = await app.records();
    expect(r.calls).toContain('BrowserWindow.loadURL(app://trawlarr/index.html?page=instances)');
    // the start page moved into the hash route, so reload and Back follow it
    expect(visibleWindow(r)?.url).toBe('app://trawlarr/index.html#/instances');
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
    const unused = Object.keys(pkg.dependencies).filter((name) => !r.importedPackages.includes(name));
    expect(unused, `runtime dependencies the main bundle never imports (they only bloat the asar): ${unused.join(', ')}`).toEqual([]);
  });
});

describe('hardening (Electron security checklist), on the running app', () => {
  it('sandbox and scheme before ready; permissions, downloads and navigation guarded; the page gets the bridge only', async () => {
    const app = await s.launch(await s.machine());
    await app.waitFor('the window', visibleWindow);
    expect(await app.heading()).toBe('Instances');
    const r = await app.records();
    const at = (call: string) => r.calls.indexOf(call);
    expect(at('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(at('app.enableSandbox')).toBeLessThan(at('ready'));
    expect(at('protocol.registerSchemesAsPrivileged(app)')).toBeLessThan(at('ready'));
    for (const call of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.setDevicePermissionHandler', 'session.on(will-download)', 'protocol.handle(app)']) {
      expect(r.calls, call).toContain(call);
    }
    const window = r.windows[0];
    expect(window.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true } });
    expect(window.windowOpenHandler).toBe(true);
    expect(window.listening).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'will-prevent-unload']));
    const exposed = await app.send<string[]>({ cmd: 'page', op: 'eval', expression: "[typeof require, typeof process, typeof window.ipcRenderer, ...Object.keys(window.trawlarr).filter((k) => typeof window.trawlarr[k] !== 'function')]" });
    expect(exposed).toEqual(['undefined', 'undefined', 'undefined']);
    expect(r.calls.filter((c) => c.startsWith('shell.openExternal'))).toEqual([]);
  });
});
