/**
 * The host's AppService, settings side, against simulated Radarr and Sonarr on real sockets:
 * masked settings, instances (write-only keys), connection tests with the clients' errors,
 * metadata, jobs, throughput and budget groups, app settings, import and export. Every response
 * goes through the contract's dispatch; none may hold a stored key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { KEYS_NOT_EXPORTED } from '../../../src/engine/host';
import type { Settings } from '../../../src/shared/settings';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { caller, type Caller } from './caller';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

let radarr: Simulator;
let sonarr: Simulator;
let host: EngineHost;
let saved: Settings[];
let api: Caller;
let cleanup: () => Promise<void>;
const SONARR_ENV_KEY = 'TRAWLARR_TEST_SONARR_KEY';

const lastSaved = () => saved[saved.length - 1];

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 21, size: 'tiny' });
  sonarr = await startSimulator({ app: 'sonarr', seed: 22, size: 'tiny' });
  const tmp = await tempDir();
  const settings = settingsOf([
    instanceOf(radarr, 'radarr', { jobs: [{ id: 'missing', type: 'missing', schedule: { cron: '0 3 1 1 *' } }] }),
    instanceOf(sonarr, 'sonarr', { apiKey: `env:${SONARR_ENV_KEY}`, jobs: [] }),
  ]);
  const opened = await openHost(settings, tmp.dir, { env: { [SONARR_ENV_KEY]: sonarr.apiKey } });
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
  const { texts, redactions } = api.transcript();
  await cleanup();
  // the last line of defence was never needed, and no response held a key
  expect(redactions).toEqual([]);
  for (const text of texts) {
    expect(text).not.toContain(radarr.apiKey);
    expect(text).not.toContain(sonarr.apiKey);
  }
});

describe('host service: settings', () => {
  it('shows the settings with keys masked, env references by name, and knows the real keys for the secret scan', async () => {
    const masked = await api.ok('getSettings', {});
    expect(masked.instances.map((i) => i.apiKeyMasked)).toEqual([`••••${radarr.apiKey.slice(-4)}`, `env:${SONARR_ENV_KEY}`]);
    expect(masked.instances[1].apiKeyEnv).toBe(SONARR_ENV_KEY);
    expect([...host.service.secrets()].sort()).toEqual([radarr.apiKey, sonarr.apiKey].sort());
  });

  it('adds an instance only with a key, names the bad field of the form, and keeps a stored key when the draft has none', async () => {
    const noKey = await api.fail('saveInstance', { id: 'radarr-4k', name: 'Radarr 4K', kind: 'radarr', url: radarr.url });
    expect(noKey.code).toBe('invalid-request');
    expect(noKey.issues?.map((i) => i.path)).toEqual([['apiKey']]);

    const badGroup = await api.fail('saveInstance', { id: 'radarr-4k', name: 'Radarr 4K', kind: 'radarr', url: radarr.url, apiKey: radarr.apiKey, budgetGroup: 'nope' });
    expect(badGroup.issues).toEqual([{ path: ['budgetGroup'], field: 'instances["radarr-4k"].budgetGroup', message: 'unknown budget group "nope"' }]);
    expect(badGroup.message).not.toContain(radarr.apiKey);

    // another Radarr (its own URL base): two enabled instances at one address are refused (same-url.test.ts);
    // nothing answers there, so it is saved without the connection test (instance-save.test.ts)
    await api.ok('saveInstance', { id: 'radarr-4k', name: 'Radarr 4K', kind: 'radarr', url: `${radarr.url}/radarr4k`, apiKey: radarr.apiKey, saveAnyway: true });
    expect(lastSaved().instances.find((i) => i.id === 'radarr-4k')?.apiKey).toBe(radarr.apiKey);

    const renamed = await api.ok('saveInstance', { id: 'radarr-4k', name: 'Radarr UHD', kind: 'radarr', url: `${radarr.url}/radarr4k`, saveAnyway: true });
    expect(renamed.instances.find((i) => i.id === 'radarr-4k')?.name).toBe('Radarr UHD');
    expect(lastSaved().instances.find((i) => i.id === 'radarr-4k')).toMatchObject({ name: 'Radarr UHD', apiKey: radarr.apiKey });

    // a kind change the instance's jobs do not allow names the job
    await api.ok('saveJob', { instanceId: 'sonarr', job: { id: 'new', type: 'new-episodes' } });
    const wrongKind = await api.fail('saveInstance', { id: 'sonarr', name: 'Sonarr', kind: 'radarr', url: sonarr.url });
    expect(wrongKind.issues?.[0]).toMatchObject({ path: ['jobs', 0, 'type'], field: 'instances["sonarr"].jobs["new"].type', message: 'new-episodes is a Sonarr job' });
    expect(lastSaved().instances.find((i) => i.id === 'sonarr')?.kind).toBe('sonarr');

    const removed = await api.ok('removeInstance', { instanceId: 'radarr-4k' });
    expect(removed.instances.map((i) => i.id)).toEqual(['radarr', 'sonarr']);
    expect((await api.fail('removeInstance', { instanceId: 'radarr-4k' })).code).toBe('not-found');
  });

  it('tests a connection with a typed or the stored key and reports the clients’ clear errors', async () => {
    expect(await api.ok('testConnection', { url: radarr.url, kind: 'radarr', useStoredKeyOf: 'radarr' })).toMatchObject({ ok: true, app: 'radarr' });
    expect(await api.ok('testConnection', { url: sonarr.url, kind: 'sonarr', useStoredKeyOf: 'sonarr' })).toMatchObject({ ok: true, app: 'sonarr' });
    expect(await api.ok('testConnection', { url: sonarr.url, kind: 'sonarr', apiKey: sonarr.apiKey })).toMatchObject({ ok: true });

    const wrongKey = await api.ok('testConnection', { url: radarr.url, kind: 'radarr', apiKey: 'f'.repeat(32) });
    expect(wrongKey).toMatchObject({ ok: false, reason: 'key-rejected' });
    expect(wrongKey.ok || wrongKey.message).toMatch(/API key rejected \(HTTP 401\)/);

    const wrongApp = await api.ok('testConnection', { url: sonarr.url, kind: 'radarr', apiKey: sonarr.apiKey });
    expect(wrongApp).toMatchObject({ ok: false, reason: 'wrong-app' });
    expect(wrongApp.ok || wrongApp.message).toContain('is Sonarr');

    const gone = await startSimulator({ app: 'radarr', seed: 1, size: 'tiny' });
    const url = gone.url;
    await gone.close();
    expect(await api.ok('testConnection', { url, kind: 'radarr', apiKey: radarr.apiKey })).toMatchObject({ ok: false, reason: 'unreachable' });

    radarr.faults.htmlInsteadOfJson = true;
    try {
      expect(await api.ok('testConnection', { url: radarr.url, kind: 'radarr', useStoredKeyOf: 'radarr' })).toMatchObject({ ok: false, reason: 'html' });
    } finally {
      radarr.faults.htmlInsteadOfJson = false;
    }
    expect((await api.fail('testConnection', { url: radarr.url, kind: 'radarr', useStoredKeyOf: 'nope' })).code).toBe('not-found');
  });

  it('reads quality profiles and tags from the instance', async () => {
    const meta = await api.ok('getInstanceMetadata', { instanceId: 'radarr' });
    expect(meta.qualityProfiles).toEqual(radarr.library.qualityProfiles.map((p) => ({ id: p.id, name: p.name })));
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    expect([...meta.tags].sort(byId)).toEqual(radarr.library.tags.map((t) => ({ id: t.id, label: t.label })).sort(byId));
    expect((await api.fail('getInstanceMetadata', { instanceId: 'nope' })).code).toBe('not-found');
  });

  it('saves jobs with the job form’s field named on a bad value, and removes them', async () => {
    const badTag = await api.fail('saveJob', { instanceId: 'radarr', job: { id: 'upgrade', type: 'upgrade', tag: 'Bad Tag' } });
    expect(badTag.issues?.map((i) => i.path)).toEqual([['job', 'tag']]);

    const sonarrOnly = await api.fail('saveJob', { instanceId: 'radarr', job: { id: 'new', type: 'new-episodes' } });
    expect(sonarrOnly.issues).toEqual([{ path: ['job', 'type'], field: 'instances["radarr"].jobs["new"].type', message: 'new-episodes is a Sonarr job' }]);

    const clash = await api.fail('saveJob', { instanceId: 'radarr', job: { id: 'second', type: 'missing', tag: 'trawlarr-missing' } });
    expect(clash.issues?.[0]).toMatchObject({ path: ['job', 'tag'], message: 'tag "trawlarr-missing" is used by another job of this instance' });

    const added = await api.ok('saveJob', { instanceId: 'radarr', job: { id: 'upgrade', type: 'upgrade', itemsPerRun: 7, schedule: { every: '168h' } } });
    expect(added.instances[0].jobs.map((j) => j.id)).toEqual(['missing', 'upgrade']);
    expect(lastSaved().instances[0].jobs[1]).toMatchObject({ id: 'upgrade', itemsPerRun: 7, unattended: true });
    await host.whenIdle();
    expect(host.status().instances[0].jobs.map((j) => j.jobId)).toEqual(['missing', 'upgrade']);

    await api.ok('removeJob', { instanceId: 'radarr', jobId: 'upgrade' });
    expect((await api.fail('removeJob', { instanceId: 'radarr', jobId: 'upgrade' })).code).toBe('not-found');
  });

  it('saves throughput and budget groups; the rebuilt scheduler uses the new limits', async () => {
    const bad = await api.fail('saveThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 500 } });
    expect(bad.code).toBe('invalid-request');
    expect(bad.issues?.[0].path).toEqual(['throughput', 'maxPerHour']);

    await api.ok('saveThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 7, maxPerDay: 70 } });
    await host.whenIdle();
    expect(host.status().instances[0].budget).toMatchObject({ key: 'radarr', maxPerHour: 7, maxPerDay: 70 });

    await api.ok('saveThroughput', { scope: 'budgetGroup', group: { id: 'movies', name: 'Movie indexers', maxPerHour: 4, maxPerDay: 40 } });
    await api.ok('saveInstance', { id: 'radarr', name: radarr.app, kind: 'radarr', url: radarr.url, budgetGroup: 'movies' });
    await host.whenIdle();
    expect(host.status().instances[0].budget).toMatchObject({ key: 'movies', maxPerHour: 4, maxPerDay: 40 });

    const afterRemoval = await api.ok('removeBudgetGroup', { budgetGroupId: 'movies' });
    expect(afterRemoval.budgetGroups).toEqual([]);
    expect(afterRemoval.instances[0].budgetGroup).toBeUndefined();
    await host.whenIdle();
    expect(host.status().instances[0].budget).toMatchObject({ key: 'radarr', maxPerHour: 7 });
    expect((await api.fail('removeBudgetGroup', { budgetGroupId: 'movies' })).code).toBe('not-found');
  });

  it('saves app settings and reports browser mode without launch at login', async () => {
    const s = await api.ok('saveAppSettings', { horizonDays: 30, notifications: { cycleComplete: false, grabs: true, instanceDown: true, budgetWarning: true } });
    expect(s.horizonDays).toBe(30);
    expect(lastSaved().notifications.cycleComplete).toBe(false);
    const info = await api.ok('getAppInfo', {});
    expect(info).toMatchObject({ mode: 'browser', launchAtLogin: { supported: false, enabled: false }, secretStorage: { encrypted: false } });
    expect((await api.fail('setLaunchAtLogin', { enabled: true })).code).toBe('unsupported');
  });

  it('exports without keys, refuses an export with keys over the contract, and imports keeping stored keys', async () => {
    const exported = await api.ok('exportSettings', { includeKeys: false });
    if (exported.kind !== 'content') throw new Error('expected content');
    const doc = JSON.parse(exported.json) as Settings;
    expect(doc.instances[0]).not.toHaveProperty('apiKey');
    expect(doc.instances[1].apiKey).toBe(`env:${SONARR_ENV_KEY}`);

    const withKeys = await api.fail('exportSettings', { includeKeys: true });
    expect(withKeys).toMatchObject({ code: 'forbidden', message: KEYS_NOT_EXPORTED });

    doc.horizonDays = 45;
    const imported = await api.ok('importSettings', { json: JSON.stringify(doc) });
    expect(imported.settings.horizonDays).toBe(45);
    expect(imported.warnings).toEqual(['instance "radarr" (radarr): the file has no API key, the stored one is kept']);
    expect(lastSaved().instances[0].apiKey).toBe(radarr.apiKey);

    const stranger = { ...doc, instances: [...doc.instances, { id: 'other', name: 'Other', kind: 'radarr', url: 'http://127.0.0.1:1' }] };
    const refused = await api.fail('importSettings', { json: JSON.stringify(stranger) });
    expect(refused.message).toContain('no API key for "other"');
    expect((await api.fail('importSettings', { json: '{"version":1,"instances":[{"id":"x"}]}' })).code).toBe('invalid-request');
    expect((await api.fail('importSettings', { json: 'not json' })).message).toContain('not valid JSON');
    expect(host.settings().horizonDays).toBe(45);
  });
});
