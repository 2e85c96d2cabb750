/**
 * Issue 11 "Waits you can see", at the engine: a job's status says what it waits for and until
 * when (budget, full queue, indexer back-off, instance down, quiet hours), and the schedule's next
 * run apart from the continuation of a budget-cut run. Fake clock, simulated Radarr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { FakeClock } from '../../../src/engine/scheduler';
import type { JobStatus } from '../../../src/shared/status';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { driveUntil, HOUR, stopDriven } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

const T0 = Date.UTC(2026, 4, 4, 12, 0);
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

let radarr: Simulator;
let quiet: Simulator;
let host: EngineHost;
let clock: FakeClock;
let dir: { dir: string; remove: () => Promise<void> };

const job = (instanceId: string): JobStatus => host.status().instances.find((i) => i.id === instanceId)!.jobs[0];
const searches = () => radarr.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/command');

beforeAll(async () => {
  clock = new FakeClock(T0);
  radarr = await startSimulator({ app: 'radarr', seed: 11, size: { movies: 200 }, now: () => clock.now(), grabChance: 0 });
  quiet = await startSimulator({ app: 'radarr', seed: 12, size: { movies: 50 }, now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-waits-');
  const settings = settingsOf([
    instanceOf(radarr, 'radarr', {
      throughput: { maxPerHour: 3, maxPerDay: 50, minGapSeconds: 2, queueLimit: 20 },
      jobs: [{ id: 'missing', type: 'missing', schedule: { every: '24h' } }],
    }),
    instanceOf(quiet, 'quiet', {
      throughput: { maxPerHour: 3, maxPerDay: 50, minGapSeconds: 2, queueLimit: 20, activeHours: [{ start: '22:00', end: '06:00' }] },
      jobs: [{ id: 'missing', type: 'missing', schedule: { every: '24h' } }],
    }),
  ]);
  host = (await openHost(settings, dir.dir, { clock, random: () => 0.5 })).host;
  await host.start();
  await driveUntil(clock, host, T0 + 10 * MIN);
}, 60_000);

afterAll(async () => {
  if (host) await stopDriven(clock, host);
  await radarr?.close();
  await quiet?.close();
  await dir?.remove();
});

describe('a job says what it waits for', () => {
  it('budget: the hourly budget, until the first search of the hour frees; the continuation apart from the 03:00 schedule', () => {
    const first = searches()[0].time;
    const j = job('radarr');
    expect(j.lastRun?.cost).toBe(3);
    expect(j.waiting).toMatchObject({ reason: 'budget-hour', until: iso(first + HOUR) });
    expect(j.waiting!.detail).toMatch(/^next command costs \d+, 0 left$/);
    expect(j.continuesAt).toBe(iso(first + HOUR));
    // the schedule (every 24 h from the first run) is not the continuation
    expect(j.nextRunAt).toBe(iso(T0 + 24 * HOUR));
  });

  it('quiet hours: a due job waits for active hours until the window opens', () => {
    const j = job('quiet');
    expect(j.waiting).toEqual({ reason: 'active-hours', detail: '', until: iso(Date.UTC(2026, 4, 4, 22, 0)) });
  });

  it('a full download queue, then indexer back-off: until the gate is asked again', async () => {
    radarr.faults.queueFull = 100;
    const at = await driveUntil(clock, host, T0 + 75 * MIN);
    const q = job('radarr').waiting!;
    expect(q.reason).toBe('queue-full');
    expect(q.detail).toContain('limit 20');
    expect(Date.parse(q.until!)).toBeGreaterThan(at);
    expect(Date.parse(q.until!)).toBeLessThanOrEqual(at + 2 * MIN);
    radarr.faults.queueFull = null;
    radarr.faults.indexersBackedOff = true;
    await driveUntil(clock, host, Date.parse(q.until!) + 1000);
    const b = job('radarr').waiting!;
    expect(b.reason).toBe('indexers-backed-off');
    expect(Date.parse(b.until!)).toBeGreaterThan(clock.now());
    radarr.faults.indexersBackedOff = false;
  });

  it('instance down: until the outage tracker tries again', async () => {
    radarr.faults.down = true;
    await radarr.faults.settled();
    const before = job('radarr').waiting!;
    await driveUntil(clock, host, Date.parse(before.until!) + 1000);
    const inst = host.status().instances.find((i) => i.id === 'radarr')!;
    const w = inst.jobs[0].waiting!;
    expect(w.reason).toBe('instance-down');
    expect(w.until).toBe(inst.retryAt);
    radarr.faults.down = false;
    await radarr.faults.settled();
  });
});
