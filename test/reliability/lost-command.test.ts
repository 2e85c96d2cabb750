/**
 * Reliability finding 9.3, the engine's half: a search command whose answer is lost, or that the
 * app fails with a 500, is looked up in the app's command list before anything is sent again, so
 * the search runs once and its budget is spent once. A small proxy on 127.0.0.1 in front of the
 * simulator breaks exactly the POST /command it is told to.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createArrClient } from '../../src/arr';
import { systemClock } from '../../src/engine/scheduler/clock';
import { harness, jobOf, sorted, type Harness } from '../engine/run/harness';

type Fate = 'drop-before' | 'drop-after' | '500';

/** Forwards to the simulator; the n-th POST /command gets `fates[n]`. */
async function brokenProxy(target: string, fates: (Fate | undefined)[]) {
  let posts = 0;
  const server = http.createServer((req, res) => {
    const isPost = req.method === 'POST' && /\/api\/v3\/command$/i.test(req.url ?? '');
    const fate = isPost ? fates[posts++] : undefined;
    if (fate === 'drop-before') return void req.socket.destroy();
    if (fate === '500') {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ message: 'database is locked\ndatabase is locked' }));
    }
    const out = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      if (fate === 'drop-after') {
        answer.resume();
        return void req.socket.destroy(); // the app did it; the answer never arrives
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts: () => posts,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let h: Harness | undefined;
let proxy: { url: string; posts(): number; close(): Promise<void> } | undefined;
afterEach(async () => {
  await proxy?.close();
  await h?.close();
});

async function runThrough(fates: (Fate | undefined)[]) {
  h = await harness({ app: 'radarr', seed: 33, size: 'tiny' });
  proxy = await brokenProxy(h.sim.url, fates);
  const client = createArrClient({ name: 'Sim', kind: 'radarr', url: proxy.url, apiKey: h.sim.apiKey }, { sleep: async () => {} });
  await client.connect();
  // the engine's clock, real except that its waits (the settle before looking) are skipped
  const clock = { ...systemClock, sleep: async () => {} };
  const report = await h.run(jobOf({ type: 'missing', itemsPerRun: 3 }), { client, limit: 3, clock });
  client.close();
  return report;
}

describe('reliability finding 9.3: a search command whose answer is lost is not lost, and not sent twice', () => {
  it.each<[string, (Fate | undefined)[], number]>([
    ['dropped after the app queued it: found in the app list, followed, not sent again', ['drop-after'], 1],
    ['dropped before the app saw it: not in the app list, sent again once', ['drop-before'], 2],
    ['a 500 "database is locked": not in the app list, sent again once', ['500'], 2],
    ['two faults in a row: still settled within three sends', ['drop-before', '500'], 3],
  ])('%s', async (_name, fates, posts) => {
    const report = await runThrough(fates);
    expect(report.result).toBe('searched');
    expect(report.commands.map((c) => c.status).every((s) => s === 'searched' || s === 'grabbed')).toBe(true);
    const searched = report.commands.flatMap((c) => c.items.map((i) => i.id));
    // the app ran each search once
    expect(sorted(h!.sim.searches.flatMap((s) => s.ids))).toEqual(sorted(searched));
    // each command reached the app once; the broken one took `posts` sends (the rest one each)
    expect(h!.sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/command')).toHaveLength(report.commands.length);
    expect(proxy!.posts()).toBe(report.commands.length - 1 + posts);
    // and the budget counts each once
    expect(report.cost).toBe(report.commands.reduce((n, c) => n + c.cost, 0));
    expect(h!.ledger.usage('instance:sim', Date.now()).lastHour).toBe(report.cost);
  });
});

describe('reliability finding 9.3: what a failed search command costs in budget (as the README says)', () => {
  it('refused by the app on every send (500): nothing spent, the items are left for a later run', async () => {
    const report = await runThrough(['500', '500', '500']);
    expect(report.commands[0].status).toBe('error');
    expect(proxy!.posts()).toBe(3);
    expect(h!.sim.searches).toEqual([]);
    expect(report.cost).toBe(0);
    expect(h!.ledger.usage('instance:sim', Date.now()).lastHour).toBe(0);
  });

  it('accepted, then reported failed by the app: its estimate stays spent (the indexers may have been asked)', async () => {
    h = await harness({ app: 'radarr', seed: 34, size: 'tiny' });
    h.sim.faults.failCommands = true;
    const report = await h.run(jobOf({ type: 'missing', itemsPerRun: 2 }), { limit: 2 });
    expect(report.result).toBe('failed');
    expect(report.commands.every((c) => c.status === 'failed')).toBe(true);
    const cost = report.commands.reduce((n, c) => n + c.cost, 0);
    expect(cost).toBeGreaterThan(0);
    expect(report.cost).toBe(cost);
    expect(h.ledger.usage('instance:sim', Date.now()).lastHour).toBe(cost);
  });
});
