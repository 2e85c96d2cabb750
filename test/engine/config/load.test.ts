import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, saveConfigFile } from '../../../src/engine/config';

const KEY = '3f9c2a7be1d04c5f8a6e0b9d7c1a1a2b';
let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'trawlarr-config-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

const radarr = (over: Record<string, unknown> = {}) => ({ id: 'radarr', name: 'Radarr', kind: 'radarr', url: 'http://localhost:7878', apiKey: KEY, ...over });

async function write(content: unknown): Promise<string> {
  const path = join(dir, 'trawlarr.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function loadError(path: string): Promise<ConfigError> {
  const err = await loadConfigFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('loadConfigFile', () => {
  it('loads the shipped example with defaults filled and env references kept as written', async () => {
    const settings = await loadConfigFile(new URL('../../../examples/trawlarr.json', import.meta.url).pathname);
    expect(settings.version).toBe(1);
    expect(settings.instances[0].apiKey).toBe('env:RADARR_API_KEY');
    expect(settings.instances[0].jobs[0]).toMatchObject({ id: 'missing', itemsPerRun: 'auto', unattended: true });
  });

  it('names the file and every bad field by instance and job id, and never echoes a key', async () => {
    const path = await write({
      version: 1,
      instances: [radarr({ jobs: [{ id: 'upgrade', type: 'upgrade', itemsPerRun: 500 }], throughput: { maxPerHour: 0 } }), radarr({ id: 'radarr', url: KEY })],
    });
    const err = await loadError(path);
    expect(err.message).toContain(`${path}: invalid settings:`);
    expect(err.message).toContain('  - instances["radarr"].jobs["upgrade"].itemsPerRun: Too big: expected number to be <=100');
    expect(err.message).toContain('  - instances["radarr"].throughput.maxPerHour: Too small: expected number to be >=1');
    expect(err.message).toContain('instances["radarr"].url: url must be a full address');
    expect(err.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['instances["radarr"].jobs["upgrade"].itemsPerRun']));
    expect(err.message).not.toContain(KEY);
    expect(JSON.stringify(err.issues)).not.toContain(KEY);
  });

  it('refuses a misspelt setting instead of silently ignoring it', async () => {
    const path = await write({ version: 1, instances: [radarr({ jobs: [{ id: 'upgrade', type: 'upgrade', itemPerRun: 5 }] })], horizonDay: 30 });
    const err = await loadError(path);
    expect(err.issues).toEqual([
      { path: 'instances["radarr"].jobs["upgrade"].itemPerRun', message: 'unknown setting (check the spelling)' },
      { path: 'horizonDay', message: 'unknown setting (check the spelling)' },
    ]);
  });

  it('reports broken JSON by line and column without quoting the file', async () => {
    const path = await write(`{\n  "version": 1,\n  "instances": [{ "apiKey": ${KEY} }]\n}\n`);
    const err = await loadError(path);
    expect(err.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON near line 3, column \\d+`));
    expect(err.message).not.toContain(KEY.slice(0, 8));
    const truncated = await loadError(await write('{ "version": 1, "instances": ['));
    expect(truncated.message).toContain('not valid JSON (the file ends too early)');
    const comma = await loadError(await write('{ "version": 1,\n "instances": [] ,}'));
    expect(comma.message).toMatch(/not valid JSON near line 2, column \d+/);
  });

  it('accepts a UTF-8 byte order mark (Windows editors)', async () => {
    const settings = await loadConfigFile(await write('\uFEFF{ "version": 1 }'));
    expect(settings.instances).toEqual([]);
  });

  it('says clearly when the file is missing, or the version is missing, invalid or newer', async () => {
    expect((await loadError(join(dir, 'nope.json'))).message).toBe(`${join(dir, 'nope.json')}: file not found`);
    expect((await loadError(await write({ instances: [] }))).message).toContain('"version" is missing: add "version": 1');
    expect((await loadError(await write({ version: '1' }))).message).toContain('"version" must be a whole number from 1 to 1, got "1"');
    expect((await loadError(await write({ version: 7 }))).message).toContain('settings version 7 was written by a newer Trawlarr');
    expect((await loadError(await write([1, 2]))).message).toContain('settings must be a JSON object');
  });
});

describe('saveConfigFile', () => {
  it('round-trips: saving what was loaded loads back equal, with env references untouched', async () => {
    const path = await write({ version: 1, instances: [radarr({ apiKey: 'env:RADARR_KEY', jobs: [{ id: 'upgrade', type: 'upgrade' }] })] });
    const loaded = await loadConfigFile(path);
    await saveConfigFile(path, loaded);
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text).instances[0].apiKey).toBe('env:RADARR_KEY');
    expect(await loadConfigFile(path)).toEqual(loaded);
    await saveConfigFile(path, loaded);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('creates a new file readable by its owner only, and keeps an existing file\'s mode', async () => {
    const settings = await loadConfigFile(await write({ version: 1, instances: [radarr()] }));
    const fresh = join(dir, 'new.json');
    await saveConfigFile(fresh, settings);
    if (process.platform !== 'win32') expect((await stat(fresh)).mode & 0o777).toBe(0o600);
    const { chmod } = await import('node:fs/promises');
    await chmod(fresh, 0o640);
    await saveConfigFile(fresh, settings);
    if (process.platform !== 'win32') expect((await stat(fresh)).mode & 0o777).toBe(0o640);
  });

  it('refuses to write invalid settings and leaves the old file as it was', async () => {
    const path = await write({ version: 1, instances: [radarr()] });
    const before = await readFile(path, 'utf8');
    const settings = await loadConfigFile(path);
    settings.instances[0].throughput.maxPerDay = 5000;
    await expect(saveConfigFile(path, settings)).rejects.toThrow('instances["radarr"].throughput.maxPerDay: Too big');
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});
