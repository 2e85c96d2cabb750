/**
 * Reliability finding 9.5 through the store API: files damaged by a power cut (a tail of zeros),
 * a write torn mid-line, a sidecar index pointing at damaged lines, damaged state documents. Each:
 * no throw, one warning naming the file, every earlier entry kept, the damage copied aside, and the
 * next write works.
 */
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchedulerState } from '../../../src/engine/host/persistence';
import { ledgerFromHistory } from '../../../src/engine/host/budget-recovery';
import { jobJournalDoc } from '../../../src/engine/run/journal';
import { HistoryStore } from '../../../src/engine/store/history/store';
import { budgetLedgerDoc, jobCycleDoc, pauseDoc, scheduleDoc, SINGLETON, StateStore } from '../../../src/engine/store/state';
import { settingsSchema } from '../../../src/shared/settings';
import { entry, fakeClock, tempDir } from './history-helpers';

const AT = '2026-03-01T12:00:00.000Z';
const now = fakeClock(AT).now; // the entries' day: no retention at work

/** A store with `n` entries (messages m1..mn), closed, so its sidecar covers them all. */
async function storeWith(n: number): Promise<{ dir: string; segment: string }> {
  const dir = await tempDir();
  const store = await HistoryStore.open({ dir, now });
  for (let i = 1; i <= n; i++) await store.append(entry({ message: `m${i}` }));
  await store.close();
  const [name] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
  return { dir, segment: join(dir, name) };
}

/** Overwrites the last `bytes` of a file with zeros, keeping its size (ext4 after a power cut). */
async function zeroTail(file: string, bytes: number): Promise<void> {
  const buf = await readFile(file);
  buf.fill(0, buf.length - bytes);
  await writeFile(file, buf);
}

async function messages(store: HistoryStore): Promise<string[]> {
  return (await store.query({ limit: 1000 })).entries.map((e) => e.message!).reverse();
}

async function asideFiles(dir: string, suffix: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.includes(suffix));
}

