import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/engine/store/history/store';
import type { HistoryStatus } from '../../../src/shared/status';
import { entry, fakeClock, tempDir } from './history-helpers';

const STATUSES: HistoryStatus[] = ['searched', 'grabbed', 'failed', 'skipped'];

/** 200 entries, one a minute, over two instances and three jobs, statuses in rotation. */
async function seeded(dir: string) {
  const clock = fakeClock('2026-03-01T00:00:00.000Z');
  const store = await HistoryStore.open({ dir, now: clock.now, fsync: 'never' });
  const expected = [];
  for (let i = 0; i < 200; i++) {
    const e = entry({
      at: new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 60_000).toISOString(),
      instanceId: i % 2 ? 'sonarr' : 'radarr',
      jobId: ['missing', 'upgrade', 'refresh'][i % 3],
      status: STATUSES[Math.floor(i / 5) % 4],
      items: [{ id: i, title: `Item ${i}` }],
    });
    expected.push(await store.append(e));
  }
  return { store, expected, clock };
}

describe('history store: append and query', () => {
  it('assigns increasing ids and returns the newest first with the total', async () => {
    const { store, expected } = await seeded(await tempDir());
    expect(expected.map((e) => e.id)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const page = await store.query({ limit: 3 });
    expect(page.total).toBe(200);
    expect(page.entries.map((e) => e.id)).toEqual([200, 199, 198]);
    expect(page.entries[0]).toEqual(expected[199]);
    await store.close();
  });

  it('filters by instance, job, statuses and time together, with the matching total', async () => {
    const { store, expected } = await seeded(await tempDir());
    const q = { instanceId: 'sonarr', jobId: 'upgrade', status: ['searched', 'failed'] as HistoryStatus[], since: '2026-03-01T01:00:00.000Z', until: '2026-03-01T02:30:00.000Z' };
    const want = expected
      .filter((e) => e.instanceId === q.instanceId && e.jobId === q.jobId && q.status.includes(e.status) && e.at >= q.since && e.at < q.until)
      .reverse();
    expect(want.length).toBeGreaterThan(3);
    const page = await store.query({ ...q, limit: 1000 });
    expect(page.total).toBe(want.length);
    expect(page.entries).toEqual(want);
    await store.close();
  });

  it('pages with offset and with a before-cursor to the same sequence', async () => {
    const { store, expected } = await seeded(await tempDir());
    const all = expected.filter((e) => e.status === 'grabbed').reverse();
    const byOffset = [];
    for (let offset = 0; ; offset += 7) {
      const p = await store.query({ status: ['grabbed'], limit: 7, offset });
      expect(p.total).toBe(all.length);
      if (!p.entries.length) break;
      byOffset.push(...p.entries);
    }
    const byCursor = [];
    for (let before: number | undefined; ; ) {
      const p = await store.query({ status: ['grabbed'], limit: 7, before });
      if (!p.entries.length) break;
      byCursor.push(...p.entries);
      before = p.entries.at(-1)!.id;
    }
    expect(byOffset).toEqual(all);
    expect(byCursor).toEqual(all);
    await store.close();
  });

  it('answers an unknown instance with an empty page and rejects a bad date', async () => {
    const { store } = await seeded(await tempDir());
    expect(await store.query({ instanceId: 'lidarr' })).toEqual({ entries: [], total: 0 });
    await expect(store.query({ since: 'yesterday' })).rejects.toThrow('since is not a date');
    await store.close();
  });

  it('gets one entry by id, and assigns ids itself', async () => {
    const { store, expected } = await seeded(await tempDir());
    expect(await store.get(57)).toEqual(expected[56]);
    expect(await store.get(999)).toBeUndefined();
    const again = await store.append({ ...expected[0], id: 5 } as never);
    expect(again.id).toBe(201);
    expect((await store.get(201))?.id).toBe(201);
    await store.close();
  });

  it('rejects malformed entries with the field named, and records nothing', async () => {
    const store = await HistoryStore.open({ dir: await tempDir() });
    await expect(store.append(entry({ at: 'soon' }))).rejects.toThrow('at must be an ISO date');
    await expect(store.append(entry({ status: 'done' as HistoryStatus }))).rejects.toThrow('unknown status "done"');
    await expect(store.append(entry({ cost: -1 }))).rejects.toThrow('cost must be a number >= 0');
    expect((await store.query()).total).toBe(0);
    await store.close();
  });

  it('removes API keys from messages before they are stored', async () => {
    const dir = await tempDir();
    const secret = '0123456789abcdef0123456789abcdef';
    const store = await HistoryStore.open({ dir, scrub: (t) => t.split('sekrit-value-1').join('[key]') });
    await store.append(entry({ status: 'error', message: `GET http://radarr:7878/api/v3/movie?apikey=${secret} failed; key sekrit-value-1` }));
    await store.close();
    const { readFile, readdir } = await import('node:fs/promises');
    const files = await readdir(dir);
    const raw = (await Promise.all(files.map((f) => readFile(`${dir}/${f}`, 'utf8')))).join('');
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('sekrit-value-1');
    expect(raw).toContain('apikey=••••');
  });
});

describe('history store: counts by day', () => {
  it('counts items searched, grabs and failures per day, without dry runs or other instances', async () => {
    const clock = fakeClock('2026-03-10T15:00:00.000Z');
    const store = await HistoryStore.open({ dir: await tempDir(), now: clock.now });
    const grab = { itemId: 1, itemTitle: 'Alien', releaseTitle: 'Alien.1979.2160p' };
    await store.append(entry({ at: '2026-03-08T23:59:59.000Z', status: 'grabbed', items: [{ id: 1, title: 'a' }, { id: 2, title: 'b' }], grabs: [grab, grab] }));
    await store.append(entry({ at: '2026-03-09T00:00:00.000Z', status: 'searched' }));
    await store.append(entry({ at: '2026-03-09T01:00:00.000Z', status: 'searched', dryRun: true }));
    await store.append(entry({ at: '2026-03-09T02:00:00.000Z', status: 'failed' }));
    await store.append(entry({ at: '2026-03-09T02:30:00.000Z', status: 'error' }));
    await store.append(entry({ at: '2026-03-09T03:00:00.000Z', status: 'skipped' }));
    await store.append(entry({ at: '2026-03-10T10:00:00.000Z', status: 'searched', instanceId: 'sonarr' }));
    await store.append(entry({ at: '2026-03-01T10:00:00.000Z', status: 'searched' })); // outside the 3 days
    expect(store.countsByDay(3, { instanceId: 'radarr', timeZone: 'UTC' })).toEqual([
      { date: '2026-03-08', searched: 2, grabbed: 2, failed: 0 },
      { date: '2026-03-09', searched: 1, grabbed: 0, failed: 2 },
      { date: '2026-03-10', searched: 0, grabbed: 0, failed: 0 },
    ]);
    expect(store.countsByDay(1, { timeZone: 'UTC' }).map((d) => d.searched)).toEqual([1]);
    await store.close();
  });

  it('cuts days at local midnight of the given zone, across a daylight-saving change', async () => {
    // New York springs forward on 2026-03-08: that day has 23 hours (05:00Z to 04:00Z next day)
    const clock = fakeClock('2026-03-09T12:00:00.000Z');
    const store = await HistoryStore.open({ dir: await tempDir(), now: clock.now });
    for (const at of ['2026-03-08T04:59:59.000Z', '2026-03-08T05:00:00.000Z', '2026-03-09T03:59:59.000Z', '2026-03-09T04:00:00.000Z']) {
      await store.append(entry({ at }));
    }
    expect(store.countsByDay(3, { timeZone: 'America/New_York' })).toEqual([
      { date: '2026-03-07', searched: 1, grabbed: 0, failed: 0 },
      { date: '2026-03-08', searched: 2, grabbed: 0, failed: 0 },
      { date: '2026-03-09', searched: 1, grabbed: 0, failed: 0 },
    ]);
    expect(() => store.countsByDay(3, { timeZone: 'Mars/Olympus' })).toThrow('unknown time zone');
    await store.close();
  });
});
