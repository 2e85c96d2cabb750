/**
 * Import and export of the settings document. Exports leave the API keys out unless the user
 * explicitly includes them (`env:VARIABLE` references stay: they are not secrets); an import without keys keeps the stored key of each instance with the
 * same id, and names the instances it cannot give a key. Used by the desktop app and the headless
 * browser mode alike.
 */
import { ConfigError } from './errors';
import { parseSettings, type ParseOptions } from './load';
import { isMaskedApiKey, redactSettings } from './redact';
import type { Settings } from '../../shared/settings';

export function exportSettingsJson(settings: Settings, options: { includeKeys: boolean }): string {
  return JSON.stringify(redactSettings(settings, { includeKeys: options.includeKeys, mode: 'remove' }), null, 2) + '\n';
}

export function exportFileName(now: Date): string {
  return `trawlarr-settings-${now.toISOString().slice(0, 10)}.json`;
}

export interface ImportedSettings {
  settings: Settings;
  warnings: string[];
}

const SOURCE = 'the imported file';

export function importSettingsJson(json: string, current: Settings, options: ParseOptions = {}): ImportedSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    throw new ConfigError(`${SOURCE} is not valid JSON`, SOURCE);
  }
  const warnings: string[] = [];
  const missing: { id: string; label: string }[] = [];
  if (raw && typeof raw === 'object' && Array.isArray((raw as { instances?: unknown }).instances)) {
    for (const instance of (raw as { instances: unknown[] }).instances) {
      if (!instance || typeof instance !== 'object') continue;
      const entry = instance as Record<string, unknown>;
      const key = entry.apiKey;
      if (typeof key === 'string' && key.trim() !== '' && !isMaskedApiKey(key)) continue;
      const stored = current.instances.find((i) => i.id === entry.id);
      const label = `"${String(entry.id)}"${typeof entry.name === 'string' ? ` (${entry.name})` : ''}`;
      if (stored) {
        entry.apiKey = stored.apiKey;
        warnings.push(`instance ${label}: the file has no API key, the stored one is kept`);
      } else {
        missing.push({ id: String(entry.id), label });
      }
    }
  }
  if (missing.length) {
    throw new ConfigError(
      `${SOURCE} has no API key for ${missing.map((m) => m.label).join(', ')}, and none is stored for ${missing.length === 1 ? 'it' : 'them'}: export again with keys included, or add ${missing.length === 1 ? 'that instance' : 'those instances'} first`,
      SOURCE,
      missing.map((m) => ({ path: `instances["${m.id}"].apiKey`, message: 'API key is required' })),
    );
  }
  return { settings: parseSettings(raw, SOURCE, options), warnings };
}
