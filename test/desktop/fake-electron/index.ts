/** The module `electron` resolves to in the harness (see ../child/boot.ts): Electron's main-process API, faked strictly. */
import { app } from './app';
import { ipcMain } from './ipc';
import { Menu, MenuItem } from './menu';
import { protocol } from './protocol';
import { safeStorage } from './safe-storage';
import { dialog, Notification, powerMonitor, session, shell } from './shell-apis';
import { nativeImage, Tray } from './tray';
import { BrowserWindow } from './window';

export { app, BrowserWindow, dialog, ipcMain, Menu, MenuItem, nativeImage, Notification, powerMonitor, protocol, safeStorage, session, shell, Tray };
export default { app, BrowserWindow, dialog, ipcMain, Menu, MenuItem, nativeImage, Notification, powerMonitor, protocol, safeStorage, session, shell, Tray };
