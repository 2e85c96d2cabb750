/**
 * Reliability finding 9.3, the client's half: a passing fault of a read is retried (bounded, with
 * backoff and jitter, Retry-After honoured within a cap), answers are not, and writes are not
 * re-sent blindly. Real servers on 127.0.0.1; the waits go through the injected sleep.
 */
import { describe, expect, it } from 'vitest';
import { RadarrClient } from '../../src/arr';
import { errorHarness, failure } from '../arr/support/failures';
import { API_KEY, sendJson } from '../arr/support/test-server';

const { serve } = errorHarness();
const LOCKED = { message: 'database is locked\ndatabase is locked', description: 'System.Data.SQLite.SQLiteException (0x800007AF): database is locked\n   at System.Data.SQLite…' };
const PROFILES = [{ id: 1, name: 'Any', upgradeAllowed: true, cutoff: 1, items: [], minFormatScore: 0, cutoffFormatScore: 0, formatItems: [] }];

function client(url: string, slept: number[], random = () => 0.5) {
  return new RadarrClient({ name: 'Main', kind: 'radarr', url, apiKey: API_KEY }, { sleep: async (ms) => void slept.push(ms), random });
}

describe('reliability finding 9.3: idempotent reads are retried with backoff and jitter', () => {
  it('GET /qualityprofile answering 500 "database is locked" twice: retried after 0.5–1 s and 1–2 s, then it succeeds', async () => {
    let calls = 0;
    const s = await serve((_req, res) => (++calls <= 2 ? sendJson(res, 500, LOCKED) : sendJson(res, 200, PROFILES)));
    const slept: number[] = [];
    const c = client(s.url, slept, () => 0.5);
    const profiles = await c.qualityProfiles();
    c.close();
    expect(profiles.map((p) => p.name)).toEqual(['Any']);
    expect(s.requests).toHaveLength(3);
    expect(slept).toEqual([750, 1500]); // half the step plus jitter × half: 500 + 0.5·500, 1000 + 0.5·1000
  });

  it('the jitter spreads the waits over half to all of each step', async () => {
    const s = await serve((_req, res) => sendJson(res, 500, LOCKED));
    const low: number[] = [];
    const high: number[] = [];
    const a = client(s.url, low, () => 0);
    const b = client(s.url, high, () => 0.999);
    await failure(a.qualityProfiles());
    await failure(b.qualityProfiles());
    a.close();
    b.close();
    expect(low).toEqual([500, 1000, 2000]);
    expect(high).toEqual([1000, 1999, 3998]);
  });

  it('gives up after 3 retries, naming the instance and saying "database is locked" once; an app error, not "unreachable"', async () => {
    const s = await serve((_req, res) => sendJson(res, 500, LOCKED));
    const slept: number[] = [];
    const c = client(s.url, slept);
    const e = await failure(c.qualityProfiles());
    c.close();
    expect(s.requests).toHaveLength(4);
    expect(e.kind).toBe('server-error');
    expect(e.message).toBe('Radarr "Main": internal error (HTTP 500) on GET /api/v3/qualityprofile: database is locked.');
  });

  it('a connection dropped before the answer (socket hang up, ECONNRESET) is retried', async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      if (++calls === 1) return void res.socket?.destroy();
      if (calls === 2) return void res.socket?.resetAndDestroy();
      sendJson(res, 200, PROFILES);
    });
    const slept: number[] = [];
    const c = client(s.url, slept);
    expect(await c.qualityProfiles()).toHaveLength(1);
    c.close();
    expect(s.requests).toHaveLength(3);
    expect(slept).toHaveLength(2);
  });

  it.each([401, 403, 404, 400, 409])('never retries a %i (it is an answer), where a 500 on the same read is retried', async (status) => {
    let calls = 0;
    const s = await serve((req, res) => {
      if (req.path.endsWith('/tag')) return sendJson(res, status, { message: 'no' });
      return ++calls === 1 ? sendJson(res, 500, LOCKED) : sendJson(res, 200, PROFILES);
    });
    const slept: number[] = [];
    const c = client(s.url, slept);
    await failure(c.tags());
    expect(s.requests).toHaveLength(1);
    expect(slept).toEqual([]);
    expect(await c.qualityProfiles()).toHaveLength(1);
    c.close();
    expect(s.requests).toHaveLength(3);
  });

  it('429 with Retry-After: waits what the app asks within the cap; a longer Retry-After is not waited for', async () => {
    let calls = 0;
    const s = await serve((req, res) => {
      if (req.path.endsWith('/tag')) {
        res.writeHead(429, { 'Retry-After': '120', 'Content-Type': 'application/json' });
        return void res.end('{"message":"slow down"}');
      }
      if (++calls === 1) {
        res.writeHead(429, { 'Retry-After': '2', 'Content-Type': 'application/json' });
        return void res.end('{"message":"slow down"}');
      }
      sendJson(res, 200, PROFILES);
    });
    const slept: number[] = [];
    const c = client(s.url, slept);
    expect(await c.qualityProfiles()).toHaveLength(1);
    expect(slept).toEqual([2000]);
    const e = await failure(c.tags());
    c.close();
    expect(e.status).toBe(429);
    expect(s.requests.filter((r) => r.path.endsWith('/tag'))).toHaveLength(1);
  });
});

describe('reliability finding 9.3: writes are not retried blindly', () => {
  it('POST /command answering 500 or dropping the connection is sent once by the client, where a GET with the same faults is retried', async () => {
    let calls = 0;
    const s = await serve((req, res) => {
      if (req.method === 'GET' && ++calls > 2) return sendJson(res, 200, []);
      if (req.method === 'GET' ? calls === 1 : req.body.includes('[1]')) return sendJson(res, 500, LOCKED);
      res.socket?.destroy();
    });
    const slept: number[] = [];
    const c = client(s.url, slept);
    expect((await failure(c.sendCommand({ name: 'MoviesSearch', movieIds: [1] }))).kind).toBe('server-error');
    expect((await failure(c.sendCommand({ name: 'MoviesSearch', movieIds: [2] }))).kind).toBe('connection-reset');
    expect(await c.commands()).toEqual([]);
    c.close();
    expect(s.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET', 'GET', 'GET']);
  });

  it('the tag editor (add/remove: twice is once) is re-sent after a lost answer, but its 500 for a deleted id is not', async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) return void res.socket?.destroy(); // the answer is lost
      if (calls === 2) return sendJson(res, 202, []);
      sendJson(res, 500, { message: 'Expected query to return 2 rows but returned 1' });
    });
    const slept: number[] = [];
    const c = client(s.url, slept);
    await c.editTags([1, 2], [5], 'add');
    expect(s.requests).toHaveLength(2);
    const e = await failure(c.editTags([1, 2], [5], 'add'));
    c.close();
    expect(e.kind).toBe('server-error');
    expect(s.requests).toHaveLength(3);
  });
});
