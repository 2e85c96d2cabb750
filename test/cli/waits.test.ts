/**
 * Issue 11 "Waits you can see", in the CLI: `trawlarr run` logs one line per wait (what and until
 * when, not repeated while unchanged) and one per run; `trawlarr status` prints the same wait in
 * the same words. A child process against the simulator: commands of five movies cost 5, the
 * hourly budget is 7, so after the first command 2 are left and the next command waits for the hour.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { tempDir } from '../engine/host/support';
import { collect, radarrInstance, runCli, spawnCli, waitFor, writeConfig } from './support';

let radarr: Simulator;
let tmp: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 71, size: 'small', grabChance: 0 });
  tmp = await tempDir('trawlarr-cli-waits-');
});

afterAll(async () => {
  await radarr?.close();
  await tmp?.remove();
});

const WAIT = /Home Radarr \/ Missing: waiting for the hourly budget \(next command costs 5, 2 left\) until (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/;

describe('waits in the CLI', () => {
  it('the run log and status say what the job waits for and until when', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { throughput: { maxPerHour: 7, maxPerDay: 100, minGapSeconds: 2, queueLimit: 1000 }, jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 100 }] })]);
    const dataDir = join(tmp.dir, 'data');
    const child = spawnCli(['run', '--config', config, '--data-dir', dataDir]);
    const result = collect(child);
    await waitFor('the wait line', () => WAIT.test(result.output()), 90_000);
    const status = await runCli(['status', '--data-dir', dataDir]);
    child.kill('SIGTERM');
    const done = await result;
    expect(done.code).toBe(0);

    const first = radarr.requests.find((r) => r.method === 'POST' && r.path === '/api/v3/command')!.time;
    // the spend is recorded at the grant, a moment before the simulator sees the POST
    const minute = (t: number) => new Date(t + 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const waits = done.stdout.split('\n').filter((l) => l.includes('waiting for'));
    expect(waits).toHaveLength(1);
    const until = WAIT.exec(waits[0])![1];
    expect([minute(first), minute(first - 2000)]).toContain(until);
    expect(done.stdout).toMatch(/Home Radarr \/ Missing: run searched: 5 searched, \d+ skipped, 0 grabbed \(5 queries\)/);

    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`    waiting for the hourly budget (next command costs 5, 2 left) until ${until} UTC`);
    expect(status.stdout).toContain(`    continues at: ${until} UTC`);
    expect(status.stdout).toMatch(/missing \(missing\): cycle 1: 5 of \d+\n/);
  });
});
