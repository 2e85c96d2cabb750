import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  backoffDoc,
  backoffSchema,
  budgetLedgerDoc,
  defineDocument,
  jobCycleDoc,
  jobKey,
  refreshStampsDoc,
  StateFileError,
  StateStore,
} from '../../../src/engine/store/state';
import { tempDir } from './history-helpers';

const now = () => Date.parse('2026-03-01T12:00:00.000Z');

describe('state store', () => {
  it('starts from the initial value and reads back what was written, per key', async () => {
    const dir = await tempDir();
    const store = await StateStore.open(dir, { now });
    expect(await store.read(jobCycleDoc, jobKey('radarr', 'upgrade'))).toEqual({ cycle: 1, done: 0, eligible: 0, progress: {} });
    const state = { cycle: 3, cycleStartedAt: now(), done: 12, eligible: 40, progress: { '7': { seasons: [1], episodes: [101, 102] } } };
    await store.write(jobCycleDoc, jobKey('radarr', 'upgrade'), state);
    await store.write(jobCycleDoc, jobKey('sonarr', 'missing'), { ...state, cycle: 9 });
    const reopened = await StateStore.open(dir);
    expect(await reopened.read(jobCycleDoc, 'radarr/upgrade')).toEqual(state);
    expect((await reopened.read(jobCycleDoc, 'sonarr/missing')).cycle).toBe(9);
    expect(await reopened.keys(jobCycleDoc)).toEqual(['radarr/upgrade', 'sonarr/missing']);
    await reopened.delete(jobCycleDoc, 'sonarr/missing');
    expect(await reopened.keys(jobCycleDoc)).toEqual(['radarr/upgrade']);
    const file = JSON.parse(await readFile(join(dir, 'state', 'job-cycle', 'radarr%2Fupgrade.json'), 'utf8'));
    expect(file).toMatchObject({ type: 'job-cycle', version: 1, savedAt: '2026-03-01T12:00:00.000Z', data: state });
  });

  it('does not lose concurrent updates of one document', async () => {
    const store = await StateStore.open(await tempDir());
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update(budgetLedgerDoc, 'all', async (l) => {
          await new Promise((r) => setTimeout(r, i % 3));
          return { ...l, spends: { ...l.spends, radarr: [...(l.spends.radarr ?? []), { at: i, cost: 1 }] } };
        }),
      ),
    );
    expect((await store.read(budgetLedgerDoc, 'all')).spends.radarr).toHaveLength(50);
  });

  it('refuses to save invalid state and keeps the last good document', async () => {
    const store = await StateStore.open(await tempDir());
    await store.write(backoffDoc, 'radarr', { state: 'down', failures: 2, retryAt: 5 });
    await expect(store.write(backoffDoc, 'radarr', { state: 'down', failures: -1 })).rejects.toThrow('refusing to save invalid "backoff" state: failures');
    expect((await store.read(backoffDoc, 'radarr')).failures).toBe(2);
    await expect(store.read(backoffDoc, '../escape')).rejects.toThrow('state key "../escape" must be');
  });

  it('names the file when a document is damaged, invalid, of another type or from a newer version', async () => {
    const dir = await tempDir();
    const store = await StateStore.open(dir);
    // a type that refuses damage (the real backoff document sets damage aside: see finding 9.5's tests)
    const strictBackoff = defineDocument({ name: 'backoff', version: 1, schema: backoffSchema, initial: backoffDoc.initial });
    await store.write(strictBackoff, 'radarr', { state: 'ok', failures: 0 });
    const file = join(dir, 'state', 'backoff', 'radarr.json');
    const cases: [string, string][] = [
      ['{"type":"backoff","version":1,"data":{"state":"o', 'is not valid JSON (damaged?)'],
      ['{"type":"backoff","version":1,"data":{"state":"sleepy","failures":0}}', 'state: Invalid option'],
      ['{"type":"pause","version":1,"data":{}}', 'is not a "backoff" state document'],
      ['{"type":"backoff","version":3,"data":{}}', 'was written by a newer Trawlarr (version 3; this one reads up to 1)'],
    ];
    for (const [content, why] of cases) {
      await writeFile(file, content);
      const err = await store.read(strictBackoff, 'radarr').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StateFileError);
      expect((err as Error).message).toContain(`state file ${file}: ${why}`);
    }
  });

  it('moves a damaged document of a quarantine type aside with a warning and starts afresh', async () => {
    const dir = await tempDir();
    const warnings: string[] = [];
    const store = await StateStore.open(dir, { now, warn: (m) => warnings.push(m) });
    await store.write(refreshStampsDoc, 'radarr/refresh', new Map([[1, 1000]]));
    await writeFile(join(dir, 'state', 'refresh-stamps', 'radarr%2Frefresh.json'), '\0\0\0');
    expect(await store.read(refreshStampsDoc, 'radarr/refresh')).toEqual(new Map());
    expect(warnings).toEqual([expect.stringMatching(/refresh-stamps.+ is not valid JSON .+; moved it to .+\.corrupt-2026-03-01T12-00-00-000Z and started afresh/)]);
    expect((await readdir(join(dir, 'state', 'refresh-stamps'))).sort()).toEqual(['radarr%2Frefresh.json.corrupt-2026-03-01T12-00-00-000Z']);
  });

  it('migrates a document written by an older version on read', async () => {
    const dir = await tempDir();
    const v1 = defineDocument({ name: 'queue-note', version: 1, schema: z.object({ note: z.string() }), initial: () => ({ note: '' }) });
    const v2 = defineDocument({
      name: 'queue-note',
      version: 2,
      schema: z.object({ notes: z.array(z.string()) }),
      initial: () => ({ notes: [] as string[] }),
      migrations: { 1: (d) => ({ notes: [(d as { note: string }).note] }) },
    });
    const store = await StateStore.open(dir);
    await store.write(v1, 'radarr', { note: 'hello' });
    expect(await store.read(v2, 'radarr')).toEqual({ notes: ['hello'] });
    expect(() => defineDocument({ name: 'x', version: 2, schema: z.object({}), initial: () => ({}) })).toThrow('no migration from version 1');
  });

  it('keeps file names safe: reserved Windows names and slashes are encoded and listed back', async () => {
    const dir = await tempDir();
    const store = await StateStore.open(dir);
    await store.write(backoffDoc, 'con', { state: 'ok', failures: 0 });
    await store.write(backoffDoc, 'a/b', { state: 'ok', failures: 1 });
    expect((await readdir(join(dir, 'state', 'backoff'))).sort()).toEqual(['_con.json', 'a%2Fb.json']);
    expect(await store.keys(backoffDoc)).toEqual(['a/b', 'con']);
  });
});

