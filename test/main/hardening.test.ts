/**
 * The Electron security checklist, read from the real options, headers, handlers and config. That
 * the running app applies them (sandbox before ready, the session's handlers, the window's guards,
 * the preload's bridge) is judged by the desktop harness (test/desktop/first-start.desktop.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { settingsWindowOptions } from '../../src/main/windows/options';
import { APP_SCHEME_PRIVILEGES, resolveAppRequest } from '../../src/main/windows/app-protocol';
import { denyAllPermissions, hardenWebContents, type HardenableContents } from '../../src/main/windows/hardening';
import { TRAY_STATES, trayIconFileName } from '../../src/main/tray/icons';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/shared/contract';

const root = join(import.meta.dirname, '..', '..');
const source = (path: string) => readFileSync(join(root, path), 'utf8');

describe('settings window options', () => {
  const prefs = settingsWindowOptions({ preloadPath: '/app/out/preload/index.cjs' }).webPreferences!;
  it('sandboxed, isolated, no Node in any renderer context', () => {
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/out/preload/index.cjs',
    });
  });
  it('no option weakens the defaults', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'devTools', 'disableHtmlFullscreenWindowResize']) expect(prefs, key).not.toHaveProperty(key);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  it('has no unsafe-eval or inline script, denies by default, cannot be framed', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|\*/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
  it('is sent with every app:// response, and the scheme cannot bypass it', () => {
    const res = resolveAppRequest('app://trawlarr/index.html', '/r');
    expect(res.ok && res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.ok && res.headers['x-content-type-options']).toBe('nosniff');
    expect(APP_SCHEME_PRIVILEGES.privileges.bypassCSP).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.privileges.corsEnabled).toBe(false);
    expect(SECURITY_HEADERS['x-frame-options']).toBe('DENY');
  });
});

describe('webContents handlers', () => {
  function fakeContents() {
    const listeners = new Map<string, (e: { preventDefault(): void }, url?: unknown) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: HardenableContents = { on: (event, l) => listeners.set(event, l), setWindowOpenHandler: (h) => (openHandler = h) };
    const opened: string[] = [];
    hardenWebContents(contents, { instanceUrls: () => ['http://192.168.1.5:7878'], openExternal: async (u) => void opened.push(u), log: () => {} });
    return { listeners, open: (url: string) => openHandler!({ url }), opened };
  }

  it('every navigation, redirect and <webview> is prevented', () => {
    const { listeners } = fakeContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, event).toBe(true);
    }
  });

  it('window.open is always denied; only a configured instance URL goes to the browser', () => {
    const { open, opened } = fakeContents();
    expect(open('http://192.168.1.5:7878/movie/1')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['http://192.168.1.5:7878/movie/1']);
  });

  it('every permission is denied', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h), setDevicePermissionHandler: (h) => (device = h) });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      let granted: boolean | undefined;
      request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
  });
});

describe('electron-builder.yml', () => {
  const config = parseYaml(source('electron-builder.yml'));
  it('is valid for electron-builder', () => {
    const schema = JSON.parse(source('node_modules/app-builder-lib/scheme.json'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packages for Linux (the deb first, with maintainer; AppImage), macOS (dmg, no dock icon) and Windows (nsis)', () => {
    expect(config.appId).toBe('app.trawlarr.desktop');
    expect(config.productName).toBe('Trawlarr');
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.win.target).toBe('nsis');
  });

  it('every icon it names, and every tray icon the app loads, is a real PNG of the right size', () => {
    const pngSize = (path: string) => {
      const buf = readFileSync(join(root, path));
      expect(buf.subarray(1, 4).toString('ascii'), path).toBe('PNG');
      return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
    };
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(pngSize(icon)).toEqual([1024, 1024]);
    const trayDir = config.extraResources.find((r: { to: string }) => r.to === 'tray').from;
    for (const state of TRAY_STATES) {
      for (const platform of ['darwin', 'linux', 'win32'] as const) {
        const file = trayIconFileName(state, platform);
        expect(pngSize(join(trayDir, file)), file).toEqual([16, 16]);
        expect(pngSize(join(trayDir, file.replace('.png', '@2x.png'))), file).toEqual([32, 32]);
      }
    }
    expect(existsSync(join(root, config.extraResources.find((r: { to: string }) => r.to === 'icon.png').from))).toBe(true);
  });
});

describe('downloads and unsaved changes', () => {
  it('allows only blob downloads made by the app itself', async () => {
    const { isAllowedDownload, restrictDownloads } = await import('../../src/main/windows/hardening');
    const origins = ['app://trawlarr'];
    expect(isAllowedDownload('blob:app://trawlarr/5f0c-4e', origins)).toBe(true);
    expect(isAllowedDownload('https://evil.example/payload.exe', origins)).toBe(false);
    expect(isAllowedDownload('blob:https://evil.example/5f0c', origins)).toBe(false);
    expect(isAllowedDownload('blob:app://trawlarr.evil/5f0c', origins)).toBe(false);

    let listener: ((e: { preventDefault(): void }, item: { getURL(): string; cancel(): void }) => void) | undefined;
    const log: string[] = [];
    restrictDownloads({ on: (_event, l) => (listener = l) }, origins, (line) => log.push(line));
    const cancelled: string[] = [];
    for (const url of ['blob:app://trawlarr/1', 'https://evil.example/x']) listener!({ preventDefault() {} }, { getURL: () => url, cancel: () => cancelled.push(url) });
    expect(cancelled).toEqual(['https://evil.example/x']);
    expect(log).toEqual(['download refused: https://evil.example/x']);
  });

  it('lets a window with unsaved changes close only when the user chooses to leave', async () => {
    const { confirmUnload } = await import('../../src/main/windows/hardening');
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    confirmUnload(event, () => 'stay');
    expect(prevented).toBe(0);
    confirmUnload(event, () => 'leave');
    expect(prevented).toBe(1);
  });
});
