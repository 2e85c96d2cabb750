/**
 * Reading and writing the settings file (JSON). `parseSettings` is the same path for any source
 * (the desktop app's electron-store hands it the stored document): migrate, validate against
 * `settingsSchema`, refuse settings the schema would silently drop (a misspelt field), and report
 * every problem with a readable location. Messages never contain an API key.
 *
 * YAML is not accepted: one format shared with the desktop store, and saving would lose a YAML
 * file's comments.
 */
import { promises as fsp } from 'node:fs';
import { describeSettingsPath, settingsSchema, type Settings } from '../../shared/settings';
import { writeFileAtomic } from '../store/atomic-file';
import { ConfigError, type ConfigIssue } from './errors';
import { migrate, MigrationError, type MigrationTable } from './migrations';
import { maskApiKey } from './redact';

export interface ParseOptions {
  /** a migration table other than the real one (tests) */
  migrations?: MigrationTable;
}

export async function loadConfigFile(path: string, options: ParseOptions = {}): Promise<Settings> {
  let text: string;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new ConfigError(`${path}: ${why}`, path);
  }
  return parseSettings(parseJson(text.replace(/^\uFEFF/, ''), path), path, options);
}

/** Migrates and validates a settings document; `source` names where it came from in errors. */
export function parseSettings(raw: unknown, source: string, options: ParseOptions = {}): Settings {
  let doc: Record<string, unknown>;
  try {
    doc = migrate(raw, options.migrations);
  } catch (err) {
    if (err instanceof MigrationError) throw new ConfigError(`${source}: ${err.message}`, source, [{ path: 'version', message: err.message }]);
    throw err;
  }
  const result = settingsSchema.safeParse(doc);
  const issues: ConfigIssue[] = result.success
    ? unknownFields(doc, result.data).map((path) => ({ path, message: 'unknown setting (check the spelling)' }))
    : result.error.issues.map((i) => ({ path: describeSettingsPath(i.path, doc), message: i.message }));
  if (issues.length === 0 && result.success) return result.data;
  const lines = issues.map((i) => `  - ${i.path || '(settings)'}: ${i.message}`);
  const message = hideKeys(`${source}: invalid settings:\n${lines.join('\n')}`, doc);
  throw new ConfigError(message, source, issues.map((i) => ({ path: i.path, message: hideKeys(i.message, doc) })));
}

/** Writes valid settings atomically; a new file is readable by its owner only (it may hold keys). */
export async function saveConfigFile(path: string, settings: Settings): Promise<void> {
  const valid = parseSettings(settings, path);
  await writeFileAtomic(path, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON ${jsonErrorWhere(text, (err as Error).message)}`, path);
  }
}

/**
 * V8's message may quote a piece of the file (`..."apiKey": abc"... is not valid JSON`), which
 * could be a key: only the position and the kind of error are kept.
 */
function jsonErrorWhere(text: string, message: string): string {
  let pos: number | undefined;
  const at = /at position (\d+)/.exec(message);
  if (at) pos = Number(at[1]);
  const snippet = /^(Unexpected token '.+?'), (?:\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  if (snippet && text.includes(snippet[2])) pos = text.indexOf(snippet[2]);
  const kind = snippet ? snippet[1] : message.replace(/ in JSON.*$/s, '').replace(/,? ".*$/s, '');
  if (/Unexpected end of JSON input/.test(message)) return '(the file ends too early)';
  if (pos === undefined) return `(${kind})`;
  const before = text.slice(0, pos).split('\n');
  return `near line ${before.length}, column ${before[before.length - 1].length + 1} (${kind})`;
}

/** Fields present in the document that the schema dropped: misspellings, or settings that do not exist. */
function unknownFields(raw: unknown, parsed: unknown, at: PropertyKey[] = [], root: unknown = raw): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => unknownFields(item, parsed[i], [...at, i], root));
  }
  if (!isObject(raw) || !isObject(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    key in parsed ? unknownFields(raw[key], parsed[key], [...at, key], root) : [describeSettingsPath([...at, key], root)],
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Belt and braces: no schema message should quote a key, but if one ever does, it is masked. */
function hideKeys(text: string, doc: Record<string, unknown>): string {
  const instances = Array.isArray(doc.instances) ? doc.instances : [];
  let out = text;
  for (const inst of instances) {
    const key = isObject(inst) && typeof inst.apiKey === 'string' ? inst.apiKey.trim() : '';
    if (key.length >= 6 && !key.startsWith('env:')) out = out.split(key).join(maskApiKey(key));
  }
  return out;
}
