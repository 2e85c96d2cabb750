/**
 * The settings window's options, following Electron's security checklist. Pure data so the
 * hardening test reads exactly what the window is created with.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'trawlarr';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export function settingsWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
    safeDialogs: true,
    spellcheck: false,
  };
}

export function settingsWindowOptions(input: { preloadPath: string; iconPath?: string }): BrowserWindowConstructorOptions {
  return {
    title: 'Trawlarr',
    width: 1100,
    height: 760,
    minWidth: 760,
    minHeight: 520,
    show: false,
    autoHideMenuBar: true,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: settingsWebPreferences(input.preloadPath),
  };
}
