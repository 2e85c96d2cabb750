/**
 * Import and export of the settings document. Exports leave the API keys out unless the user
 * explicitly includes them (`env:VARIABLE` references stay: they are not secrets); an import without keys keeps the stored key of each instance with the
 * same id (at the same address only), and names the instances it cannot give a key. Used by the desktop app and the headless
 * browser mode alike.
 */
import { isEnvReferenceInput, keyAddress, sameKeyAddress } from '../../shared/contract/key-address';
import { checkJsonValue } from '../../shared/json-guard';
import { describeSettingsPath, type Settings } from '../../shared/settings';
import { ConfigError, type ConfigIssue } from './errors';
import { checkJsonText, describeJsonProblem, invalidSettings, parseSettings, type ParseOptions } from './load';
import { isMaskedApiKey, redactSettings } from './redact';

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
/** stands in for a missing key while the rest of the file is validated; never stored */
const NO_KEY = 'no-key-in-the-imported-file';

export function importSettingsJson(json: string, current: Settings, options: ParseOptions = {}): ImportedSettings {
  const text = json.replace(/^\uFEFF/, '');
  checkJsonText(text, SOURCE);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`${SOURCE} is not valid JSON`, SOURCE);
  }
  // reserved keys and depth first: the key lookup below reads fields of every instance
  const problem = checkJsonValue(raw);
  if (problem) throw invalidSettings(SOURCE, [{ path: describeJsonProblem(problem, raw), message: problem.message }], raw);
  const warnings: string[] = [];
  const missing: { label: string; issue: ConfigIssue }[] = [];
  const refused: { label: string; issue: ConfigIssue }[] = [];
  const instances = isObject(raw) && Array.isArray(raw.instances) ? raw.instances : [];
  instances.forEach((instance: unknown, index) => {
    if (!isObject(instance)) return;
    const key = instance.apiKey;
    const id = typeof instance.id === 'string' ? instance.id : undefined;
    const stored = id === undefined ? undefined : current.instances.find((i) => i.id === id);
    const url = typeof instance.url === 'string' ? instance.url : '';
    const label = `${id === undefined ? `number ${index + 1}` : `"${id}"`}${typeof instance.name === 'string' ? ` (${instance.name})` : ''}`;
    // named by id only when it has one: a malformed instance is named by its place in the list
    const path = `${describeSettingsPath(['instances', index], raw)}.apiKey`;
    // The file comes through the UI: it may keep what is stored, never point a stored key (or an
    // env: reference, which reads the backend's environment) at another address (key-address.ts).
    if (typeof key === 'string' && isEnvReferenceInput(key)) {
      const unchanged = stored !== undefined && stored.apiKey.trim() === key.trim() && sameKeyAddress(stored.url, url);
      const message = 'its env:VARIABLE reference is not the one stored for this instance at this address: an import cannot add or move references (they are written in the config file only)';
      if (!unchanged) refused.push({ label, issue: { path, message } });
      return;
    }
    if (typeof key === 'string' && key.trim() !== '' && !isMaskedApiKey(key)) return;
    if (stored && !sameKeyAddress(stored.url, url)) {
      const message = `the file has no API key and the address is not the stored one (${keyAddress(stored.url) ?? 'unknown'}): the stored key is only sent to the address it was saved with, so the file must hold the key`;
      refused.push({ label, issue: { path, message } });
    } else if (stored) {
      instance.apiKey = stored.apiKey;
      warnings.push(`instance ${label}: the file has no API key, the stored one is kept`);
    } else {
      instance.apiKey = NO_KEY;
      missing.push({ label, issue: { path, message: 'API key is required: the file has none and no instance with this id is stored' } });
    }
  });
  if (refused.length) {
    throw new ConfigError(
      refused.map((r) => `${SOURCE}, instance ${r.label}: ${r.issue.message}`).join('; '),
      SOURCE,
      refused.map((r) => r.issue),
    );
  }
  // a file with other problems gets them all at once, the missing keys included
  const settings = parseSettings(raw, SOURCE, { ...options, alsoReport: missing.map((m) => m.issue) });
  if (missing.length) {
    throw new ConfigError(
      `${SOURCE} has no API key for ${missing.map((m) => m.label).join(', ')}, and none is stored for ${missing.length === 1 ? 'it' : 'them'}: export again with keys included, or add ${missing.length === 1 ? 'that instance' : 'those instances'} first`,
      SOURCE,
      missing.map((m) => m.issue),
    );
  }
  return { settings, warnings };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
