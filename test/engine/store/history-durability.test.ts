import { spawn } from 'node:child_process';
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/engine/store/history/store';
import { entry, fakeClock, tempDir } from './history-helpers';

const DAY = 86_400_000;
const child = fileURLToPath(new URL('./fixtures/append-child.ts', import.meta.url));

/** Runs the appending child until it has reported `reported` ids (plus a random extra delay), then SIGKILLs it. */
function appendUntilKilled(dir: string, reported: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: number[] = [];
    let buf = '';
    let stderr = '';
    let killing = false;
    proc.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      // only ids the child had printed in full before the kill count as returned appends
      ids.push(...lines.map(Number));
      if (!killing && ids.length >= reported) {
        killing = true;
        setTimeout(() => proc.kill('SIGKILL'), Math.random() * 20);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(ids) : reject(new Error(`child exited without being killed: ${stderr}`))));
  });
}

describe('history store: crashes', () => {
  it('keeps every entry whose append had returned when the process is SIGKILLed mid-stream', async () => {
    const dir = await tempDir();
    const warnings: string[] = [];
    let total = 0;
    for (let round = 0; round < 3; round++) {
      const acknowledged = await appendUntilKilled(dir, 300);
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);
      const store = await HistoryStore.open({ dir, warn: (m) => warnings.push(m) });
      const present = new Set<number>();
      for (let before: number | undefined; ; ) {
        const page = await store.query({ limit: 1000, before });
        if (!page.entries.length) break;
        for (const e of page.entries) present.add(e.id);
        before = page.entries.at(-1)!.id;
      }
      for (const id of acknowledged) expect(present.has(id), `entry ${id} was acknowledged but is missing`).toBe(true);
      expect(present.size).toBe(store.size);
      expect(store.size).toBeGreaterThanOrEqual(total + acknowledged.length);
      total = store.size;
      await store.close();
    }
    expect(warnings.every((w) => /incomplete entry/.test(w))).toBe(true);
  }, 60_000);

  it('cuts off a torn last line, keeps the rest, and appends after it', async () => {
    const dir = await tempDir();
    const now = fakeClock('2026-03-01T12:00:00.000Z').now; // the entries' day: no retention at work
    let store = await HistoryStore.open({ dir, now });
    await store.append(entry({ message: 'one' }));
    await store.append(entry({ message: 'two' }));
    await store.close();
    const [segment] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
    const goodSize = (await stat(join(dir, segment))).size;
    await appendFile(join(dir, segment), '{"id":3,"at":"2026-03-01T12:00:00.000Z","instanceId":"rad');
    const warnings: string[] = [];
    store = await HistoryStore.open({ dir, now, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringContaining('ends with an incomplete entry')]);
    expect((await stat(join(dir, segment))).size).toBe(goodSize);
    const third = await store.append(entry({ message: 'three' }));
    expect(third.id).toBe(3);
    expect((await store.query()).entries.map((e) => e.message)).toEqual(['three', 'two', 'one']);
    await store.close();
  });

  it('skips a damaged line in the middle with a warning instead of failing', async () => {
    const dir = await tempDir();
    const now = fakeClock('2026-03-01T12:00:00.000Z').now;
    let store = await HistoryStore.open({ dir, now });
    await store.append(entry({ message: 'one' }));
    await store.close();
    const [segment] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
    await appendFile(join(dir, segment), '\0\0\0\0\n');
    await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.idx')).map((f) => writeFile(join(dir, f), 'garbage')));
    const warnings: string[] = [];
    store = await HistoryStore.open({ dir, now, warn: (m) => warnings.push(m) });
    await store.append(entry({ message: 'two' }));
    expect(warnings).toEqual([expect.stringContaining('skipped 1 damaged line')]);
    expect((await store.query()).entries.map((e) => e.message)).toEqual(['two', 'one']);
    await store.close();
  });

  it('a read-only open leaves a torn line alone (the writer may be mid-append)', async () => {
    const dir = await tempDir();
    const store = await HistoryStore.open({ dir });
    await store.append(entry());
    await store.close();
    const [segment] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'));
    await appendFile(join(dir, segment), '{"id":2,');
    const before = await readFile(join(dir, segment), 'utf8');
    const reader = await HistoryStore.open({ dir, readOnly: true, warn: () => undefined });
    expect(reader.size).toBe(1);
    await expect(reader.append(entry())).rejects.toThrow('read-only');
    expect(await readFile(join(dir, segment), 'utf8')).toBe(before);
  });
});

