/**
 * The data directory's lock through the real headless command: `trawlarr run` as PID 1 of a PID
 * namespace (a container) SIGKILLed and started again, also as PID 1; a second engine refused while
 * the first lives; the read-only commands working meanwhile. Real lock timings (stale 15 s).
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator';
import { tempDir } from '../engine/host/support';
import { namespaceInitPid, spawnInNamespace, unshareUnavailable } from '../support/namespaces';
import { collect, MAIN, radarrInstance, ROOT, runCli, spawnCli, waitFor, writeConfig } from './support';

let radarr: Simulator;
let tmp: { dir: string; remove: () => Promise<void> };
const nsProblem = unshareUnavailable();
/** namespaced tests are skipped, with the reason in their title, only where unshare cannot run */
const skipNs = nsProblem !== undefined;
const nsNote = nsProblem ? ` (skipped: ${nsProblem})` : '';

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 91, size: 'tiny' });
  tmp = await tempDir('trawlarr-cli-lock-');
});

afterAll(async () => {
  await radarr?.close();
  await tmp?.remove();
});

/** `trawlarr run` as PID 1 of a new PID namespace. */
function runInNamespace(args: string[]): { unshare: ChildProcess; result: ReturnType<typeof collect> } {
  const unshare = spawnInNamespace([process.execPath, '--import', 'tsx', MAIN, ...args], { cwd: ROOT, env: { ...process.env, TRAWLARR_POLL_MS: '5', NO_COLOR: '1' } });
  return { unshare, result: collect(unshare) };
}

describe('reliability finding 9.4: `trawlarr run` in a container restarts after an unclean stop', () => {
  it(`runs as PID 1, is SIGKILLed, and starts again as PID 1 after waiting for the dead lock to go stale${nsNote}`, { skip: skipNs, timeout: 90_000 }, async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 1, schedule: { every: '24h' } }] })], 'ns.json');
    const dataDir = join(tmp.dir, 'ns-data');
    const args = ['run', '--config', config, '--data-dir', dataDir];

    const first = runInNamespace(args);
    await waitFor('the first run to start', () => first.result.output().includes('Trawlarr is running'));
    process.kill(await namespaceInitPid(first.unshare), 'SIGKILL');
    expect((await first.result).code).not.toBe(0);

    const second = runInNamespace(args);
    await waitFor('the second run to start', () => second.result.output().includes('Trawlarr is running'), 40_000);
    process.kill(await namespaceInitPid(second.unshare), 'SIGTERM');
    const done = await second.result;
    expect(done.stderr).toMatch(/data directory .* is locked \(pid 1 on host .*waiting up to \d+ s for it to go stale/);
    expect(done.stderr).not.toContain('in use by another Trawlarr');
    expect(done.code, done.stderr).toBe(0);
  });

  it('refuses a second engine while the first lives, and status and history still read the directory', { timeout: 120_000 }, async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 1, schedule: { every: '24h' } }] })], 'live.json');
    const dataDir = join(tmp.dir, 'live-data');
    const run = spawnCli(['run', '--config', config, '--data-dir', dataDir]);
    const running = collect(run);
    try {
      await waitFor('run to start', () => running.output().includes('Trawlarr is running'));
      const once = await runCli(['once', '--config', config, '--data-dir', dataDir]);
      expect(once.code).toBe(1);
      expect(once.stderr).toContain(`data directory ${dataDir} is in use by another Trawlarr (pid ${run.pid}`);
      const status = await runCli(['status', '--data-dir', dataDir, '--json']);
      expect(status.code, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ running: true });
      const history = await runCli(['history', '--data-dir', dataDir]);
      expect(history.code, history.stderr).toBe(0);
    } finally {
      run.kill('SIGTERM');
      expect((await running).code).toBe(0);
    }
    const after = await runCli(['status', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ running: false });
  });
});
