/** The settings as the UI may see them: every API key replaced by its masked form. */
import type { Settings } from '../settings';
import { apiKeyEnvName, maskApiKey } from './mask';
import type { MaskedSettings } from './settings-schemas';

export function maskSettings(settings: Settings): MaskedSettings {
  return {
    ...settings,
    instances: settings.instances.map(({ apiKey, ...instance }) => {
      const env = apiKeyEnvName(apiKey);
      return { ...instance, apiKeyMasked: env ? `env:${env}` : maskApiKey(apiKey), ...(env ? { apiKeyEnv: env } : {}) };
    }),
  };
}
