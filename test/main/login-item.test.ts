import { describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  autostartPath,
  createLoginItemController,
  linuxLaunchPath,
  quoteExecArgument,
  type AutostartFs,
  type LoginItemDeps,
} from '../../src/main/login-item';

function memoryFs() {
  const files = new Map<string, string>();
  const dirs = new Set<string>();
  const fs: AutostartFs = {
    exists: async (p) => files.has(p),
    writeFile: async (p, c) => void files.set(p, c),
    remove: async (p) => void files.delete(p),
    mkdir: async (p) => void dirs.add(p),
  };
  return { fs, files, dirs };
}

function deps(platform: NodeJS.Platform, partial: Partial<LoginItemDeps> = {}) {
  const calls: unknown[] = [];
  let openAtLogin = false;
  const { fs, files, dirs } = memoryFs();
  const d: LoginItemDeps = {
    platform,
    api: { getLoginItemSettings: () => ({ openAtLogin }), setLoginItemSettings: (s) => (calls.push(s), (openAtLogin = s.openAtLogin)) },
    fs,
    env: {},
    homeDir: '/home/ann',
    execPath: '/opt/Trawlarr/trawlarr',
    packaged: true,
    ...partial,
  };
  return { d, calls, files, dirs };
}

describe('Linux autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, defaulting to ~/.config', () => {
    expect(autostartPath({}, '/home/ann')).toBe('/home/ann/.config/autostart/trawlarr.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/autostart/trawlarr.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/ann')).toBe('/home/ann/.config/autostart/trawlarr.desktop');
  });

  it('starts the AppImage file, not its temporary mount', () => {
    expect(linuxLaunchPath({ APPIMAGE: '/home/ann/Apps/Trawlarr.AppImage' }, '/tmp/.mount_TrawlXYZ/trawlarr')).toBe('/home/ann/Apps/Trawlarr.AppImage');
    expect(linuxLaunchPath({}, '/opt/Trawlarr/trawlarr')).toBe('/opt/Trawlarr/trawlarr');
  });

  it('is a valid desktop entry with the program quoted per the spec', () => {
    expect(autostartDesktopEntry('/opt/Trawlarr/trawlarr')).toBe(
      '[Desktop Entry]\nType=Application\nName=Trawlarr\nComment=Keeps your Radarr and Sonarr libraries improving\nExec=/opt/Trawlarr/trawlarr --hidden\nIcon=trawlarr\nTerminal=false\nX-GNOME-Autostart-enabled=true\n',
    );
    expect(quoteExecArgument('/home/ann/My Apps/Trawlarr.AppImage')).toBe('"/home/ann/My Apps/Trawlarr.AppImage"');
    // "$" is escaped inside quotes, then every backslash doubled by the string escape rule
    expect(quoteExecArgument('/a/$b')).toBe('"/a/\\\\$b"');
    expect(() => autostartDesktopEntry('/a\nExec=evil')).toThrow('line break');
  });

  it('enabling writes the entry, disabling removes it', async () => {
    const { d, files, dirs } = deps('linux', { env: { APPIMAGE: '/home/ann/Trawlarr.AppImage' } });
    const controller = createLoginItemController(d);
    expect(controller.supported).toBe(true);
    expect(await controller.isEnabled()).toBe(false);
    await controller.setEnabled(true);
    expect(dirs.has('/home/ann/.config/autostart')).toBe(true);
    expect(files.get('/home/ann/.config/autostart/trawlarr.desktop')).toContain('Exec=/home/ann/Trawlarr.AppImage --hidden\n');
    expect(await controller.isEnabled()).toBe(true);
    await controller.setEnabled(false);
    expect(files.size).toBe(0);
    await controller.setEnabled(false);
    expect(await controller.isEnabled()).toBe(false);
  });
});

describe('macOS and Windows login items', () => {
  it('macOS uses openAtLogin only', async () => {
    const { d, calls } = deps('darwin');
    const controller = createLoginItemController(d);
    await controller.setEnabled(true);
    expect(calls).toEqual([{ openAtLogin: true }]);
    expect(await controller.isEnabled()).toBe(true);
  });

  it('Windows registers the installed executable', async () => {
    const { d, calls } = deps('win32', { execPath: 'C:\\Program Files\\Trawlarr\\Trawlarr.exe' });
    const controller = createLoginItemController(d);
    await controller.setEnabled(true);
    await controller.setEnabled(false);
    expect(calls).toEqual([
      { openAtLogin: true, path: 'C:\\Program Files\\Trawlarr\\Trawlarr.exe', args: ['--hidden'] },
      { openAtLogin: false, path: 'C:\\Program Files\\Trawlarr\\Trawlarr.exe', args: ['--hidden'] },
    ]);
  });

  it('is unsupported unpackaged and on other platforms, and says why', async () => {
    const dev = createLoginItemController(deps('darwin', { packaged: false }).d);
    expect(dev.supported).toBe(false);
    await expect(dev.setEnabled(true)).rejects.toThrow('packaged app only');
    expect(createLoginItemController(deps('freebsd').d).supported).toBe(false);
  });
});
