/**
 * Launch at login. macOS and Windows: Electron's login item settings. Linux: an XDG autostart
 * entry (~/.config/autostart/trawlarr.desktop), since Electron has no login items there. A start
 * at login is hidden (`--hidden`: the tray only); a start by hand shows the window. The platform
 * specifics are pure functions; file system and Electron calls are injected.
 */
import { join } from 'node:path';

export interface LoginItemPlatformApi {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

export interface AutostartFs {
  exists(path: string): Promise<boolean>;
  writeFile(path: string, content: string): Promise<void>;
  remove(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  api: LoginItemPlatformApi;
  fs: AutostartFs;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  execPath: string;
  /** false when running unpackaged (electron .): a login item would start bare Electron */
  packaged: boolean;
  /** kernel.apparmor_restrict_unprivileged_userns is on (Ubuntu 24.04+) */
  usernsRestricted?: () => Promise<boolean>;
}

export interface LoginItemController {
  supported: boolean;
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export const AUTOSTART_FILE = 'trawlarr.desktop';
/** the argument a start at login carries: stay in the tray */
export const HIDDEN_ARG = '--hidden';

/** Launch at Login cannot work here; the message tells the user what to do instead. */
export class LoginItemRefusedError extends Error {
  override name = 'LoginItemRefusedError';
}

/**
 * An AppImage cannot start its sandbox where unprivileged user namespaces are restricted
 * (Ubuntu 24.04+, https://github.com/electron/electron/issues/42510): a login entry pointing at
 * it would abort at every login. The .deb installs the AppArmor profile Electron needs.
 */
export const APPIMAGE_RESTRICTED_MESSAGE =
  'Launch at Login would start the Trawlarr AppImage, which this system stops at launch: it restricts unprivileged user namespaces (Ubuntu 24.04 and later), and the AppImage has no AppArmor profile. Install the .deb package instead: it brings the profile, and Launch at Login works with it.';

/** $XDG_CONFIG_HOME/autostart/trawlarr.desktop, XDG_CONFIG_HOME defaulting to ~/.config (relative values are ignored, per the spec). */
export function autostartPath(env: LoginItemDeps['env'], homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

/**
 * The program to start on Linux. An AppImage runs from a temporary mount that is gone after exit:
 * the AppImage file itself ($APPIMAGE) must be started instead.
 */
export function linuxLaunchPath(env: LoginItemDeps['env'], execPath: string): string {
  return env.APPIMAGE && env.APPIMAGE.startsWith('/') ? env.APPIMAGE : execPath;
}

/** Quotes one Exec argument per the Desktop Entry spec: quoting first, then the string escape of backslashes. */
export function quoteExecArgument(arg: string): string {
  const quoted = /[\s"'\\`$<>~|&;*?#()]/.test(arg) ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
  return quoted.replace(/\\/g, '\\\\');
}

export function autostartDesktopEntry(launchPath: string): string {
  // Desktop entry values may not contain line breaks; a path with one cannot be started safely
  if (/[\r\n]/.test(launchPath)) throw new Error('the program path contains a line break; cannot write an autostart entry');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Trawlarr',
    'Comment=Keeps your Radarr and Sonarr libraries improving',
    `Exec=${quoteExecArgument(launchPath)} ${HIDDEN_ARG}`,
    'Icon=trawlarr',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createLoginItemController(deps: LoginItemDeps): LoginItemController {
  if (!deps.packaged) {
    return { supported: false, isEnabled: async () => false, setEnabled: async () => { throw new Error('launch at login is available in the packaged app only'); } };
  }
  if (deps.platform === 'linux') {
    const file = autostartPath(deps.env, deps.homeDir);
    return {
      supported: true,
      isEnabled: () => deps.fs.exists(file),
      async setEnabled(enabled) {
        if (!enabled) {
          if (await deps.fs.exists(file)) await deps.fs.remove(file);
          return;
        }
        if (deps.env.APPIMAGE && (await deps.usernsRestricted?.())) throw new LoginItemRefusedError(APPIMAGE_RESTRICTED_MESSAGE);
        await deps.fs.mkdir(join(file, '..'));
        await deps.fs.writeFile(file, autostartDesktopEntry(linuxLaunchPath(deps.env, deps.execPath)));
      },
    };
  }
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    return {
      supported: true,
      isEnabled: async () => deps.api.getLoginItemSettings().openAtLogin,
      async setEnabled(enabled) {
        // Windows registers a path and arguments; macOS reports wasOpenedAtLogin instead (launch-options.ts)
        deps.api.setLoginItemSettings(deps.platform === 'win32' ? { openAtLogin: enabled, path: deps.execPath, args: [HIDDEN_ARG] } : { openAtLogin: enabled });
      },
    };
  }
  return { supported: false, isEnabled: async () => false, setEnabled: async () => { throw new Error(`launch at login is not supported on ${deps.platform}`); } };
}
