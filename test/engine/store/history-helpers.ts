import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { HistoryStatus, NewHistoryEntry } from '../../../src/shared/status';

const dirs: string[] = [];

/** A fresh temporary directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A manually advanced clock. */
export function fakeClock(startIso = '2026-03-01T12:00:00.000Z') {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    set: (iso: string) => void (now = Date.parse(iso)),
    advance: (ms: number) => void (now += ms),
    iso: () => new Date(now).toISOString(),
  };
}

export function entry(over: Partial<NewHistoryEntry> & { status?: HistoryStatus } = {}): NewHistoryEntry {
  return {
    at: '2026-03-01T12:00:00.000Z',
    instanceId: 'radarr',
    jobId: 'upgrade',
    jobType: 'upgrade',
    status: 'searched',
    items: [{ id: 1, title: 'Alien (1979)' }],
    grabs: [],
    cost: 1,
    ...over,
  };
}
