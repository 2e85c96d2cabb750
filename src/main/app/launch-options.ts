/**
 * How this start was asked for. A start at login carries `--hidden` (Linux autostart entry,
 * Windows login item) or is reported by macOS: the app stays in the tray. A start by hand shows
 * the window, because the tray icon may be invisible (GNOME without the AppIndicator extension).
 */
import type { NavigateTarget } from '../../shared/contract';
import { HIDDEN_ARG } from '../login-item';

export interface LaunchOptions {
  hidden: boolean;
}

export function launchOptions(argv: readonly string[], openedAtLogin: boolean): LaunchOptions {
  return { hidden: openedAtLogin || argv.includes(HIDDEN_ARG) };
}

/** The window to show once started: none when hidden; Instances for a new user; else the Dashboard. */
export function firstWindow(launch: LaunchOptions, instanceCount: number): NavigateTarget | undefined {
  if (launch.hidden) return undefined;
  return { page: instanceCount === 0 ? 'instances' : 'dashboard' };
}
