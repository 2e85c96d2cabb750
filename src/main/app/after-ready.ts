/**
 * Step 3, right after 'ready': the platform's tray-app conventions and the session's hardening
 * (Electron's security checklist): no permissions, downloads only of the app's own blobs, the
 * app:// protocol, and every webContents kept on the app (no navigation, no new windows).
 */
import { app, Menu, session, shell } from 'electron';
import { originOf } from '../ipc/sender-guard';
import { APP_ORIGIN } from '../windows/options';
import { denyAllPermissions, hardenWebContents, restrictDownloads } from '../windows/hardening';
import { handleAppProtocol } from '../windows/electron-protocol';

export const APP_ID = 'app.trawlarr.desktop';

export interface AppLocation {
  /** the dev server in development (electron-vite), else undefined: the packaged app via app:// */
  devServerUrl?: string;
  /** where the settings window's pages come from: app://, plus the dev server in development */
  appOrigins: string[];
}

export function appLocation(): AppLocation {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const devOrigin = devServerUrl ? originOf(devServerUrl) : undefined;
  return { ...(devServerUrl ? { devServerUrl } : {}), appOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN] };
}

export function secureSession(input: { location: AppLocation; rendererDir: string; log: (line: string) => void }): void {
  if (process.platform === 'darwin') app.dock?.hide();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  if (process.platform !== 'darwin' && app.isPackaged) Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession);
  restrictDownloads(session.defaultSession, input.location.appOrigins, input.log);
  handleAppProtocol(input.rendererDir);
}

/** Links to a configured instance open in the user's browser; nothing else leaves the app. */
export function hardenNewWebContents(instanceUrls: () => readonly string[], log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { instanceUrls, openExternal: (url) => shell.openExternal(url), log }));
}