describe('refresh stamps', () => {
  it('round-trips 40,000 items compactly (whole seconds)', async () => {
    const dir = await tempDir();
    const store = await StateStore.open(dir);
    const stamps = new Map<number, number>();
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 40_000; i++) stamps.set(1 + i * 3 + (i % 7), t0 + Math.floor(i / 500) * 86_400_000 + 1234);
    await store.write(refreshStampsDoc, 'radarr/refresh', stamps);
    const back = await store.read(refreshStampsDoc, 'radarr/refresh');
    expect(back.size).toBe(40_000);
    for (const [id, ms] of stamps) expect(back.get(id)).toBe(Math.floor(ms / 1000) * 1000);
    const size = (await readFile(join(dir, 'state', 'refresh-stamps', 'radarr%2Frefresh.json'))).length;
    expect(size).toBeLessThan(150_000);
  });
});

describe('state store: crashes', () => {
  it('a SIGKILL during a write leaves the previous or the new document, never a broken one', async () => {
    const dir = await tempDir();
    const child = fileURLToPath(new URL('./fixtures/state-writer-child.ts', import.meta.url));
    for (let attempt = 0; attempt < 3; attempt++) {
      const lastReported = await new Promise<number>((resolve, reject) => {
        const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        let killing = false;
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (!killing && out.split('\n').length > 3 + attempt) {
            killing = true;
            setTimeout(() => proc.kill('SIGKILL'), Math.random() * 30);
          }
        });
        proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
        proc.on('close', (_c, signal) => {
          const rounds = out.split('\n').filter(Boolean).map(Number);
          if (signal === 'SIGKILL') resolve(rounds.at(-1) ?? 0);
          else reject(new Error(err));
        });
      });
      const stamps = await (await StateStore.open(dir)).read(refreshStampsDoc, 'radarr/refresh');
      expect(stamps.size).toBe(40_000);
      const round = stamps.get(1)! / 1000;
      // the round the child reported last, or the one it was writing when killed
      expect([lastReported, lastReported + 1]).toContain(round);
      expect(new Set(stamps.values())).toEqual(new Set([round * 1000]));
    }
  }, 60_000);
});
