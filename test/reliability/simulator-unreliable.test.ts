/**
 * Reliability finding 9.3, the stand-in: `sim.faults.unreliable` fails a share of API requests,
 * the same ones for the same seed, of the kinds asked for, and a drop after the work does the work.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';

let sims: Simulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

async function sim(): Promise<Simulator> {
  const s = await startSimulator({ app: 'radarr', seed: 9, size: 'tiny' });
  sims.push(s);
  return s;
}

/** status per request: 0 for a dropped connection */
async function statuses(s: Simulator, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    // a fresh connection each time: a dropped one must not take the next request with it
    const res = await fetch(`${s.url}/api/v3/tag`, { headers: { 'X-Api-Key': s.apiKey, Connection: 'close' } }).catch(() => undefined);
    out.push(res?.status ?? 0);
    await res?.arrayBuffer();
  }
  return out;
}

describe('reliability finding 9.3: the simulator can stand in for an unreliable Radarr', () => {
  it('fails about the given share of requests, the same ones for the same seed', async () => {
    const [a, b] = [await sim(), await sim()];
    a.faults.unreliable = { rate: 0.2, seed: 5 };
    b.faults.unreliable = { rate: 0.2, seed: 5 };
    const [sa, sb] = [await statuses(a, 100), await statuses(b, 100)];
    expect(sa).toEqual(sb);
    const failed = sa.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(30);
    expect(new Set(sa)).toEqual(new Set([200, 500, 0]));
    a.faults.clear();
    expect(await statuses(a, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('a drop after the work queues the command although its answer never comes', async () => {
    const s = await sim();
    s.faults.unreliable = { rate: 1, kinds: ['drop-after-work'] };
    const sent = await fetch(`${s.url}/api/v3/command`, {
      method: 'POST',
      headers: { 'X-Api-Key': s.apiKey, 'Content-Type': 'application/json', Connection: 'close' },
      body: JSON.stringify({ name: 'MoviesSearch', movieIds: [1] }),
    }).catch((e: unknown) => e);
    expect(sent).toBeInstanceOf(Error);
    expect([...s.commands.values()].map((c) => c.def.name)).toEqual(['MoviesSearch']);
    s.faults.unreliable = { rate: 1, kinds: ['500'] };
    const locked = await fetch(`${s.url}/api/v3/tag`, { headers: { 'X-Api-Key': s.apiKey } });
    expect(locked.status).toBe(500);
    expect(((await locked.json()) as { message: string }).message).toContain('database is locked');
  });
});
