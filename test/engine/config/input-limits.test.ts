/**
 * Issue 9, finding 6: user JSON (the config file, an imported file, settings about to be saved,
 * a document handed to the migrations) with prototype names as fields, `__proto__`, absurd
 * nesting, or malformed instances: each is refused with the field named, quickly, and nothing
 * is polluted.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, importSettingsJson, loadConfigFile, migrate, MigrationError, parseSettings, saveConfigFile } from '../../../src/engine/config';
import type { Settings } from '../../../src/shared/settings';

const KEY = '3f9c2a7be1d04c5f8a6e0b9d7c1a1a2b';
let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'trawlarr-input-'))));
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  // whatever a test fed in, no object gained a property through its prototype
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const radarr = (over: Record<string, unknown> = {}) => ({ id: 'radarr', name: 'Radarr', kind: 'radarr', url: 'http://localhost:7878', apiKey: KEY, ...over });
const jobs = (second: Record<string, unknown>) => [{ id: 'upgrade', type: 'upgrade' }, { id: 'missing', type: 'missing', ...second }];

async function loadText(text: string): Promise<ConfigError> {
  const path = join(dir, 'trawlarr.json');
  await writeFile(path, text);
  const err = await loadConfigFile(path).then(
    () => new Error('the file was accepted'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('security finding 9.6: prototype names are not field names', () => {
  it('constructor, toString, hasOwnProperty and valueOf are refused, naming where they are', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const err = await loadText(JSON.stringify({ version: 1, instances: [radarr({ jobs: jobs({ [name]: 1 }) })] }));
      expect(err.message).toBe(`${join(dir, 'trawlarr.json')}: invalid settings:\n  - instances["radarr"].jobs["missing"]: unknown field "${name}"`);
      expect(err.issues).toEqual([{ path: 'instances["radarr"].jobs["missing"]', message: `unknown field "${name}"` }]);
    }
    const top = await loadText('{"version":1,"valueOf":{}}');
    expect(top.issues).toEqual([{ path: '', message: 'unknown field "valueOf"' }]);
    const deepInside = await loadText(JSON.stringify({ version: 1, instances: [radarr({ throughput: { activeHours: [{ start: '01:00', end: '02:00', toString: 'x' }] } })] }));
    expect(deepInside.issues[0].path).toBe('instances["radarr"].throughput.activeHours[0]');
  });

  it('__proto__ is refused wherever it is, even empty or spelt with escapes, and pollutes nothing', async () => {
    const texts = [
      '{"version":1,"__proto__":{}}',
      '{"version":1,"__proto__":{"polluted":true}}',
      `{"version":1,"instances":[{"id":"radarr","name":"R","kind":"radarr","url":"http://a:1","apiKey":"${KEY}","\\u005f_proto__":{"polluted":true}}]}`,
    ];
    for (const text of texts) {
      const err = await loadText(text);
      expect(err.message, text).toMatch(/: unknown field "__proto__"$/);
    }
  });

  it('settings about to be saved and documents given to the migrations are checked the same way', async () => {
    const path = join(dir, 'saved.json');
    await writeFile(path, '{"version":1}');
    const withProto = JSON.parse(`{"version":1,"instances":[],"notifications":{"__proto__":{"polluted":true}}}`) as Settings;
    await expect(saveConfigFile(path, withProto)).rejects.toThrow('notifications: unknown field "__proto__"');
    const withCtor = JSON.parse('{"version":1,"constructor":{"prototype":{"polluted":true}}}') as Settings;
    await expect(saveConfigFile(path, withCtor)).rejects.toThrow('(settings): unknown field "constructor"');
    expect(await readFile(path, 'utf8')).toBe('{"version":1}');

    expect(() => migrate(JSON.parse('{"version":1,"instances":[{"constructor":1}]}'))).toThrow(new MigrationError('instances[0]: unknown field "constructor"'));
    expect(() => migrate(JSON.parse(`{"version":1,"instances":${nested(100_000)}}`))).toThrow(/^instances\[0\]\[0\].*: nested deeper than 32 levels$/);
  });
});

describe('security finding 9.6: depth', () => {
  it('a deeply nested file is refused quickly with a usage-type error naming where, not a stack overflow', async () => {
    const started = Date.now();
    const err = await loadText(`{"version":1,\n"instances":[${nested(3_000_000)}]}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err.message).toMatch(/invalid settings:\n {2}- instances\[0\]\[0\]\[0\].*…: nested deeper than 32 levels \(near line 2, column \d+\)$/);
  });

  it('a document nested deeper than the limit but not from a file (the desktop store) is refused too', () => {
    let doc: unknown = [];
    for (let i = 0; i < 100_000; i++) doc = [doc];
    expect(() => parseSettings({ version: 1, instances: doc }, 'electron-store')).toThrow(/^electron-store: invalid settings:\n {2}- instances\[0\].*: nested deeper than 32 levels$/);
  });

  it('real settings are far from the limit', async () => {
    const settings = await loadConfigFile(new URL('../../../examples/trawlarr.json', import.meta.url).pathname);
    expect(settings.instances.length).toBeGreaterThan(0);
  });
});

describe('security finding 9.6: importing malformed instances', () => {
  const current = parseSettings({ version: 1, instances: [radarr()] }, 'current');
  const importError = (json: string): ConfigError => {
    try {
      importSettingsJson(json, current);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return err as ConfigError;
    }
    throw new Error('the import was accepted');
  };

  it('an instance without id or key is named by its place with every problem, never "undefined"', () => {
    const err = importError('{"version":1,"instances":[{"name":"x"}]}');
    expect(err.message).not.toContain('undefined"');
    expect(err.issues.map((i) => i.path)).toEqual(['instances[0].id', 'instances[0].kind', 'instances[0].url', 'instances[0].apiKey']);
    expect(err.message).toContain('  - instances[0].apiKey: API key is required: the file has none and no instance with this id is stored');
  });

  it('an id that is not a string, or an instance that is not an object, is a validation error, not a crash', () => {
    expect(importError('{"version":1,"instances":[{"id":{"a":1}}]}').issues[0].path).toBe('instances[0].id');
    expect(importError('{"version":1,"instances":[{"id":{"toString":1}}]}').issues).toEqual([{ path: 'instances[0].id', message: 'unknown field "toString"' }]);
    expect(importError('{"version":1,"instances":[7]}').issues[0].path).toBe('instances[0]');
  });

  it('prototype keys, __proto__ and depth are refused in an import as in a file', () => {
    const withJob = JSON.stringify({ version: 1, instances: [radarr({ jobs: jobs({ hasOwnProperty: true }) })] });
    expect(importError(withJob).issues).toEqual([{ path: 'instances["radarr"].jobs["missing"]', message: 'unknown field "hasOwnProperty"' }]);
    expect(importError('{"version":1,"__proto__":{"polluted":1}}').issues).toEqual([{ path: '', message: 'unknown field "__proto__"' }]);
    const started = Date.now();
    expect(importError(`{"version":1,"instances":${nested(500_000)}}`).message).toMatch(/nested deeper than 32 levels \(near line 1, column \d+\)$/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('thousands of malformed instances: the first 50 problems and a count of the rest', () => {
    const many = JSON.stringify({ version: 1, instances: Array.from({ length: 5000 }, (_, i) => ({ name: `n${i}`, apiKey: `key-of-instance-${i}` })) });
    const err = importError(many);
    expect(err.issues).toHaveLength(51);
    expect(err.issues[50]).toEqual({ path: '', message: '… and 14950 more problems' });
    expect(err.message.split('\n')).toHaveLength(52);
  });

  it('a well-formed instance without a key still gets the plain explanation', () => {
    const err = importError(JSON.stringify({ version: 1, instances: [radarr({ id: 'other', apiKey: undefined })] }));
    expect(err.message).toBe('the imported file has no API key for "other" (Radarr), and none is stored for it: export again with keys included, or add that instance first');
  });
});
