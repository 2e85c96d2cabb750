/**
 * Reliability finding 9.3, what `trawlarr once` says: an app that answers with errors is not
 * "unreachable" (exit 4, not 3), a transient error is retried away (exit 0), a run whose searches
 * the app failed does not exit 0, and the message names the instance and says each thing once.
 * Child processes against the simulator, some behind a proxy on 127.0.0.1 that answers
 * GET /qualityprofile with Radarr's 500 "database is locked".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnceJson } from '../../src/cli/once-output';
import { startSimulator, type Simulator } from '../../src/simulator';
import { radarrInstance, runCli, writeConfig } from '../cli/support';
import { tempDir } from '../engine/host/support';

const FAST = { TRAWLARR_RETRY_MS: '5' };
let tmp: { dir: string; remove: () => Promise<void> };
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  tmp = await tempDir('trawlarr-exit-');
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
  await tmp?.remove();
});

async function simulator(app: 'radarr' | 'sonarr', seed: number): Promise<Simulator> {
  const sim = await startSimulator({ app, seed, size: 'tiny' });
  closers.push(() => sim.close());
  return sim;
}

/** The simulator, except that the first `times` GET /qualityprofile answer 500 "database is locked". */
async function lockedProfiles(sim: Simulator, times: number): Promise<string> {
  let left = times;
  const server = http.createServer((req, res) => {
    if (/\/qualityprofile$/i.test(req.url ?? '') && left-- > 0) {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ message: 'database is locked\ndatabase is locked', description: 'System.Data.SQLite.SQLiteException' }));
    }
    const out = http.request(`${sim.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('reliability finding 9.3: exit codes tell an unreachable instance from one that answers with an error', () => {
  it('GET /qualityprofile answering 500 "database is locked" for good: exit 4, one line naming the instance, said once', async () => {
    const sim = await simulator('radarr', 61);
    const url = await lockedProfiles(sim, Infinity);
    const config = await writeConfig(tmp.dir, [radarrInstance(sim, { url })], 'locked.json');
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/locked`], { env: FAST });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('instance "radarr" (Home Radarr): missing: internal error (HTTP 500) on GET /api/v3/qualityprofile: database is locked.\n');
    expect(r.stdout).toBe('Home Radarr / missing: not run: internal error (HTTP 500) on GET /api/v3/qualityprofile: database is locked.\n');
    expect(r.stdout + r.stderr).not.toContain(sim.apiKey);
  }, 120_000);

  it('the same 500 twice: retried, the job runs, exit 0', async () => {
    const sim = await simulator('radarr', 62);
    const url = await lockedProfiles(sim, 2);
    const config = await writeConfig(tmp.dir, [radarrInstance(sim, { url, jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 2 }] })], 'passing.json');
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/passing`, '--json'], { env: FAST });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as OnceJson;
    expect(doc.jobs[0].result).toBe('searched');
    expect(doc.jobs[0].error).toBeUndefined();
    expect(doc.jobs[0].searched).toHaveLength(2);
  }, 120_000);

  it('every search of the job failed in the app: exit 4, not 0', async () => {
    const sim = await simulator('radarr', 63);
    sim.faults.failCommands = true;
    const config = await writeConfig(tmp.dir, [radarrInstance(sim, { jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 2 }] })], 'all-failed.json');
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/all-failed`, '--json'], { env: FAST });
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout) as OnceJson;
    expect(doc.jobs[0].result).toBe('failed');
    expect(doc.jobs[0].searched).toEqual([]);
    expect(r.stderr).toMatch(/^instance "radarr" \(Home Radarr\): missing: 1 of 1 commands failed \(command failed[^\n]*\); their items are searched again on a later run\n$/);
  }, 120_000);

  it('some searches of the job failed, others ran: exit 4 as well', async () => {
    const sim = await simulator('sonarr', 64);
    sim.faults.failCommands = 1;
    const config = await writeConfig(
      tmp.dir,
      [{ id: 'tv', name: 'Sonarr TV', kind: 'sonarr', url: sim.url, apiKey: sim.apiKey, throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 }, jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 2 }] }],
      'partial.json',
    );
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/partial`, '--json'], { env: FAST });
    const doc = JSON.parse(r.stdout) as OnceJson;
    expect(doc.jobs[0].result).toBe('searched');
    expect(doc.jobs[0].searched.length).toBeGreaterThan(0);
    expect(doc.jobs[0].failed.length).toBeGreaterThan(0);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^instance "tv" \(Sonarr TV\): missing: 1 of 2 commands failed/);
  }, 120_000);
});
