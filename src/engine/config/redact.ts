/**
 * Keeping API keys out of exports, logs and anything shown: a masked form (`••••1a2b`), settings
 * with keys masked or removed, and a scrub for free text (error messages) that may have picked up
 * a key, e.g. from a URL's `apikey=` parameter. `env:VARIABLE` references are not secrets and stay.
 */
import { apiKeyEnvName, MASK, maskApiKey as maskKey } from '../../shared/contract/mask';
import type { InstanceSettings, Settings } from '../../shared/settings';

export { MASK };

/** `••••1a2b` (the UI contract's mask); an `env:VARIABLE` reference is returned as it is. */
export function maskApiKey(apiKey: string): string {
  return apiKeyEnvName(apiKey) ? apiKey.trim() : maskKey(apiKey);
}

/** True for what maskApiKey returns for a real key: a form that comes back from a UI means "unchanged". */
export function isMaskedApiKey(value: string): boolean {
  return value.startsWith(MASK);
}

export type RedactedInstance = Omit<InstanceSettings, 'apiKey'> & { apiKey?: string };
export type RedactedSettings = Omit<Settings, 'instances'> & { instances: RedactedInstance[] };

export interface RedactOptions {
  /** keep the keys (an export the user explicitly asked to include them in) */
  includeKeys?: boolean;
  /** without keys: 'mask' (default) shows ••••1a2b, 'remove' drops the field */
  mode?: 'mask' | 'remove';
}

export function redactSettings(settings: Settings, options: RedactOptions = {}): RedactedSettings {
  const copy = structuredClone(settings) as RedactedSettings;
  if (options.includeKeys) return copy;
  for (const inst of copy.instances) {
    const key = inst.apiKey ?? '';
    if (apiKeyEnvName(key)) continue;
    if (options.mode === 'remove') delete inst.apiKey;
    else inst.apiKey = maskApiKey(key);
  }
  return copy;
}

// apikey=…, "apiKey": "…", X-Api-Key: … (query strings, JSON, headers); the value ends at a delimiter
const KEY_PATTERN = /((?:x[-_]?)?api[-_]?key["']?\s*[:=]\s*["']?)([^\s&"',;}]+)/gi;
const MIN_SECRET = 8;

/** Replaces known secrets and api-key-shaped assignments in free text. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET && out.includes(secret)) out = out.split(secret).join(maskApiKey(secret));
  }
  return out.replace(KEY_PATTERN, (_m, prefix: string, value: string) => (value.startsWith(MASK) ? prefix + value : prefix + MASK));
}
