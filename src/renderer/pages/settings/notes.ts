/**
 * The settings page's plain notes: how API keys are kept (a fact of the mode in browser mode, a
 * warning only when the desktop app cannot encrypt them) and where notifications appear (only the
 * desktop app shows any; the headless command logs the same events instead).
 */
import type { AppInfo } from '../../../shared/contract/settings-schemas';

export interface PageNote {
  /** note: how this mode works; warning: something the user may want to fix */
  tone: 'note' | 'warning';
  text: string;
}

export function keysNote(info: Pick<AppInfo, 'mode' | 'secretStorage'>): PageNote | null {
  if (info.secretStorage.encrypted || !info.secretStorage.message) return null;
  // browser mode keeps keys in the config file by design: nothing is wrong
  return { tone: info.mode === 'browser' ? 'note' : 'warning', text: info.secretStorage.message };
}

export function notificationsNote(mode: AppInfo['mode']): string {
  return mode === 'desktop'
    ? 'These appear as desktop notifications from the Trawlarr tray app.'
    : 'Only the Trawlarr desktop app shows notifications. The headless command serving this page ("trawlarr run") sends none; it writes these events to its log instead.';
}
