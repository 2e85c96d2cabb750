/**
 * Saving an instance from the settings window, against simulated Radarr and Sonarr: the save
 * tests the connection first and refuses an instance that does not answer (unreachable, key
 * rejected, another app) unless told to save anyway; a disabled instance is not contacted; a new
 * instance starts with default jobs (missing and cutoff unmet on, upgrade there but off, new
 * episodes for Sonarr).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import type { Settings } from '../../../src/shared/settings';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { caller, type Caller } from './caller';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

let radarr: Simulator;
let sonarr: Simulator;
let goneUrl: string;
let host: EngineHost;
let saved: Settings[];
let api: Caller;
let cleanup: () => Promise<void>;

const lastSaved = () => saved[saved.length - 1];
const storedIds = () => (lastSaved()?.instances ?? host.settings().instances).map((i) => i.id);

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 61, size: 'tiny' });
  sonarr = await startSimulator({ app: 'sonarr', seed: 62, size: 'tiny' });
  const gone = await startSimulator({ app: 'radarr', seed: 63, size: 'tiny' });
  goneUrl = gone.url;
  await gone.close();
  const tmp = await tempDir();
  const opened = await openHost(settingsOf([instanceOf(radarr, 'radarr', { jobs: [] })]), tmp.dir);
  host = opened.host;
  saved = opened.saved;
  api = caller(host.service);
  cleanup = async () => {
    await host.stop();
    await Promise.all([radarr.close(), sonarr.close()]);
    await tmp.remove();
  };
});

afterAll(async () => {
  const { texts } = api.transcript();
  await cleanup();
  for (const text of texts) {
    expect(text).not.toContain(radarr.apiKey);
    expect(text).not.toContain(sonarr.apiKey);
  }
});

describe('saving an instance tests its connection first', () => {
  it('refuses an unreachable instance, saying why, with an issue the form offers "Save anyway" for; saveAnyway keeps it', async () => {
    const draft = { id: 'far', name: 'Far Radarr', kind: 'radarr' as const, url: goneUrl, apiKey: radarr.apiKey };
    const refused = await api.fail('saveInstance', draft);
    expect(refused.code).toBe('unavailable');
    expect(refused.issues).toEqual([{ path: ['connection'], field: 'connection', message: expect.stringContaining(`Far Radarr: connection refused at ${goneUrl}`) }]);
    expect(refused.message).toMatch(/^the connection test failed: .*save anyway/);
    expect(storedIds()).not.toContain('far');

    await api.ok('saveInstance', { ...draft, saveAnyway: true });
    expect(storedIds()).toContain('far');
    // the flag is a request, not a setting
    expect(lastSaved().instances.find((i) => i.id === 'far')).not.toHaveProperty('saveAnyway');
  });

  it('refuses a rejected key and another app at the address', async () => {
    const wrongKey = await api.fail('saveInstance', { id: 'r2', name: 'Second', kind: 'radarr', url: radarr.url, apiKey: 'e'.repeat(32) });
    expect(wrongKey.issues?.[0].message).toMatch(/API key rejected \(HTTP 401\)/);
    const wrongApp = await api.fail('saveInstance', { id: 'r3', name: 'Third', kind: 'radarr', url: sonarr.url, apiKey: sonarr.apiKey });
    expect(wrongApp.issues?.[0].path).toEqual(['connection']);
    expect(wrongApp.issues?.[0].message).toMatch(/Sonarr/);
    expect(storedIds()).not.toContain('r2');
    expect(storedIds()).not.toContain('r3');
  });

  it('tests an edit with the stored key at its own address, and does not contact a disabled instance', async () => {
    // the stored key of "radarr", at the address it was saved with
    expect((await api.ok('saveInstance', { id: 'radarr', name: 'Renamed', kind: 'radarr', url: radarr.url })).instances[0].name).toBe('Renamed');
    const before = sonarr.requests.length;
    await api.ok('saveInstance', { id: 'later', name: 'Later', kind: 'sonarr', url: sonarr.url, apiKey: 'f'.repeat(32), enabled: false });
    expect(sonarr.requests.length).toBe(before);
    expect(storedIds()).toContain('later');
  });

  it('still reports the form’s own mistakes before any test', async () => {
    const badGroup = await api.fail('saveInstance', { id: 'r4', name: 'Fourth', kind: 'radarr', url: goneUrl, apiKey: radarr.apiKey, budgetGroup: 'nope' });
    expect(badGroup.issues?.map((i) => i.path)).toEqual([['budgetGroup']]);
  });
});

describe('a new instance starts with jobs', () => {
  it('Radarr: missing and cutoff unmet on, upgrade present but off', async () => {
    // one enabled instance per address (same-url.test.ts): this one takes the simulator's place
    await api.ok('removeInstance', { instanceId: 'radarr' });
    await api.ok('saveInstance', { id: 'movies', name: 'Movies', kind: 'radarr', url: radarr.url, apiKey: radarr.apiKey });
    const jobs = host.settings().instances.find((i) => i.id === 'movies')!.jobs;
    expect(jobs.map((j) => [j.type, j.enabled])).toEqual([
      ['missing', true],
      ['cutoff-unmet', true],
      ['upgrade', false],
    ]);
  });

  it('Sonarr: new episodes too; an edit keeps the jobs it has', async () => {
    await api.ok('saveInstance', { id: 'tv', name: 'TV', kind: 'sonarr', url: sonarr.url, apiKey: sonarr.apiKey });
    const jobsOf = () => host.settings().instances.find((i) => i.id === 'tv')!.jobs;
    expect(jobsOf().map((j) => [j.type, j.enabled])).toEqual([
      ['new-episodes', true],
      ['missing', true],
      ['cutoff-unmet', true],
      ['upgrade', false],
    ]);
    // disabled: a second enabled instance at the same address is refused (same-url.test.ts)
    await api.ok('saveInstance', { id: 'bare', name: 'Bare', kind: 'sonarr', url: sonarr.url, apiKey: sonarr.apiKey, enabled: false, startWithDefaultJobs: false });
    expect(host.settings().instances.find((i) => i.id === 'bare')!.jobs).toEqual([]);
    await api.ok('removeJob', { instanceId: 'tv', jobId: 'upgrade' });
    await api.ok('saveInstance', { id: 'tv', name: 'TV shows', kind: 'sonarr', url: sonarr.url });
    expect(jobsOf().map((j) => j.id)).toEqual(['new-episodes', 'missing', 'cutoff-unmet']);
  });
});
