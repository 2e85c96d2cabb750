/**
 * Which icon file shows a tray state. macOS gets template images (black + alpha, tinted by the
 * system for light and dark menu bars; Electron treats a name ending in "Template" as one);
 * Electron picks the @2x variant beside a file by itself.
 */
import type { TrayIconState } from './menu-model';

export const TRAY_STATES: readonly TrayIconState[] = ['idle', 'searching', 'paused', 'attention'];

export function trayIconFileName(state: TrayIconState, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`;
}
