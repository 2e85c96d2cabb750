/**
 * Import and export of the settings document. Exports leave the API keys out unless the user
 * explicitly includes them (`env:VARIABLE` references stay: they are not secrets); an import without keys keeps the stored key of each instance with the
 * same id (at the same address only), and names the instances it cannot give a key. Used by the desktop app and the headless
 * browser mode alike.
 */
import { isEnvReferenceInput, keyAddress, sameKeyAddress } from '../../shared/contract/key-address';
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
  const refused: { id: string; label: string; message: string }[] = [];
  if (raw && typeof raw === 'object' && Array.isArray((raw as { instances?: unknown }).instances)) {
    for (const instance of (raw as { instances: unknown[] }).instances) {
      if (!instance || typeof instance !== 'object') continue;
      const entry = instance as Record<string, unknown>;
      const key = entry.apiKey;
      const stored = current.instances.find((i) => i.id === entry.id);
      const label = `"${String(entry.id)}"${typeof entry.name === 'string' ? ` (${entry.name})` : ''}`;
      const url = typeof entry.url === 'string' ? entry.url : '';
      // The file comes through the UI: it may keep what is stored, never point a stored key (or an
      // env: reference, which reads the backend's environment) at another address (key-address.ts).
      if (typeof key === 'string' && isEnvReferenceInput(key)) {
        const unchanged = stored !== undefined && stored.apiKey.trim() === key.trim() && sameKeyAddress(stored.url, url);
        if (!unchanged) refused.push({ id: String(entry.id), label, message: 'its env:VARIABLE reference is not the one stored for this instance at this address: an import cannot add or move references (they are written in the config file only)' });
        continue;
      }
      if (typeof key === 'string' && key.trim() !== '' && !isMaskedApiKey(key)) continue;
      if (stored && !sameKeyAddress(stored.url, url)) {
        refused.push({ id: String(entry.id), label, message: `the file has no API key and the address is not the stored one (${keyAddress(stored.url) ?? 'unknown'}): the stored key is only sent to the address it was saved with, so the file must hold the key` });
      } else if (stored) {
        entry.apiKey = stored.apiKey;
        warnings.push(`instance ${label}: the file has no API key, the stored one is kept`);
      } else {
        missing.push({ id: String(entry.id), label });
      }
    }
  }
  if (refused.length) {
    throw new ConfigError(
      refused.map((r) => `${SOURCE}, instance ${r.label}: ${r.message}`).join('; '),
      SOURCE,
      refused.map((r) => ({ path: `instances["${r.id}"].apiKey`, message: r.message })),
    );
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
