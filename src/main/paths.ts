/** Where the built pieces are, in development (electron-vite's out/) and packaged (app.asar + resources). */
import { join } from 'node:path';

export interface AppPaths {
  preload: string;
  renderer: string;
  trayIcons: string;
  appIcon: string;
}

export function appPaths(input: { mainDir: string; appPath: string; resourcesPath: string; packaged: boolean }): AppPaths {
  const assets = input.packaged ? input.resourcesPath : join(input.appPath, 'assets');
  return {
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    renderer: join(input.mainDir, '..', 'renderer'),
    // on disk, outside the asar: Linux tray implementations hand the icon file to another process
    trayIcons: join(assets, 'tray'),
    appIcon: join(assets, 'icon.png'),
  };
}
