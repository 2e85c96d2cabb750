import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { withDesktopFeatures, type DesktopFeatureDeps } from '../../src/main/desktop-service';
import { watchPower } from '../../src/main/power';
import { appPaths } from '../../src/main/paths';
import { performTrayAction } from '../../src/main/tray-actions';
import { isAllowedExternalUrl } from '../../src/main/windows/external-links';
import { resolveAppRequest } from '../../src/main/windows/app-protocol';
import { dispatch, maskSettings, navigateTargetFromSearch, navigateTargetToSearch } from '../../src/shared/contract';
import type { LoginItemController } from '../../src/main/login-item';
import { createFakeService, KEY_RADARR, STORED_KEYS } from '../contract/fake-service';

function desktop(partial: Partial<DesktopFeatureDeps> = {}) {
  const base = createFakeService();
  let enabled = false;
  const loginItem: LoginItemController = { supported: true, isEnabled: async () => enabled, setEnabled: async (v) => void (enabled = v) };
  const saved: { name: string; content: string }[] = [];
  let changed = 0;
  const service = withDesktopFeatures(base, {
    version: '1.2.3',
    platform: 'linux',
    loginItem,
    secretStorage: { encrypted: false, message: 'basic_text' },
    settings: () => base.settings,
    replaceSettings: async (s) => {
      base.settings = s;
      return maskSettings(s);
    },
    saveFile: async (name, content) => (saved.push({ name, content }), `/home/ann/${name}`),
    onLaunchAtLoginChanged: () => changed++,
    now: () => new Date('2025-01-31T12:00:00Z'),
    ...partial,
  });
  return { base, service, saved, changedCount: () => changed };
}

