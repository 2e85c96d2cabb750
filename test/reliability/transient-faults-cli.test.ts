/**
 * Reliability finding 9.3 (one transient fault fails a whole job), end to end: `trawlarr once` as a
 * child process against simulated Radarr and Sonarr that fail a fifth of their API requests (500
 * "database is locked", connections dropped before and after the work). Four runs must each finish
 * every job with exit 0 and search exactly what four runs against clean twins of the same
 * libraries search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnceJson } from '../../src/cli/once-output';
import { startSimulator, type Simulator } from '../../src/simulator';
import { radarrInstance, runCli, writeConfig } from '../cli/support';
import { tempDir } from '../engine/host/support';

const FAST = { TRAWLARR_RETRY_MS: '5' };

let tmp: { dir: string; remove: () => Promise<void> };
const sims: Simulator[] = [];

async function pair(seed: number) {
  const [radarr, sonarr] = await Promise.all([
    startSimulator({ app: 'radarr', seed, size: 'tiny', grabChance: 0.5 }),
    startSimulator({ app: 'sonarr', seed: seed + 1, size: 'tiny', grabChance: 0.5 }),
  ]);
  sims.push(radarr, sonarr);
  return { radarr, sonarr };
}

function config(name: string, s: { radarr: Simulator; sonarr: Simulator }) {
  return writeConfig(
    tmp.dir,
    [
      radarrInstance(s.radarr, { jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 3 }] }),
      {
        id: 'sonarr',
        name: 'Home Sonarr',
        kind: 'sonarr',
        url: s.sonarr.url,
        apiKey: s.sonarr.apiKey,
        throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 },
        jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 2 }],
      },
    ],
    name,
  );
}

/** per job: the ids searched, sorted */
const searchedOf = (doc: OnceJson) => doc.jobs.map((j) => `${j.instanceId}/${j.jobId}: ${j.searched.map((i) => i.id).sort((a, b) => a - b).join(',')}`);
const appSearches = (sim: Simulator) => sim.searches.map((s) => `${s.command} ${[...s.ids].sort((a, b) => a - b).join(',')}`);

beforeAll(async () => {
  tmp = await tempDir('trawlarr-reliability-');
});

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await tmp?.remove();
});

describe('reliability finding 9.3: one transient fault no longer fails a whole job', () => {
  it('4 `once` runs against a 20 %-failing stand-in all complete every job with exit 0 and search exactly what a clean run would', async () => {
    const clean = await pair(91);
    const flaky = await pair(91);
    flaky.radarr.faults.unreliable = { rate: 0.2, seed: 3 };
    flaky.sonarr.faults.unreliable = { rate: 0.2, seed: 4 };
    const cleanConfig = await config('clean.json', clean);
    const flakyConfig = await config('flaky.json', flaky);

    for (let run = 1; run <= 4; run++) {
      // side by side: each run mostly waits out the 2 s pacing between commands
      const [c, f] = await Promise.all([
        runCli(['once', '--config', cleanConfig, '--data-dir', `${tmp.dir}/clean`, '--json'], { env: FAST }),
        runCli(['once', '--config', flakyConfig, '--data-dir', `${tmp.dir}/flaky`, '--json'], { env: FAST }),
      ]);
      expect(c.code, `clean run ${run}: ${c.stderr}`).toBe(0);
      expect(f.code, `flaky run ${run}: ${f.stderr}\n${f.stdout}`).toBe(0);
      const cd = JSON.parse(c.stdout) as OnceJson;
      const fd = JSON.parse(f.stdout) as OnceJson;
      expect(fd.jobs.map((j) => j.result)).toEqual(cd.jobs.map((j) => j.result));
      expect(fd.jobs.every((j) => j.failed.length === 0 && j.error === undefined)).toBe(true);
      expect(searchedOf(fd), `run ${run}`).toEqual(searchedOf(cd));
    }
    // the apps ran the same searches, none twice
    expect(appSearches(flaky.radarr)).toEqual(appSearches(clean.radarr));
    expect(appSearches(flaky.sonarr)).toEqual(appSearches(clean.sonarr));
    // and the faults did fire, of every kind
    const dropped = flaky.radarr.requests.filter((r) => r.status === 0).length + flaky.sonarr.requests.filter((r) => r.status === 0).length;
    const locked = flaky.radarr.requests.filter((r) => r.status === 500).length + flaky.sonarr.requests.filter((r) => r.status === 500).length;
    expect(dropped).toBeGreaterThan(5);
    expect(locked).toBeGreaterThan(5);
    // including on the writes: a search command and a tag edit whose answers were lost
    const writes = [...flaky.radarr.requests, ...flaky.sonarr.requests].filter((r) => r.method !== 'GET');
    expect(writes.filter((r) => r.path === '/api/v3/command' && r.status !== 201).length).toBeGreaterThan(0);
    expect(writes.filter((r) => /editor$/.test(r.path) && r.status !== 202).length).toBeGreaterThan(0);
  }, 240_000);
});
