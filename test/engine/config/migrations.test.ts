import { describe, expect, it } from 'vitest';
import { ConfigError, migrate, MIGRATIONS, MigrationError, parseSettings, type MigrationTable } from '../../../src/engine/config';
import { SETTINGS_VERSION } from '../../../src/shared/settings';

/**
 * A made-up history of the format, to exercise the framework the way a real change would:
 * v1 → v2 renamed `historyRetentionDays` to `historyDays`; v2 → v3 renamed it back and moved
 * every instance's `budgetGroup` default. The current schema is v1, so the test validates v3
 * documents against nothing but its own expectations.
 */
const TEST_STEPS: MigrationTable = {
  1: (doc) => {
    const { historyRetentionDays, ...rest } = doc;
    return { ...rest, historyDays: historyRetentionDays ?? 180 };
  },
  2: (doc) => {
    const { historyDays, ...rest } = doc;
    const instances = (rest.instances as Record<string, unknown>[] | undefined) ?? [];
    return { ...rest, historyRetentionDays: historyDays, instances: instances.map((i) => ({ ...i, enabled: i.enabled ?? true })) };
  },
};

describe('settings migrations', () => {
  it('upgrades step by step to the target version and sets each version', () => {
    const v1 = { version: 1, historyRetentionDays: 30, instances: [{ id: 'radarr' }] };
    expect(migrate(v1, TEST_STEPS, 2)).toEqual({ version: 2, historyDays: 30, instances: [{ id: 'radarr' }] });
    expect(migrate(v1, TEST_STEPS, 3)).toEqual({ version: 3, historyRetentionDays: 30, instances: [{ id: 'radarr', enabled: true }] });
    expect(migrate({ version: 2, historyDays: 9 }, TEST_STEPS, 3)).toEqual({ version: 3, historyRetentionDays: 9, instances: [] });
  });

  it('never changes the document it was given', () => {
    const v1 = { version: 1, historyRetentionDays: 30, instances: [{ id: 'radarr' }] };
    const copy = structuredClone(v1);
    migrate(v1, { 1: (doc) => Object.assign(doc, { mutated: true }) }, 2);
    expect(v1).toEqual(copy);
  });

  it('stops with a clear error when a step is missing', () => {
    expect(() => migrate({ version: 1 }, { 2: (d) => d }, 3)).toThrow('no migration from settings version 1 to 2');
  });

  it('rejects newer, missing and malformed versions', () => {
    expect(() => migrate({ version: 4 }, TEST_STEPS, 3)).toThrow(new MigrationError('settings version 4 was written by a newer Trawlarr; this one reads versions up to 3: update Trawlarr'));
    expect(() => migrate({}, TEST_STEPS, 3)).toThrow('"version" is missing');
    expect(() => migrate({ version: 1.5 }, TEST_STEPS, 3)).toThrow('"version" must be a whole number from 1 to 3, got 1.5');
    expect(() => migrate({ version: 0 }, TEST_STEPS, 3)).toThrow('got 0');
    expect(() => migrate(null)).toThrow('settings must be a JSON object');
  });

  it('the real table covers every version up to the current one', () => {
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(MIGRATIONS[v], `migration ${v} → ${v + 1}`).toBeTypeOf('function');
    expect(Object.keys(MIGRATIONS).map(Number).every((v) => v >= 1 && v < SETTINGS_VERSION)).toBe(true);
    const current = { version: SETTINGS_VERSION, instances: [] };
    expect(migrate(current)).toEqual(current);
  });

  it('parseSettings checks the version before the schema and names the source', () => {
    const run = () => parseSettings({ version: 2, instances: 'not even a list' }, 'electron-store');
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/^electron-store: settings version 2 was written by a newer Trawlarr; this one reads versions up to 1: update Trawlarr$/);
  });
});