describe('history store: reopening and retention', () => {
  it('reopens to the same content from sidecars, from JSONL alone, and from stale sidecars', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2026-03-01T00:00:00.000Z');
    let store = await HistoryStore.open({ dir, now: clock.now, fsync: 'never' });
    for (let i = 0; i < 50; i++) {
      clock.advance(DAY / 5); // 03-01 04:48 to 03-11 00:00: eleven days, eleven segments
      await store.append(entry({ at: clock.iso(), jobId: i % 2 ? 'missing' : 'upgrade', items: [{ id: i, title: `ü ${i}` }] }));
    }
    const all = await store.query({ limit: 1000 });
    const missing = await store.query({ jobId: 'missing', limit: 5, offset: 3 });
    await store.close();
    expect((await readdir(dir)).filter((f) => f.endsWith('.jsonl')).length).toBe(11);

    const reopen = async () => {
      const s = await HistoryStore.open({ dir, now: clock.now });
      expect(await s.query({ limit: 1000 })).toEqual(all);
      expect(await s.query({ jobId: 'missing', limit: 5, offset: 3 })).toEqual(missing);
      return s;
    };
    await (await reopen()).close(); // with sidecars
    for (const f of (await readdir(dir)).filter((f) => f.endsWith('.idx'))) await writeFile(join(dir, f), Buffer.from('TRWHIX1\n\0\0\0\0'));
    await (await reopen()).close(); // damaged sidecars: rebuilt from the JSONL
    store = await reopen();
    await store.append(entry({ at: clock.iso() })); // active segment grows past its sidecar; no close()
    const s2 = await HistoryStore.open({ dir, now: clock.now, readOnly: true });
    expect(s2.size).toBe(51);
    expect((await s2.query({ limit: 1 })).entries[0].id).toBe(51);
    await store.close();
  });

  it('drops whole days past retention at open and when a new day starts, and ids keep growing', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2026-03-01T06:00:00.000Z');
    let store = await HistoryStore.open({ dir, now: clock.now, retentionDays: 3 });
    for (let day = 0; day < 6; day++) {
      await store.append(entry({ at: clock.iso(), message: `day ${day}` }));
      clock.advance(DAY);
    }
    // day 5 was appended at 03-06; the new day's append pruned what ended before 03-03 06:00
    expect((await store.query()).entries.map((e) => e.message)).toEqual(['day 5', 'day 4', 'day 3', 'day 2']);
    await store.close();
    clock.advance(10 * DAY);
    store = await HistoryStore.open({ dir, now: clock.now, retentionDays: 3 });
    // everything is old, but the newest segment stays (it carries the id sequence)
    expect((await store.query()).entries.map((e) => e.message)).toEqual(['day 5']);
    expect((await store.append(entry({ at: clock.iso() }))).id).toBe(7);
    expect((await store.query()).total).toBe(1);
    expect((await readdir(dir)).filter((f) => f.endsWith('.jsonl')).length).toBe(1);
    await store.close();
  });

  it('applies a shorter retention at once when the setting changes', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2026-03-01T06:00:00.000Z');
    const store = await HistoryStore.open({ dir, now: clock.now, retentionDays: 30 });
    for (let day = 0; day < 10; day++) {
      await store.append(entry({ at: clock.iso(), message: `day ${day}` }));
      clock.advance(DAY);
    }
    expect(await store.setRetentionDays(30)).toBe(0);
    expect(await store.setRetentionDays(2)).toBe(8); // now 03-11 06:00: days 0-7 (up to 03-08 06:00) are older than 2 days
    expect((await store.query()).entries.map((e) => e.message)).toEqual(['day 9', 'day 8']);
    await expect(store.setRetentionDays(0)).rejects.toThrow('at least 1 day');
    await store.close();
  });
});
