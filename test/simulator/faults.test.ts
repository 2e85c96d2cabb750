import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call, get } from './http.js';

describe('fault switches', () => {
  let sim: Simulator;
  afterEach(() => sim?.close());

  it('startingUp: 503 with the app-specific errorMessage for the next N requests', async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny' });
    sim.faults.startingUp = 2;
    for (let i = 0; i < 2; i++) {
      const r = await call(sim, 'GET', '/api/v3/system/status');
      expect(r.status).toBe(503);
      expect(r.json).toEqual({ errorMessage: 'Sonarr is starting up, please try again later' });
    }
    expect((await call(sim, 'GET', '/api/v3/system/status')).status).toBe(200);
    sim.faults.startingUp = true;
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(503);
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(503);
    sim.faults.startingUp = false;
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(200);
  });

  it('flaky500: a count of 500s with {message}, then normal again; probability 1 always fails', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    sim.faults.flaky500 = { count: 1 };
    const r = await call(sim, 'GET', '/api/v3/tag');
    expect(r.status).toBe(500);
    expect((r.json as { message: string }).message).toMatch(/database is locked/);
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(200);
    sim.faults.flaky500 = { probability: 1 };
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(500);
    sim.faults.flaky500 = { probability: 0 };
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(200);
  });

  it('dropConnections: the socket is destroyed without a response', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    sim.faults.dropConnections = { count: 1 };
    await expect(call(sim, 'GET', '/api/v3/tag')).rejects.toThrow();
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(200);
  });

  it('htmlInsteadOfJson: a 200 text/html login page', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    sim.faults.htmlInsteadOfJson = true;
    const r = await call(sim, 'GET', '/api/v3/system/status');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('latencyMs delays every response', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    sim.faults.latencyMs = 150;
    const t = performance.now();
    await call(sim, 'GET', '/api/v3/tag');
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
  });

  it('indexersBackedOff: health shows IndexerStatusCheck and IndexerSearchCheck', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    expect(await get(sim, '/api/v3/health')).toEqual([]);
    sim.faults.indexersBackedOff = true;
    const checks = await get<{ source: string; type: string }[]>(sim, '/api/v3/health');
    expect(checks.map((c) => [c.source, c.type])).toEqual([
      ['IndexerStatusCheck', 'error'],
      ['IndexerSearchCheck', 'warning'],
    ]);
  });

  it('queueFull: queue/status reports at least the given count', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const real = await get<{ totalCount: number }>(sim, '/api/v3/queue/status');
    expect(real.totalCount).toBe(sim.library.queue.length);
    sim.faults.queueFull = 250;
    expect((await get<{ totalCount: number }>(sim, '/api/v3/queue/status')).totalCount).toBe(250);
  });

  it('down: connections are refused until cleared, then the same port answers again', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const url = sim.url;
    sim.faults.down = true;
    await sim.faults.settled();
    await expect(fetch(`${url}/api/v3/tag`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    sim.faults.down = false;
    await sim.faults.settled();
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(200);
  });

  it('clear() switches everything off', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    sim.faults.htmlInsteadOfJson = true;
    sim.faults.flaky500 = { probability: 1 };
    sim.faults.clear();
    expect((await call(sim, 'GET', '/api/v3/tag')).status).toBe(200);
  });
});

describe('request log and exchanges', () => {
  it('records every request with its status and the injected time; onExchange sees the same', async () => {
    const seen: string[] = [];
    const sim = await startSimulator({ app: 'radarr', size: 'tiny', now: () => 1_700_000_000_000, onExchange: (x) => seen.push(`${x.method} ${x.path} ${x.status}`) });
    try {
      await call(sim, 'GET', '/api/v3/movie/1');
      await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1], tags: [1] });
      await call(sim, 'GET', '/api/v3/movie/1', undefined, { 'X-Api-Key': 'wrong' });
      expect(sim.requests.map((r) => [r.method, r.path, r.status, r.time])).toEqual([
        ['GET', '/api/v3/movie/1', 200, 1_700_000_000_000],
        ['PUT', '/api/v3/movie/editor', 202, 1_700_000_000_000],
        ['GET', '/api/v3/movie/1', 401, 1_700_000_000_000],
      ]);
      expect(sim.requests[1].body).toEqual({ movieIds: [1], tags: [1] });
      expect(seen).toEqual(['GET /api/v3/movie/1 200', 'PUT /api/v3/movie/editor 202', 'GET /api/v3/movie/1 401']);
    } finally {
      await sim.close();
    }
  });
});
