/**
 * The desktop's additions to the engine's AppService: app info with the real secret-storage
 * status, launch at login, and import/export through the desktop store. An export with keys is
 * written by main to a file the user picks, so the keys never cross the bridge.
 */
import { CHANNEL_NAMES, ServiceError, type AppService, type ContractIssue, type MaskedSettings } from '../shared/contract';
import type { Settings } from '../shared/settings';
import { LoginItemRefusedError, type LoginItemController } from './login-item';
import { ConfigError, exportFileName, exportSettingsJson, importSettingsJson } from '../engine/config';
import type { SecretStorageStatus } from './store/secret-storage-status';

export interface DesktopFeatureDeps {
  version: string;
  platform: NodeJS.Platform;
  loginItem: LoginItemController;
  /** known after 'ready' */
  secretStorage: SecretStorageStatus;
  settings: () => Settings;
  replaceSettings: (settings: Settings) => Promise<MaskedSettings>;
  /** shows a save dialog and writes the file; undefined when the user cancels */
  saveFile: (suggestedName: string, content: string) => Promise<string | undefined>;
  /** the tray shows the launch-at-login checkbox */
  onLaunchAtLoginChanged?: () => void;
  now?: () => Date;
}

function toServiceError(error: unknown): never {
  if (error instanceof ConfigError) {
    const issues: ContractIssue[] = error.issues.map((i) => ({ path: [], field: i.path, message: i.message }));
    throw new ServiceError('invalid-request', error.message, issues.length ? issues : undefined);
  }
  throw error;
}

export function withDesktopFeatures(base: AppService, deps: DesktopFeatureDeps): AppService {
  const now = deps.now ?? (() => new Date());
  const appInfo = async () => ({
    mode: 'desktop' as const,
    version: deps.version,
    platform: deps.platform,
    launchAtLogin: { supported: deps.loginItem.supported, enabled: deps.loginItem.supported ? await deps.loginItem.isEnabled() : false },
    secretStorage: deps.secretStorage,
  });

  const desktop: Partial<AppService> = {
    getAppInfo: appInfo,
    async setLaunchAtLogin({ enabled }) {
      if (!deps.loginItem.supported) throw new ServiceError('unsupported', 'launch at login is not available in this build of Trawlarr');
      try {
        await deps.loginItem.setEnabled(enabled);
      } catch (error) {
        if (error instanceof LoginItemRefusedError) throw new ServiceError('unsupported', error.message);
        throw new ServiceError('unavailable', `could not ${enabled ? 'turn on' : 'turn off'} launch at login: ${error instanceof Error ? error.message : String(error)}`);
      }
      deps.onLaunchAtLoginChanged?.();
      return appInfo();
    },
    async exportSettings({ includeKeys }) {
      const fileName = exportFileName(now());
      const json = exportSettingsJson(deps.settings(), { includeKeys });
      if (!includeKeys) return { kind: 'content', fileName, json };
      const path = await deps.saveFile(fileName, json);
      return path ? { kind: 'saved', path } : { kind: 'cancelled' };
    },
    async importSettings({ json }) {
      let imported;
      try {
        imported = importSettingsJson(json, deps.settings());
      } catch (error) {
        toServiceError(error);
      }
      const settings = await deps.replaceSettings(imported.settings).catch(toServiceError);
      return { settings, warnings: imported.warnings };
    },
  };
  const combined: Record<string, unknown> = { subscribe: base.subscribe.bind(base), secrets: base.secrets.bind(base) };
  for (const name of CHANNEL_NAMES) combined[name] = desktop[name] ?? (base[name] as (...args: never[]) => unknown).bind(base);
  return combined as unknown as AppService;
}
