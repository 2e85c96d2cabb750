/**
 * Export and import of the settings document. An export leaves the API keys out unless asked to
 * include them (`env:VARIABLE` references stay: they are not secrets). An import without a key for
 * an instance keeps the stored key of the instance with the same id, and names the instances it
 * cannot give a key.
 */
import type { Settings } from '../../shared/settings';
import { ConfigError, isMaskedApiKey, parseSettings, redactSettings } from '../config';

const SOURCE = 'the imported file';

export function exportSettingsJson(settings: Settings, includeKeys: boolean): string {
  return JSON.stringify(redactSettings(settings, { includeKeys, mode: 'remove' }), null, 2) + '\n';
}

export function exportFileName(now: number): string {
  return `trawlarr-settings-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export function importSettingsJson(json: string, current: Settings): { settings: Settings; warnings: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    throw new ConfigError(`${SOURCE} is not valid JSON`, SOURCE);
  }
  const warnings: string[] = [];
  const missing: string[] = [];
  const instances = raw && typeof raw === 'object' ? (raw as { instances?: unknown }).instances : undefined;
  for (const entry of Array.isArray(instances) ? instances : []) {
    if (!entry || typeof entry !== 'object') continue;
    const inst = entry as Record<string, unknown>;
    if (typeof inst.apiKey === 'string' && inst.apiKey.trim() !== '' && !isMaskedApiKey(inst.apiKey)) continue;
    const stored = current.instances.find((i) => i.id === inst.id);
    if (stored) {
      inst.apiKey = stored.apiKey;
      warnings.push(`instance "${String(inst.id)}": the file has no API key, the stored one is kept`);
    } else {
      missing.push(String(inst.id));
    }
  }
  if (missing.length) {
    throw new ConfigError(
      `${SOURCE} has no API key for ${missing.map((id) => `"${id}"`).join(', ')}, and none is stored: add the key to the file (or env:VARIABLE), or add the instance first`,
      SOURCE,
      missing.map((id) => ({ path: `instances["${id}"].apiKey`, message: 'API key is required' })),
    );
  }
  return { settings: parseSettings(raw, SOURCE), warnings };
}
