/**
 * The simulator counts what it serves, per request (sim.requests[i].bodyBytes / wireBytes) and in
 * uncapped totals (sim.served): checked against what a client reads off its one keep-alive socket.
 */
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';

const NOW = Date.UTC(2025, 5, 1, 12);

let sim: Simulator;
let agent: Agent;
const sockets = new Set<Socket>();

/** One request on the shared keep-alive agent: the status and the body's bytes as received. */
function send(method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      `${sim.url}${path}`,
      { method, agent, headers: { 'X-Api-Key': options.key ?? sim.apiKey, ...(payload ? { 'Content-Type': 'application/json' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('socket', (s: Socket) => sockets.add(s));
    req.on('error', reject);
    req.end(payload);
  });
}

const bytesRead = () => [...sockets].reduce((n, s) => n + s.bytesRead, 0);

beforeAll(async () => {
  sim = await startSimulator({ app: 'radarr', size: 'small', now: () => NOW });
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});

afterAll(async () => {
  agent?.destroy();
  await sim?.close();
});

describe('bytes served', () => {
  it('counts each answer: its body as the client receives it, and every byte on the wire', async () => {
    const from = sim.requests.length;
    const before = { ...sim.served };
    const readBefore = bytesRead();
    const answers = [
      await send('GET', '/api/v3/system/status'), // one JSON object, Content-Length
      await send('GET', '/api/v3/movie'), // 400 movies streamed in chunks
      await send('GET', '/api/v3/movie/1'),
      await send('GET', '/api/v3/movie/1', { key: 'wrong' }), // 401, no body
      await send('PUT', '/api/v3/movie/editor', { body: { movieIds: [1], tags: [] } }),
      await send('GET', '/api/v3/movie/99999999'), // ProblemDetails 404
    ];
    const log = sim.requests.slice(from);
    expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/v3/system/status', 200],
      ['GET', '/api/v3/movie', 200],
      ['GET', '/api/v3/movie/1', 200],
      ['GET', '/api/v3/movie/1', 401],
      ['PUT', '/api/v3/movie/editor', 202],
      ['GET', '/api/v3/movie/99999999', 404],
    ]);
    expect(sockets.size).toBe(1); // one connection: the counts below are per request on one socket
    expect(log.map((r) => r.bodyBytes)).toEqual(answers.map((a) => a.body.length));
    expect(log[1].bodyBytes).toBeGreaterThan(400 * 3000); // spec/arr/NOTES.md §15: 3–8 KB a movie
    expect(log[3].bodyBytes).toBe(0);
    // status line and headers on every answer; on the streamed list also the chunk framing
    for (const r of log) expect(r.wireBytes).toBeGreaterThan(r.bodyBytes + 60);
    expect(log.reduce((n, r) => n + r.wireBytes, 0)).toBe(bytesRead() - readBefore);

    expect(sim.served.requests - before.requests).toBe(6);
    expect(sim.served.bodyBytes - before.bodyBytes).toBe(log.reduce((n, r) => n + r.bodyBytes, 0));
    expect(sim.served.wireBytes - before.wireBytes).toBe(bytesRead() - readBefore);
  });

  it('keeps counting past the capped request log; a dropped connection serves nothing', async () => {
    const small = await startSimulator({ app: 'sonarr', size: 'tiny', now: () => NOW, requestLogLimit: 2 });
    try {
      const get = (path: string) => fetch(`${small.url}${path}`, { headers: { 'X-Api-Key': small.apiKey } }).then((r) => r.arrayBuffer());
      let body = 0;
      for (let i = 0; i < 5; i++) body += (await get('/api/v3/series')).byteLength;
      expect(small.requests.length).toBeLessThan(5);
      expect(small.served.requests).toBe(5);
      expect(small.served.bodyBytes).toBe(body);

      small.faults.dropConnections = { count: 1 };
      await expect(get('/api/v3/series')).rejects.toThrow();
      expect(small.requests.at(-1)).toMatchObject({ status: 0, bodyBytes: 0, wireBytes: 0 });
      expect(small.served.requests).toBe(6);
      expect(small.served.bodyBytes).toBe(body);
    } finally {
      await small.close();
    }
  });
});
