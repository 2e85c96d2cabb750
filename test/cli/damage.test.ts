/**
 * Reliability finding 9.5 through the real headless command against a simulated Radarr: a data
 * directory damaged by a power cut (zeros at the end of the history, a line torn mid-write, zeroed
 * state files). `history` and `status` read what is intact and name the damaged file on stderr;
 * `once` sets the damage aside, names it once, and runs; nothing earlier is lost.
 */
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage } from '../../src/shared/status';
import { startSimulator, type Simulator } from '../../src/simulator';
import { tempDir } from '../engine/host/support';
import { radarrInstance, runCli, writeConfig } from './support';

let radarr: Simulator;
let tmp: { dir: string; remove: () => Promise<void> };
let config: string;

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 95, size: 'small' });
  tmp = await tempDir('trawlarr-cli-damage-');
  config = await writeConfig(tmp.dir, [radarrInstance(radarr, { jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 2 }] })]);
});

afterAll(async () => {
  await radarr?.close();
  await tmp?.remove();
});

/** A data directory after a run of `once`; its history segment. */
async function dataDirWithHistory(name: string): Promise<{ dataDir: string; segment: string }> {
  const dataDir = join(tmp.dir, name);
  const r = await runCli(['once', '--config', config, '--data-dir', dataDir]);
  expect(r.code, r.stderr).toBe(0);
  const [seg] = (await readdir(join(dataDir, 'history'))).filter((f) => f.endsWith('.jsonl'));
  return { dataDir, segment: join(dataDir, 'history', seg) };
}

async function history(dataDir: string): Promise<{ code: number | null; ids: number[]; stderr: string }> {
  const r = await runCli(['history', '--data-dir', dataDir, '--json', '--limit', '1000']);
  return { code: r.code, stderr: r.stderr, ids: r.code === 0 ? (JSON.parse(r.stdout) as HistoryPage).entries.map((e) => e.id).sort((a, b) => a - b) : [] };
}

/** Ids of the lines that lie wholly in the first `end` bytes of a segment. */
async function idsBefore(segment: string, end: number): Promise<number[]> {
  const text = (await readFile(segment)).subarray(0, end).toString('utf8');
  return text.split('\n').slice(0, -1).map((l) => (JSON.parse(l) as { id: number }).id);
}

const linesNaming = (stderr: string, file: string) => stderr.split('\n').filter((l) => l.includes(file));

async function zeroTail(file: string, bytes: number): Promise<void> {
  const buf = await readFile(file);
  buf.fill(0, Math.max(0, buf.length - bytes));
  await writeFile(file, buf);
}

describe('reliability finding 9.5: damaged files after a power cut, through the CLI', () => {
  it('a history ending in NUL bytes: history and status exit 0 naming the file, once sets it aside and goes on', { timeout: 120_000 }, async () => {
    const { dataDir, segment } = await dataDirWithHistory('nul');
    const size = (await stat(segment)).size;
    await zeroTail(segment, 300);
    const intact = await idsBefore(segment, size - 300);
    expect(intact.length).toBeGreaterThan(0);

    const read = await history(dataDir);
    expect(read.code, read.stderr).toBe(0);
    expect(read.ids).toEqual(intact);
    expect(linesNaming(read.stderr, segment)).toEqual([expect.stringMatching(/^warning: history: .* is damaged: /)]);
    expect(read.stderr).not.toContain('is not valid JSON');
    expect((await runCli(['status', '--data-dir', dataDir])).code).toBe(0);

    const once = await runCli(['once', '--config', config, '--data-dir', dataDir]);
    expect(once.code, once.stderr).toBe(0);
    expect(linesNaming(once.stderr, segment)).toEqual([expect.stringContaining(`set aside in ${segment}.damaged-`)]);
    expect((await readdir(join(dataDir, 'history'))).filter((f) => f.includes('.damaged-'))).toHaveLength(1);

    const after = await history(dataDir);
    expect(after.stderr).toBe('');
    expect(after.ids.slice(0, intact.length)).toEqual(intact);
    expect(after.ids.length).toBeGreaterThan(intact.length); // the run's entries follow
  });

  it('a history line truncated mid-write: history shows the rest, once sets the torn line aside and appends after it', { timeout: 120_000 }, async () => {
    const { dataDir, segment } = await dataDirWithHistory('torn');
    const intact = await idsBefore(segment, (await stat(segment)).size);
    await appendFile(segment, `{"id":${intact.at(-1)! + 1},"at":"2026-03-01T12:00:00.000Z","instanceId":"rad`);

    // a reader cannot tell a torn line from a write in progress: it shows the rest and says nothing
    const read = await history(dataDir);
    expect(read.code, read.stderr).toBe(0);
    expect(read.ids).toEqual(intact);

    const once = await runCli(['once', '--config', config, '--data-dir', dataDir]);
    expect(once.code, once.stderr).toBe(0);
    expect(linesNaming(once.stderr, segment)).toEqual([expect.stringMatching(/is damaged: it ends with an incomplete entry .*set aside in/)]);
    expect((await readdir(join(dataDir, 'history'))).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
    const after = await history(dataDir);
    expect(after.ids.slice(0, intact.length)).toEqual(intact);
    expect(after.ids[intact.length]).toBe(intact.at(-1)! + 1);
  });

  it('zeroed state files (status, cycle, schedule, budget): status and once exit 0 naming each, the budget rebuilt from the history', { timeout: 120_000 }, async () => {
    const { dataDir } = await dataDirWithHistory('state');
    const state = (type: string, key: string) => join(dataDir, 'state', type, `${key}.json`);
    const files = { status: state('engine-status', 'all'), cycle: state('job-cycle', 'radarr%2Fmissing'), schedule: state('schedule', 'radarr'), budget: state('budget-ledger', 'all') };
    for (const f of Object.values(files)) await zeroTail(f, (await stat(f)).size);
    const before = await history(dataDir);

    const status = await runCli(['status', '--data-dir', dataDir, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(linesNaming(status.stderr, files.status)).toEqual([expect.stringContaining('is not valid JSON')]);
    expect(await readFile(files.status)).toEqual(Buffer.alloc((await stat(files.status)).size)); // a reader renames nothing

    const once = await runCli(['once', '--config', config, '--data-dir', dataDir]);
    expect(once.code, once.stderr).toBe(0);
    for (const f of [files.cycle, files.schedule]) expect(linesNaming(once.stderr, f)).toEqual([expect.stringContaining('moved it to')]);
    expect(linesNaming(once.stderr, files.budget)).toEqual([expect.stringMatching(/rebuilt the budget spends of the last 24 h from the history \(\d+ searches\)/)]);
    for (const f of [files.cycle, files.schedule, files.budget]) {
      expect((await readdir(join(f, '..'))).some((n) => n.includes('.corrupt-')), f).toBe(true);
    }
    const after = await history(dataDir);
    expect(after.ids.slice(0, before.ids.length)).toEqual(before.ids);
    expect(after.ids.length).toBeGreaterThan(before.ids.length);
    const status2 = await runCli(['status', '--data-dir', dataDir, '--json']);
    expect(status2.code).toBe(0);
    expect(status2.stderr).toBe('');
  });
});
