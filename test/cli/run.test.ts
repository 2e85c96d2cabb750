/**
 * `trawlarr run` as a child process: it searches on its schedules, serves the UI with --ui (token
 * required), keeps the data directory to itself while `status` and `history` still read it, and
 * on SIGTERM stops after the current command: the command in flight is finished and recorded.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type EngineStatus, type HistoryPage } from '../../src/shared/contract';
import { startSimulator, type Simulator } from '../../src/simulator';
import { tempDir } from '../engine/host/support';
import { collect, radarrInstance, runCli, spawnCli, waitFor, writeConfig } from './support';

let radarr: Simulator;
let tmp: { dir: string; remove: () => Promise<void> };
let renderer: string;

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 61, size: 'small', grabChance: 0.3 });
  tmp = await tempDir('trawlarr-cli-run-');
  renderer = join(tmp.dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Trawlarr</title>');
});

afterAll(async () => {
  await radarr?.close();
  await tmp?.remove();
});

const posts = () => radarr.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/command');

describe('trawlarr run', () => {
  it('says how to build the UI when it is missing', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr)], 'missing-ui.json');
    const r = await runCli(['run', '--config', config, '--data-dir', join(tmp.dir, 'no-ui'), '--ui'], { env: { TRAWLARR_RENDERER_DIR: join(tmp.dir, 'nowhere') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`trawlarr: the browser UI is not built (no ${join(tmp.dir, 'nowhere', 'index.html')}): run "npm run build" first, or start without --ui\n`);
  });

  it('exits 3 at start when an instance rejects its key', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { apiKey: 'd'.repeat(32) })], 'rejected.json');
    const r = await runCli(['run', '--config', config, '--data-dir', join(tmp.dir, 'rejected')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('instance "radarr" (Home Radarr): API key rejected (HTTP 401).');
    expect(r.stderr).not.toContain('d'.repeat(32));
  });

  it('runs on its schedules with the UI, shares the data directory read-only, and stops after the current command', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 100 }] })], 'run.json');
    const dataDir = join(tmp.dir, 'run-data');
    const child = spawnCli(['run', '--config', config, '--data-dir', dataDir, '--ui', '--port', '0'], { env: { TRAWLARR_RENDERER_DIR: renderer } });
    const result = collect(child);
    const url = /Trawlarr UI: (http:\/\/127\.0\.0\.1:(\d+))\//;
    await waitFor('the UI address', () => url.test(result.output()));
    const [, origin] = url.exec(result.output())!;
    // scripts on this machine may send the secret kept in the data directory as a Bearer token
    const token = (await readFile(join(dataDir, 'ui', 'secret'), 'utf8')).trim();

    // the API needs a credential; with it, the status shows the running engine
    expect((await fetch(`${origin}/api/getStatus`, { method: 'POST', headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: '{}' })).status).toBe(401);
    const status = await fetch(`${origin}/api/getStatus`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [CSRF_HEADER]: '1' }, body: '{}' });
    expect(status.status).toBe(200);
    const body = await status.text();
    expect(body).not.toContain(radarr.apiKey);
    expect((JSON.parse(body) as { value: EngineStatus }).value.instances[0].id).toBe('radarr');

    // the job never ran: it starts at once; commands of five movies, two seconds apart
    await waitFor('the second command', () => posts().length >= 2);
    const readers = await Promise.all([
      runCli(['status', '--data-dir', dataDir, '--json']),
      runCli(['history', '--data-dir', dataDir, '--json']),
      runCli(['once', '--config', config, '--data-dir', dataDir]),
    ]);
    expect(readers[0].code).toBe(0);
    expect(JSON.parse(readers[0].stdout)).toMatchObject({ running: true, status: { instances: [{ id: 'radarr' }] } });
    expect(readers[1].code).toBe(0);
    expect((JSON.parse(readers[1].stdout) as HistoryPage).entries.length).toBeGreaterThan(0);
    expect(readers[2].code).toBe(1);
    expect(readers[2].stderr).toMatch(/data directory .* is in use by another Trawlarr \(pid \d+/);

    // SIGTERM right after a command was sent: that command still ends and is recorded
    const sent = posts().length;
    await waitFor('another command', () => posts().length > sent);
    child.kill('SIGTERM');
    const done = await result;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('SIGTERM: stopping after the current command…');
    expect(done.stdout.trim().endsWith('Trawlarr stopped.')).toBe(true);
    expect(done.stdout + done.stderr).not.toContain(radarr.apiKey);
    expect(done.stdout + done.stderr).not.toContain(token);

    const after = JSON.parse((await runCli(['history', '--data-dir', dataDir, '--json', '--limit', '100'])).stdout) as HistoryPage;
    const recorded = new Set(after.entries.flatMap((e) => (e.commandId === undefined ? [] : [e.commandId])));
    const completed = [...radarr.commands.values()].filter((c) => c.status === 'completed' && c.def.name === 'MoviesSearch');
    expect(completed.length).toBe(posts().length);
    for (const c of completed) expect(recorded.has(c.id)).toBe(true);
    // it did not go on with the rest of the run
    expect(posts().length).toBe(sent + 1);
    expect(radarr.groundTruth('missing', { id: 'missing' }).length).toBeGreaterThan(5 * posts().length);
    const finalStatus = JSON.parse((await runCli(['status', '--data-dir', dataDir, '--json'])).stdout) as { running: boolean };
    expect(finalStatus.running).toBe(false);
  });
});
