import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call } from './http.js';

describe('simulator auth (spec/arr/NOTES.md §2)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ app: 'radarr', apiKey: 'a'.repeat(32), size: 'tiny', urlBase: '/radarr' });
  });
  afterAll(() => sim.close());

  it('rejects a missing or wrong key with 401 and an empty body, still naming the version', async () => {
    const cases: Record<string, string>[] = [{ 'X-Api-Key': '' }, { 'X-Api-Key': 'A'.repeat(32) }, { 'X-Api-Key': '', Authorization: 'Bearer nope' }];
    for (const headers of cases) {
      const r = await call(sim, 'GET', '/api/v3/system/status', undefined, headers);
      expect(r.status).toBe(401);
      expect(r.text).toBe('');
      expect(r.headers.get('x-application-version')).toBe('6.0.3.10276');
    }
  });

  it('accepts the header, the apikey query parameter and a Bearer token', async () => {
    const viaHeader = await call(sim, 'GET', '/api/v3/system/status');
    const viaQuery = await call(sim, 'GET', `/api/v3/system/status?apikey=${sim.apiKey}`, undefined, { 'X-Api-Key': '' });
    const viaBearer = await call(sim, 'GET', '/api/v3/system/status', undefined, { 'X-Api-Key': '', Authorization: `Bearer ${sim.apiKey}` });
    expect([viaHeader.status, viaQuery.status, viaBearer.status]).toEqual([200, 200, 200]);
    expect((viaHeader.json as { appName: string }).appName).toBe('Radarr');
    expect((viaHeader.json as { urlBase: string }).urlBase).toBe('/radarr');
  });

  it('reads the query parameter first: a wrong apikey wins over a right header', async () => {
    const r = await call(sim, 'GET', '/api/v3/system/status?apikey=wrong');
    expect(r.status).toBe(401);
  });

  it('answers 404 outside the URL base and for unknown API routes', async () => {
    const outside = await fetch(sim.url.replace('/radarr', '') + '/api/v3/system/status', { headers: { 'X-Api-Key': sim.apiKey } });
    expect(outside.status).toBe(404);
    expect((await call(sim, 'GET', '/api/v3/nothing-here')).status).toBe(404);
  });

  it('never echoes the key in a response', async () => {
    const r = await call(sim, 'GET', '/api/v3/system/status');
    expect(r.text).not.toContain(sim.apiKey);
  });
});
