/**
 * App-level channels of the headless command's UI: app settings, app info, import and export.
 * An export with API keys never crosses HTTP: the config file already holds them (or their
 * `env:` references), so browser mode refuses it and says so. The desktop app replaces these
 * with its own (src/main/desktop-service.ts).
 */
import { ServiceError } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../../../shared/contract/service';
import { ConfigError } from '../../config';
import { exportFileName, exportSettingsJson, importSettingsJson } from '../../config';
import { appSettingsEdit } from '../settings-edit';
import { toServiceError } from './errors';
import type { ServiceHost, ServiceInfo } from './types';

type Handlers = Pick<ChannelHandlers, 'saveAppSettings' | 'getAppInfo' | 'setLaunchAtLogin' | 'exportSettings' | 'importSettings'>;

export const KEYS_NOT_EXPORTED =
  'an export with API keys is not sent to the browser: the config file of the headless command holds them already (copy it, or use env:VARIABLE references)';

export function appHandlers(host: ServiceHost, info: ServiceInfo): Handlers {
  const appInfo = async () => ({
    mode: info.mode,
    version: info.version,
    platform: process.platform,
    launchAtLogin: { supported: false, enabled: false },
    secretStorage: { encrypted: false, message: 'Headless mode: API keys stay in the config file as written; env:VARIABLE keeps them out of it.' },
  });
  return {
    saveAppSettings: (patch) => host.editSettings((s) => appSettingsEdit(s, patch)),
    getAppInfo: appInfo,
    async setLaunchAtLogin() {
      throw new ServiceError('unsupported', 'launch at login exists only in the desktop app');
    },
    async exportSettings({ includeKeys }) {
      if (includeKeys) throw new ServiceError('forbidden', KEYS_NOT_EXPORTED);
      return { kind: 'content', fileName: exportFileName(new Date(host.clock.now())), json: exportSettingsJson(host.settings(), { includeKeys: false }) };
    },
    async importSettings({ json }) {
      let imported;
      try {
        imported = importSettingsJson(json, host.settings());
      } catch (error) {
        if (error instanceof ConfigError) toServiceError(error);
        throw error;
      }
      const settings = await host.editSettings(() => ({ settings: imported.settings }));
      return { settings, warnings: imported.warnings };
    },
  };
}
