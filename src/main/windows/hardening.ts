/**
 * Hardening applied to every webContents and to the session, from Electron's security checklist:
 * no navigation away from the app, no redirects, no <webview>, no new windows (links to configured
 * instances open in the user's browser), every permission denied. Pure: the webContents-like
 * object, the session and shell.openExternal are injected, so tests drive the real handlers.
 */
import { isAllowedExternalUrl } from './external-links';

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents the hardening hooks into. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview' | 'will-frame-navigate', listener: (event: PreventableEvent, url?: unknown) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardeningDeps {
  instanceUrls: () => readonly string[];
  openExternal: (url: string) => Promise<void>;
  log: (line: string) => void;
}

export function hardenWebContents(contents: HardenableContents, deps: HardeningDeps): void {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
    contents.on(event, (e, url) => {
      e.preventDefault();
      deps.log(`${event} refused: ${typeof url === 'string' ? url : 'a frame navigation'}`);
    });
  }
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    deps.log('<webview> refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, deps.instanceUrls())) {
      deps.openExternal(url).catch((error: unknown) => deps.log(`could not open ${url}: ${String(error)}`));
    } else {
      deps.log(`window.open refused: ${url}`);
    }
    return { action: 'deny' };
  });
}

/** The parts of Electron's Session used to deny permissions. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Downloads: only the files the settings window makes itself (History CSV, settings export) are
 * blob: URLs of the app's own origin; anything else is cancelled. Electron then shows its save
 * dialog for the allowed ones.
 */
export function isAllowedDownload(url: string, appOrigins: readonly string[]): boolean {
  return appOrigins.some((origin) => url.startsWith(`blob:${origin}/`));
}

/** The parts of Electron's Session and DownloadItem the download policy uses. */
export interface DownloadSession {
  on(event: 'will-download', listener: (event: PreventableEvent, item: { getURL(): string; cancel(): void }) => void): unknown;
}

export function restrictDownloads(session: DownloadSession, appOrigins: readonly string[], log: (line: string) => void): void {
  session.on('will-download', (_event, item) => {
    if (isAllowedDownload(item.getURL(), appOrigins)) return;
    item.cancel();
    log(`download refused: ${item.getURL()}`);
  });
}

/**
 * A page with unsaved changes blocks unload (beforeunload); Electron then emits
 * will-prevent-unload and, without a handler, closing the window silently does nothing. Asking
 * the user and calling preventDefault() on "Leave" lets the window close.
 */
export function confirmUnload(event: PreventableEvent, ask: () => 'leave' | 'stay'): void {
  if (ask() === 'leave') event.preventDefault();
}
