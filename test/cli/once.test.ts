/**
 * `trawlarr once`, `status` and `history` as child processes against simulated instances: exit
 * codes 0/2/3 with their messages (the bad field named, the unreachable instance named, the key
 * never printed), the --json document, a dry run that sends no POST or PUT, and the read-only
 * views of the data directory.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineStatusDoc } from '../../src/engine/host';
import { SINGLETON, StateStore } from '../../src/engine/store';
import { startSimulator, type Simulator } from '../../src/simulator';
import { tempDir } from '../engine/host/support';
import type { OnceJson } from '../../src/cli/once-output';
import type { EngineStatus, HistoryPage } from '../../src/shared/status';
import { radarrInstance, runCli, writeConfig, writesSince, type CliResult } from './support';

let radarr: Simulator;
let sonarr: Simulator;
let tmp: { dir: string; remove: () => Promise<void> };

const noKeys = (r: CliResult) => {
  for (const key of [radarr.apiKey, sonarr.apiKey]) {
    expect(r.stdout).not.toContain(key);
    expect(r.stderr).not.toContain(key);
  }
};

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 51, size: 'small', grabChance: 0.5 });
  sonarr = await startSimulator({ app: 'sonarr', seed: 52, size: 'tiny' });
  tmp = await tempDir('trawlarr-cli-');
});

afterAll(async () => {
  await Promise.all([radarr?.close(), sonarr?.close()]);
  await tmp?.remove();
});

describe('trawlarr once', () => {
  it('exits 2 on bad usage, naming the option', async () => {
    const r = await runCli(['once', '--data-dir', tmp.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('trawlarr: --config is required\nRun "trawlarr --help" for usage.\n');
    const help = await runCli(['--help'], { bin: true });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('trawlarr once    --config FILE --data-dir DIR');
  });

  it('exits 2 on a bad config, naming the file and the field, never the key', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { throughput: { maxPerHour: 500 } })], 'bad.json');
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/bad-data`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`trawlarr: ${config}: invalid settings:\n  - instances["radarr"].throughput.maxPerHour: Too big: expected number to be <=60\n`);
    noKeys(r);

    const envConfig = await writeConfig(tmp.dir, [radarrInstance(radarr, { apiKey: 'env:TRAWLARR_NOT_SET' })], 'env.json');
    const e = await runCli(['once', '--config', envConfig, '--data-dir', `${tmp.dir}/bad-data`]);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe('trawlarr: instance "radarr" (Home Radarr): apiKey is read from the environment variable TRAWLARR_NOT_SET, which is not set or empty\n');

    const job = await runCli(['once', '--config', envConfig, '--data-dir', `${tmp.dir}/bad-data`, '--job', 'radarr/nope'], { env: { TRAWLARR_NOT_SET: radarr.apiKey } });
    expect(job.code).toBe(2);
    expect(job.stderr).toBe('trawlarr: --job radarr/nope: instance "radarr" has no job "nope" (jobs: missing)\n');
  });

  it('exits 3 when a key is rejected or an instance is unreachable, naming the instance, never the key', async () => {
    const wrongKey = 'e'.repeat(32);
    const jobs = [
      { id: 'missing', type: 'missing' as const },
      { id: 'cutoff-unmet', type: 'cutoff-unmet' as const },
      { id: 'upgrade', type: 'upgrade' as const },
    ];
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { apiKey: wrongKey, jobs })], 'wrong-key.json');
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/wrong-key`]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('instance "radarr" (Home Radarr): API key rejected (HTTP 401).');
    // said once, not once per job: the jobs that did not run are listed on one line
    expect((r.stdout + r.stderr).split('API key rejected').length - 1).toBe(1);
    expect(r.stdout).toBe('Home Radarr / missing, cutoff-unmet, upgrade: not run: Home Radarr could not be used (the reason is printed below)\n');
    expect(r.stdout + r.stderr).not.toContain(wrongKey);
    noKeys(r);

    const gone = await startSimulator({ app: 'sonarr', seed: 1, size: 'tiny' });
    const url = gone.url;
    await gone.close();
    const down = await writeConfig(tmp.dir, [{ id: 'tv', name: 'Sonarr TV', kind: 'sonarr', url, apiKey: sonarr.apiKey, jobs: [{ id: 'missing', type: 'missing' }] }], 'down.json');
    const d = await runCli(['once', '--config', down, '--data-dir', `${tmp.dir}/down`]);
    expect(d.code).toBe(3);
    expect(d.stderr).toContain(`instance "tv" (Sonarr TV): connection refused at ${url}.`);
    expect(d.stdout).toContain('Sonarr TV / missing: not run:');
    expect((d.stdout + d.stderr).split('connection refused').length - 1).toBe(1);
    noKeys(d);
  });

  it('a dry run prints the planned items and the reason counts as JSON, and sends no POST or PUT', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr)], 'radarr.json');
    const from = radarr.requests.length;
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/data`, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(writesSince(radarr, from)).toEqual([]);
    const doc = JSON.parse(r.stdout) as OnceJson;
    const truth = radarr.groundTruth('missing', { id: 'missing' });
    expect(doc.dryRun).toBe(true);
    expect(doc.jobs).toHaveLength(1);
    const job = doc.jobs[0];
    expect(job).toMatchObject({ instanceId: 'radarr', jobId: 'missing', jobType: 'missing', dryRun: true, cycle: 1, progress: { done: 0, eligible: truth.length, remaining: truth.length } });
    expect(job.searched).toHaveLength(10);
    expect(job.searched.every((i) => truth.includes(i.id) && i.status === 'planned' && i.command === 'MoviesSearch')).toBe(true);
    expect(Object.values(job.reasons).reduce((a, b) => a + b, 0) + truth.length).toBe(radarr.library.movies.size);
    noKeys(r);
  });

  it('a live run searches, prints the searched items, the cycle and progress, and records them in history', async () => {
    const config = `${tmp.dir}/radarr.json`;
    const before = radarr.searches.length;
    const r = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/data`, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as OnceJson;
    const job = doc.jobs[0];
    const searched = radarr.searches.slice(before).flatMap((s) => s.ids);
    expect(job.searched.map((i) => i.id).sort((a, b) => a - b)).toEqual([...searched].sort((a, b) => a - b));
    expect(job).toMatchObject({ result: 'searched', cycle: 1, cost: 10, progress: { done: 10 } });
    expect(job.searched.every((i) => i.commandId !== undefined && ['searched', 'grabbed'].includes(i.status))).toBe(true);

    const text = await runCli(['once', '--config', config, '--data-dir', `${tmp.dir}/data`]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Home Radarr \/ missing: searched 10 items \(10 queries\); cycle 1: 20 of \d+ done\n/);
    expect(text.stdout).toMatch(/\n {2}skipped: has a file \d+/);
    noKeys(text);
  });

  it('status of an engine that died without saying so: not running, next runs only what would happen', async () => {
    const dataDir = `${tmp.dir}/data`;
    const store = await StateStore.open(dataDir);
    const doc = await store.read(engineStatusDoc, SINGLETON);
    // the snapshot of a `run` killed before it could say it stopped: its pid is gone
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await store.write(engineStatusDoc, SINGLETON, { ...doc, running: true, pid: gone });
    try {
      const human = await runCli(['status', '--data-dir', dataDir]);
      expect(human.stdout).toMatch(/^Trawlarr is not running: no engine holds this data directory/);
      expect(human.stdout).toContain('once started)');
    } finally {
      await store.write(engineStatusDoc, SINGLETON, doc);
    }
  });

  it('status and history read the data directory', async () => {
    const status = await runCli(['status', '--data-dir', `${tmp.dir}/data`, '--json']);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { running: boolean; status: EngineStatus };
    expect(s.running).toBe(false);
    expect(s.status.instances[0]).toMatchObject({ id: 'radarr', name: 'Home Radarr', state: 'ok', budget: { usedLastHour: 20 } });
    expect(s.status.instances[0].jobs[0]).toMatchObject({ jobId: 'missing', cycle: 1, done: 20, lastRun: { result: 'searched', searched: 10 } });

    const human = await runCli(['status', '--data-dir', `${tmp.dir}/data`]);
    expect(human.stdout).toContain('Trawlarr is not running');
    // no engine runs: a next run is what would happen once one starts, not a promise
    expect(human.stdout).toMatch(/next run: none, no engine is running \(would run at \d{4}-\d\d-\d\d \d\d:\d\d UTC once started\)/);
    expect(human.stdout).not.toMatch(/next run: \d/);
    expect(human.stdout).toContain('Home Radarr (radarr, radarr');
    expect(human.stdout).toMatch(/missing \(missing\): cycle 1: 20 of \d+\n/);

    const history = await runCli(['history', '--data-dir', `${tmp.dir}/data`, '--json', '--limit', '3']);
    expect(history.code).toBe(0);
    const page = JSON.parse(history.stdout) as HistoryPage;
    expect(page.entries).toHaveLength(3);
    expect(page.entries[0].id).toBeGreaterThan(page.entries[1].id);
    const all = JSON.parse((await runCli(['history', '--data-dir', `${tmp.dir}/data`, '--json', '--limit', '1000'])).stdout) as HistoryPage;
    const ids = all.entries.filter((e) => e.status === 'searched' || e.status === 'grabbed').flatMap((e) => e.items.map((i) => i.id));
    expect(ids.sort((a, b) => a - b)).toEqual(radarr.searches.flatMap((s) => s.ids).sort((a, b) => a - b));
    expect(all.entries.some((e) => e.status === 'skipped' && e.dryRun)).toBe(true);

    const text = await runCli(['history', '--data-dir', `${tmp.dir}/data`, '--limit', '2']);
    expect(text.stdout.trim().split('\n')).toHaveLength(3);
    expect(text.stdout).toMatch(/radarr\/missing {2}(searched|grabbed|run summary)/);
    // a run's summary of what it skipped is not itself "skipped"
    const fullText = (await runCli(['history', '--data-dir', `${tmp.dir}/data`, '--limit', '1000'])).stdout;
    expect(fullText).toMatch(/radarr\/missing {2}run summary/);
    expect(fullText).not.toMatch(/ {2}skipped /);

    const missing = await runCli(['history', '--data-dir', `${tmp.dir}/nothing-here`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--data-dir ${tmp.dir}/nothing-here: no such directory`);
  });
});
