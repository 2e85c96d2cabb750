/**
 * Reading and writing the settings file (JSON). `parseSettings` is the same path for any source
 * (the desktop app's electron-store hands it the stored document): migrate, validate against
 * `settingsSchema`, refuse settings the schema would silently drop (a misspelt field), and report
 * every problem with a readable location. Messages never contain an API key. Before any of that,
 * the JSON limits (src/shared/json-guard.ts): a bounded depth, no `__proto__`/`constructor`-like key.
 *
 * YAML is not accepted: one format shared with the desktop store, and saving would lose a YAML
 * file's comments.
 */
import { promises as fsp } from 'node:fs';
import { checkJsonValue, jsonPathText, scanJsonDepth, type JsonProblem } from '../../shared/json-guard';
import { describeSettingsPath, settingsSchema, type Settings } from '../../shared/settings';
import { writeFileAtomic } from '../store/atomic-file';
import { ConfigError, type ConfigIssue } from './errors';
import { migrate, MigrationError, type MigrationTable } from './migrations';
import { maskApiKey } from './redact';

export interface ParseOptions {
  /** a migration table other than the real one (tests) */
  migrations?: MigrationTable;
  /** problems the caller found (the import's missing keys), listed with the document's own when it has any */
  alsoReport?: readonly ConfigIssue[];
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

/** Refuses text nested deeper than the limit before JSON.parse spends time (and stack) on it. */
export function checkJsonText(text: string, source: string): void {
  const deep = scanJsonDepth(text);
  if (deep) throw invalidSettings(source, [{ path: jsonPathText(deep.path), message: `${deep.message} (near line ${deep.line}, column ${deep.column})` }]);
}

/** A file can hold a hundred thousand broken instances: nobody reads past the first problems. */
const MAX_ISSUES = 50;

/** The ConfigError listing the issues, one per line; keys of `doc` are masked should a message quote one. */
export function invalidSettings(source: string, issues: readonly ConfigIssue[], doc: unknown = {}): ConfigError {
  const shown = issues.slice(0, MAX_ISSUES);
  if (issues.length > MAX_ISSUES) shown.push({ path: '', message: `… and ${issues.length - MAX_ISSUES} more problems` });
  const hide = keyHider(doc);
  const lines = shown.map((i) => `  - ${i.path || '(settings)'}: ${i.message}`);
  return new ConfigError(hide(`${source}: invalid settings:\n${lines.join('\n')}`), source, shown.map((i) => ({ path: i.path, message: hide(i.message) })));
}

/** Migrates and validates a settings document; `source` names where it came from in errors. */
export function parseSettings(raw: unknown, source: string, options: ParseOptions = {}): Settings {
  // before migrations, zod or the unknown-field walk touch it (a non-object is migrate's to explain)
  const problem = isObject(raw) ? checkJsonValue(raw) : undefined;
  if (problem) throw invalidSettings(source, [{ path: describeJsonProblem(problem, raw), message: problem.message }], raw);
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
  throw invalidSettings(source, [...issues, ...(options.alsoReport ?? [])], doc);
}

/** The problem's place named like every other settings issue (instances by id); a deep path is cut. */
export function describeJsonProblem(problem: JsonProblem, raw: unknown): string {
  const shown = 12;
  const text = describeSettingsPath(problem.path.slice(0, shown), raw);
  return problem.path.length > shown ? `${text}…` : text;
}

/** Writes valid settings atomically; a new file is readable by its owner only (it may hold keys). */
export async function saveConfigFile(path: string, settings: Settings): Promise<void> {
  const valid = parseSettings(settings, path);
  await writeFileAtomic(path, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
}

function parseJson(text: string, path: string): unknown {
  checkJsonText(text, path);
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
  // own properties only: `key in parsed` would take "constructor" or "toString" for a known setting
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(parsed, key) ? unknownFields(raw[key], parsed[key], [...at, key], root) : [describeSettingsPath([...at, key], root)],
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Belt and braces: no schema message should quote a key, but if one ever does, it is masked. */
function keyHider(doc: unknown): (text: string) => string {
  const instances = isObject(doc) && Array.isArray(doc.instances) ? doc.instances : [];
  const keys = new Set<string>();
  for (const inst of instances) {
    const key = isObject(inst) && typeof inst.apiKey === 'string' ? inst.apiKey.trim() : '';
    if (key.length >= 6 && !key.startsWith('env:')) keys.add(key);
  }
  return (text) => {
    let out = text;
    for (const key of keys) if (out.includes(key)) out = out.split(key).join(maskApiKey(key));
    return out;
  };
}
