/**
 * Settings migrations: `migrate(raw)` upgrades a document written by an older Trawlarr one version
 * at a time to SETTINGS_VERSION. To change the format, bump SETTINGS_VERSION in
 * src/shared/settings.ts and add one entry here: `MIGRATIONS[n]` turns a version-n document into a
 * version-(n + 1) one (it need not set `version`; migrate does). Steps get a private deep copy, so
 * they may mutate it. Validation happens after migration, against the current schema only.
 */
import { checkJsonValue } from '../../shared/json-guard';
import { describeSettingsPath, SETTINGS_VERSION } from '../../shared/settings';

export type SettingsDocument = Record<string, unknown>;
export type MigrationStep = (doc: SettingsDocument) => SettingsDocument;
/** key n: the step from version n to version n + 1 */
export type MigrationTable = Readonly<Record<number, MigrationStep>>;

/** Version 1 is the first format: nothing to migrate yet. */
export const MIGRATIONS: MigrationTable = {};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function migrate(raw: unknown, steps: MigrationTable = MIGRATIONS, target: number = SETTINGS_VERSION): SettingsDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError('settings must be a JSON object such as { "version": 1, "instances": [] }');
  }
  // steps look fields up by name and structuredClone recurses: neither may meet `__proto__` or a bottomless document
  const problem = checkJsonValue(raw);
  if (problem) throw new MigrationError(`${describeSettingsPath(problem.path.slice(0, 12), raw) || '(settings)'}: ${problem.message}`);
  const version = (raw as SettingsDocument).version;
  if (version === undefined) throw new MigrationError(`"version" is missing: add "version": ${target} at the top of the settings`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError(`"version" must be a whole number from 1 to ${target}, got ${JSON.stringify(version)}`);
  }
  if (version > target) {
    throw new MigrationError(`settings version ${version} was written by a newer Trawlarr; this one reads versions up to ${target}: update Trawlarr`);
  }
  let doc = structuredClone(raw) as SettingsDocument;
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (!step) throw new MigrationError(`no migration from settings version ${v} to ${v + 1}`);
    doc = { ...step(doc), version: v + 1 };
  }
  return doc;
}