describe('desktop features on top of the engine service', () => {
  it('reports the desktop mode, the login item and how keys are stored', async () => {
    const { service } = desktop();
    expect(await service.getAppInfo(undefined)).toEqual({ mode: 'desktop', version: '1.2.3', platform: 'linux', launchAtLogin: { supported: true, enabled: false }, secretStorage: { encrypted: false, message: 'basic_text' } });
    const after = await service.setLaunchAtLogin({ enabled: true });
    expect(after.launchAtLogin.enabled).toBe(true);
  });

  it('tells the tray when launch at login changes', async () => {
    const d = desktop();
    await d.service.setLaunchAtLogin({ enabled: true });
    expect(d.changedCount()).toBe(1);
  });

  it('delegates every other channel to the engine service', async () => {
    const { base, service } = desktop();
    await service.runJobNow({ instanceId: 'radarr', jobId: 'upgrade' });
    expect(base.calls.at(-1)).toEqual({ channel: 'runJobNow', request: { instanceId: 'radarr', jobId: 'upgrade' } });
  });

  it('an export with keys is written by main and only its path crosses the bridge', async () => {
    const { service, saved } = desktop();
    const withKeys = await dispatch(service, 'exportSettings', { includeKeys: true });
    expect(withKeys).toEqual({ ok: true, value: { kind: 'saved', path: '/home/ann/trawlarr-settings-2025-01-31.json' } });
    expect(saved[0].content).toContain(KEY_RADARR);
    const without = await dispatch(service, 'exportSettings', {});
    expect(without.ok && without.value).toMatchObject({ kind: 'content', fileName: 'trawlarr-settings-2025-01-31.json' });
    for (const key of STORED_KEYS) expect(JSON.stringify(without)).not.toContain(key);
  });

  it('a cancelled save dialog is reported as cancelled', async () => {
    const { service } = desktop({ saveFile: async () => undefined });
    expect(await service.exportSettings({ includeKeys: true })).toEqual({ kind: 'cancelled' });
  });

  it('import applies the file, keeps stored keys, and reports bad files as invalid requests', async () => {
    const { base, service } = desktop();
    const exported = await service.exportSettings({ includeKeys: false });
    const json = exported.kind === 'content' ? exported.json.replace('"horizonDays": 90', '"horizonDays": 30') : '';
    const result = await dispatch(service, 'importSettings', { json });
    expect(result.ok && (result.value as { settings: { horizonDays: number } }).settings.horizonDays).toBe(30);
    expect(base.settings.instances[0].apiKey).toBe(KEY_RADARR);
    for (const key of STORED_KEYS) expect(JSON.stringify(result)).not.toContain(key);
    const bad = await dispatch(service, 'importSettings', { json: '{"version": 1, "horizonDays": "soon"}' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!bad.ok) expect(bad.error.issues?.[0].field).toBe('horizonDays');
  });
});

describe('power', () => {
  it('calls the resume hook on resume, survives a failing hook, and stops when disposed', () => {
    const power = new EventEmitter();
    let resumed = 0;
    const logs: string[] = [];
    const dispose = watchPower(power, { onResume: () => { resumed++; if (resumed === 2) throw new Error('scheduler busy'); } }, (l) => logs.push(l));
    power.emit('suspend');
    power.emit('resume');
    power.emit('resume');
    expect(resumed).toBe(2);
    expect(logs).toContain('resume hook failed: scheduler busy');
    dispose();
    power.emit('resume');
    expect(resumed).toBe(2);
    expect(power.listenerCount('resume')).toBe(0);
  });
});

describe('tray actions', () => {
  it('route through the same service as the window', async () => {
    const service = createFakeService();
    const opened: unknown[] = [];
    let quit = 0;
    const deps = { service, openSettings: (t?: unknown) => opened.push(t), toggleLaunchAtLogin: async () => {}, quit: () => quit++, log: () => {} };
    await performTrayAction({ type: 'run-now', instanceId: 'radarr', jobId: 'upgrade' }, deps);
    await performTrayAction({ type: 'set-paused', target: { scope: 'all' }, paused: true }, deps);
    await performTrayAction({ type: 'set-paused', target: { scope: 'all' }, paused: false }, deps);
    await performTrayAction({ type: 'set-paused', target: { scope: 'job', instanceId: 'radarr', jobId: 'upgrade' }, paused: true }, deps);
    await performTrayAction({ type: 'open-settings', target: { page: 'history' } }, deps);
    await performTrayAction({ type: 'quit' }, deps);
    expect(service.calls).toEqual([
      { channel: 'runJobNow', request: { instanceId: 'radarr', jobId: 'upgrade' } },
      { channel: 'setPaused', request: { target: { scope: 'all' }, paused: true } },
      { channel: 'setPaused', request: { target: { scope: 'all' }, paused: false } },
      { channel: 'setPaused', request: { target: { scope: 'job', instanceId: 'radarr', jobId: 'upgrade' }, paused: true } },
    ]);
    expect(opened).toEqual([{ page: 'history' }]);
    expect(quit).toBe(1);
  });

  it('a failing action is logged, not thrown', async () => {
    const service = createFakeService();
    service.runJobNow = async () => {
      throw new Error('engine stopped');
    };
    const logs: string[] = [];
    await performTrayAction({ type: 'run-now', instanceId: 'radarr', jobId: 'upgrade' }, { service, openSettings: () => {}, toggleLaunchAtLogin: async () => {}, quit: () => {}, log: (l) => logs.push(l) });
    expect(logs).toEqual(['run now failed: engine stopped']);
  });
});

describe('external links', () => {
  const instances = ['http://192.168.1.5:7878', 'https://sonarr.example.org/sonarr'];
  it('allows http(s) links on a configured instance only', () => {
    expect(isAllowedExternalUrl('http://192.168.1.5:7878/movie/12', instances)).toBe(true);
    expect(isAllowedExternalUrl('https://sonarr.example.org/sonarr/series/x', instances)).toBe(true);
    expect(isAllowedExternalUrl('http://192.168.1.5:8080/', instances)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/', instances)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', instances)).toBe(false);
    expect(isAllowedExternalUrl('smb://192.168.1.5/share', instances)).toBe(false);
    expect(isAllowedExternalUrl('http://user:pw@192.168.1.5:7878/', instances)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', instances)).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('maps app://trawlarr paths into the renderer directory with the security headers', () => {
    const ok = resolveAppRequest('app://trawlarr/assets/index.js', '/opt/app/out/renderer');
    expect(ok).toMatchObject({ ok: true, file: '/opt/app/out/renderer/assets/index.js' });
    if (ok.ok) {
      expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
      expect(ok.headers['content-type']).toBe('text/javascript; charset=utf-8');
    }
    expect(resolveAppRequest('app://trawlarr/', '/r')).toMatchObject({ ok: true, file: '/r/index.html' });
  });

  it('refuses other hosts, traversal and encoded separators', () => {
    expect(resolveAppRequest('app://other/index.html', '/r')).toEqual({ ok: false, status: 404 });
    // the URL parser resolves encoded dot-segments first: the result stays inside the root
    expect(resolveAppRequest('app://trawlarr/%2e%2e/%2e%2e/etc/passwd', '/r')).toMatchObject({ ok: true, file: '/r/etc/passwd' });
    expect(resolveAppRequest('app://trawlarr/..%2f..%2fetc/passwd', '/r').ok).toBe(false);
    expect(resolveAppRequest('app://trawlarr/a%5c..%5c..%5cx', '/r').ok).toBe(false);
  });
});

describe('paths and navigation targets', () => {
  it('finds the preload, renderer and icons in development and packaged', () => {
    expect(appPaths({ mainDir: '/src/out/main', appPath: '/src', resourcesPath: '/x', packaged: false })).toEqual({
      preload: '/src/out/preload/index.cjs',
      renderer: '/src/out/renderer',
      trayIcons: '/src/assets/tray',
      appIcon: '/src/assets/icon.png',
    });
    expect(appPaths({ mainDir: '/opt/T/resources/app.asar/out/main', appPath: '/opt/T/resources/app.asar', resourcesPath: '/opt/T/resources', packaged: true }).trayIcons).toBe('/opt/T/resources/tray');
  });

  it('a page target survives the trip through the window URL', () => {
    const target = { page: 'jobs' as const, instanceId: 'radarr', jobId: 'upgrade' };
    expect(navigateTargetToSearch(target)).toBe('?page=jobs&instanceId=radarr&jobId=upgrade');
    expect(navigateTargetFromSearch(navigateTargetToSearch(target))).toEqual(target);
    expect(navigateTargetFromSearch('?page=secrets')).toBeUndefined();
    expect(navigateTargetToSearch(undefined)).toBe('');
  });
});