describe('reliability finding 9.5: damaged history files after a power cut', () => {
  it('a NUL tail under a valid sidecar: set aside, earlier entries kept, appends go on', async () => {
    const { dir, segment } = await storeWith(5);
    const lineLength = (await readFile(segment, 'utf8')).split('\n')[4].length + 1;
    await zeroTail(segment, lineLength + 10); // the last entry and the end of the one before

    // a reader (`trawlarr history` while the engine runs) skips it and changes nothing
    const readerWarnings: string[] = [];
    const before = await readFile(segment);
    const reader = await HistoryStore.open({ dir, readOnly: true, warn: (m) => readerWarnings.push(m) });
    expect(await messages(reader)).toEqual(['m1', 'm2', 'm3']);
    expect(readerWarnings).toEqual([expect.stringContaining(`history: ${segment} is damaged`)]);
    expect(await readFile(segment)).toEqual(before);

    const warnings: string[] = [];
    const store = await HistoryStore.open({ dir, now, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^history: ${segment} is damaged: .*set aside in ${segment}\\.damaged-`))]);
    expect(await messages(store)).toEqual(['m1', 'm2', 'm3']);
    const [aside] = await asideFiles(dir, '.damaged-');
    expect((await readFile(join(dir, aside))).includes(0)).toBe(true);
    await store.append(entry({ message: 'after' }));
    expect(await messages(store)).toEqual(['m1', 'm2', 'm3', 'after']);
    await store.close();

    const again: string[] = [];
    const reopened = await HistoryStore.open({ dir, now, warn: (m) => again.push(m) });
    expect(await messages(reopened)).toEqual(['m1', 'm2', 'm3', 'after']);
    expect(again).toEqual([]);
    await reopened.close();
  });

  it('zeros appended past the sidecar (the file grew, its data never reached the disk): set aside', async () => {
    const { dir, segment } = await storeWith(3);
    await appendFile(segment, Buffer.alloc(4096));
    const warnings: string[] = [];
    const store = await HistoryStore.open({ dir, now, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining(`history: ${segment} is damaged`)]);
    expect(await asideFiles(dir, '.damaged-')).toHaveLength(1);
    await store.append(entry({ message: 'after' }));
    expect(await messages(store)).toEqual(['m1', 'm2', 'm3', 'after']);
    await store.close();
  });

  it('a line truncated mid-write: set aside, the rest kept, the next append follows', async () => {
    const { dir, segment } = await storeWith(2);
    const torn = '{"id":3,"at":"2026-03-01T12:00:00.000Z","instanceId":"rad';
    await appendFile(segment, torn);
    const warnings: string[] = [];
    const store = await HistoryStore.open({ dir, now, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining(`history: ${segment} is damaged: it ends with an incomplete entry`)]);
    const [aside] = await asideFiles(dir, '.damaged-');
    expect(await readFile(join(dir, aside), 'utf8')).toBe(torn);
    expect((await store.append(entry({ message: 'three' }))).id).toBe(3);
    expect(await messages(store)).toEqual(['m1', 'm2', 'three']);
    await store.close();
  });

  it('a sidecar index pointing at damaged lines of an older segment, and a zeroed sidecar: rebuilt, damage set aside', async () => {
    const clock = fakeClock('2026-03-01T12:00:00.000Z');
    const dir = await tempDir();
    let store = await HistoryStore.open({ dir, now: clock.now });
    for (let i = 1; i <= 4; i++) await store.append(entry({ at: clock.iso(), message: `d1-${i}` }));
    clock.advance(86_400_000); // a new day seals the first segment (its sidecar is written)
    for (let i = 1; i <= 2; i++) await store.append(entry({ at: clock.iso(), message: `d2-${i}` }));
    await store.close();
    const segments = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
    expect(segments).toHaveLength(2);
    const older = join(dir, segments[0]);
    // the older segment's middle: entry 3 zeroed in place (entry 4 intact after it)
    const text = await readFile(older, 'utf8');
    const lines = text.split('\n');
    const start = Buffer.byteLength(lines.slice(0, 2).join('\n') + '\n');
    const buf = await readFile(older);
    buf.fill(0, start, start + Buffer.byteLength(lines[2]));
    await writeFile(older, buf);
    // and the newer segment's sidecar zeroed (it is written without fsync)
    const newerIdx = join(dir, segments[1].replace('.jsonl', '.idx'));
    await writeFile(newerIdx, Buffer.alloc((await stat(newerIdx)).size));

    const warnings: string[] = [];
    store = await HistoryStore.open({ dir, now: clock.now, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining(`history: ${older} is damaged: skipped 1 damaged line(s)`)]);
    expect(await messages(store)).toEqual(['d1-1', 'd1-2', 'd1-4', 'd2-1', 'd2-2']);
    expect(await asideFiles(dir, '.damaged-')).toHaveLength(1);
    await store.append(entry({ at: clock.iso(), message: 'after' }));
    await store.close();
    store = await HistoryStore.open({ dir, now: clock.now, warn: (m) => warnings.push(m) });
    expect(await messages(store)).toEqual(['d1-1', 'd1-2', 'd1-4', 'd2-1', 'd2-2', 'after']);
    expect(warnings).toHaveLength(1);
    await store.close();
  });

  it('a line damaged after the store was opened is left out of a page with a warning, never thrown', async () => {
    const { dir, segment } = await storeWith(3);
    const warnings: string[] = [];
    const store = await HistoryStore.open({ dir, readOnly: true, warn: (m) => warnings.push(m) });
    await zeroTail(segment, 20);
    expect(await messages(store)).toEqual(['m1', 'm2']);
    expect(await messages(store)).toEqual(['m1', 'm2']);
    expect(warnings).toEqual([expect.stringContaining(`history: ${segment} is damaged: entries 3 no longer read back`)]);
  });
});

describe('reliability finding 9.5: damaged state files', () => {
  it('a zeroed cycle, schedule, pause or journal document is set aside and read as its initial value', async () => {
    const dir = await tempDir();
    const warnings: string[] = [];
    const store = await StateStore.open(dir, { now, warn: (m) => warnings.push(m) });
    await store.write(jobCycleDoc, 'radarr/missing', { cycle: 3, done: 5, eligible: 9, progress: {} });
    await store.write(scheduleDoc, 'radarr', { version: 1, jobs: { missing: { lastRunAt: 1 } } });
    await store.write(pauseDoc, SINGLETON, { all: true, instances: [], jobs: [] });
    await store.write(jobJournalDoc, 'radarr/missing', { entries: [] });
    const files = {
      cycle: join(dir, 'state', 'job-cycle', 'radarr%2Fmissing.json'),
      schedule: join(dir, 'state', 'schedule', 'radarr.json'),
      pause: join(dir, 'state', 'pause', 'all.json'),
      journal: join(dir, 'state', 'job-journal', 'radarr%2Fmissing.json'),
    };
    for (const f of Object.values(files)) await zeroTail(f, (await stat(f)).size);

    expect(await store.read(jobCycleDoc, 'radarr/missing')).toEqual(jobCycleDoc.initial());
    expect(await store.read(scheduleDoc, 'radarr')).toEqual(scheduleDoc.initial());
    expect(await store.read(pauseDoc, SINGLETON)).toEqual(pauseDoc.initial());
    expect(await store.read(jobJournalDoc, 'radarr/missing')).toEqual(jobJournalDoc.initial());
    expect(warnings).toHaveLength(4);
    for (const [i, f] of Object.values(files).entries()) {
      expect(warnings[i]).toMatch(new RegExp(`^state file ${f}: is not valid JSON \\(damaged\\?\\); moved it to ${f}\\.corrupt-`));
      expect((await readdir(join(f, '..'))).some((n) => n.includes('.corrupt-'))).toBe(true);
    }
    await store.write(jobCycleDoc, 'radarr/missing', { cycle: 1, done: 1, eligible: 9, progress: {} });
    expect((await store.read(jobCycleDoc, 'radarr/missing')).done).toBe(1);
  });

  it('a zeroed budget ledger is rebuilt from the history, never started empty', async () => {
    const dir = await tempDir();
    const clock = fakeClock(AT);
    const history = await HistoryStore.open({ dir: join(dir, 'history'), now: clock.now });
    await history.append(entry({ at: new Date(clock.now() - 25 * 3_600_000).toISOString(), cost: 7 })); // older than a day
    await history.append(entry({ at: new Date(clock.now() - 3_600_000).toISOString(), cost: 2 }));
    await history.append(entry({ at: new Date(clock.now() - 60_000).toISOString(), cost: 3, dryRun: true }));
    await history.append(entry({ at: new Date(clock.now() - 60_000).toISOString(), instanceId: 'radarr-4k', cost: 1 }));
    const lines: string[] = [];
    const store = await StateStore.open(dir, { now: clock.now });
    await store.write(budgetLedgerDoc, SINGLETON, { version: 1, spends: { 'group:movies': [{ at: clock.now() - 1000, cost: 99 }] } });
    const file = join(dir, 'state', 'budget-ledger', 'all.json');
    await zeroTail(file, (await stat(file)).size);

    const settings = settingsSchema.parse({
      version: 1,
      instances: [
        { id: 'radarr', name: 'R', kind: 'radarr', url: 'http://127.0.0.1:1', apiKey: 'a'.repeat(32), budgetGroup: 'movies' },
        { id: 'radarr-4k', name: 'R4', kind: 'radarr', url: 'http://127.0.0.1:2', apiKey: 'b'.repeat(32), budgetGroup: 'movies' },
      ],
      budgetGroups: [{ id: 'movies', name: 'Movies', maxPerHour: 10, maxPerDay: 100 }],
    });
    const state = await loadSchedulerState(store, ['radarr'], { rebuild: () => ledgerFromHistory(history, settings, clock.now()), log: (l) => lines.push(l) });
    expect(state.budget).toEqual({ version: 1, spends: { 'group:movies': [{ at: clock.now() - 3_600_000, cost: 2 }, { at: clock.now() - 60_000, cost: 1 }] } });
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^state file ${file}: is not valid JSON .*moved it to ${file}\\.corrupt-.* rebuilt the budget spends of the last 24 h from the history \\(2 searches\\)`))]);
    // without a way to rebuild it, a damaged ledger is still refused, naming the file
    await store.write(budgetLedgerDoc, SINGLETON, state.budget!);
    await zeroTail(file, (await stat(file)).size);
    await expect(loadSchedulerState(store, [])).rejects.toThrow(`state file ${file}: is not valid JSON`);
    await history.close();
  });
});
