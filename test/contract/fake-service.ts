/**
 * An in-memory AppService for transport tests: real settings validation and masking, canned engine
 * answers. `leaky: true` makes it misbehave the way a buggy backend could (a key in an extra field,
 * in an error message, in an event) so the tests can prove the transports still never emit a key.
 */
import { settingsSchema, type Settings } from '../../src/shared/settings';
import type { EngineStatus, HistoryEntry } from '../../src/shared/status';
import { maskSettings, ServiceError, type AppService, type BackendEvent } from '../../src/shared/contract';

export const KEY_RADARR = '0123456789abcdef0123456789ab1a2b';
export const KEY_SONARR = 'fedcba9876543210fedcba9876543c4d';
export const STORED_KEYS = [KEY_RADARR, KEY_SONARR];

export function sampleSettings(): Settings {
  return settingsSchema.parse({
    version: 1,
    instances: [
      { id: 'radarr', name: 'Radarr 4K', kind: 'radarr', url: 'http://127.0.0.1:7878', apiKey: KEY_RADARR, jobs: [{ id: 'upgrade', type: 'upgrade' }] },
      { id: 'sonarr', name: 'Sonarr', kind: 'sonarr', url: 'http://127.0.0.1:8989', apiKey: KEY_SONARR, jobs: [{ id: 'missing', type: 'missing' }] },
    ],
  });
}

export function sampleStatus(at = '2025-01-31T12:00:00.000Z'): EngineStatus {
  return {
    at,
    paused: false,
    searching: false,
    instances: [
      {
        id: 'radarr',
        name: 'Radarr 4K',
        kind: 'radarr',
        enabled: true,
        paused: false,
        state: 'ok',
        version: '5.14.0',
        budget: { key: 'radarr', usedLastHour: 2, usedLastDay: 20, maxPerHour: 10, maxPerDay: 100 },
        jobs: [
          { instanceId: 'radarr', jobId: 'upgrade', type: 'upgrade', enabled: true, paused: false, running: false, cycle: 3, done: 412, eligible: 1530, nextRunAt: '2025-01-31T14:00:00.000Z' },
        ],
      },
    ],
  };
}

const entry: HistoryEntry = {
  id: 1,
  at: '2025-01-31T11:00:00.000Z',
  instanceId: 'radarr',
  jobId: 'upgrade',
  jobType: 'upgrade',
  status: 'searched',
  items: [{ id: 7, title: 'Heat (1995)' }],
  grabs: [],
  cost: 1,
};

export interface FakeService extends AppService {
  settings: Settings;
  calls: { channel: string; request: unknown }[];
  emit(event: BackendEvent): void;
  subscribeCount(): number;
}

export function createFakeService(options: { leaky?: boolean } = {}): FakeService {
  const leak = options.leaky ? { apiKey: KEY_RADARR, debug: `key=${KEY_SONARR}` } : {};
  const listeners = new Set<(e: BackendEvent) => void>();
  const calls: FakeService['calls'] = [];
  const findInstance = (id: string) => {
    const instance = service.settings.instances.find((i) => i.id === id);
    if (!instance) throw new ServiceError('not-found', `no instance "${id}"`);
    return instance;
  };
  const masked = () => ({ ...maskSettings(service.settings), ...leak, instances: maskSettings(service.settings).instances.map((i) => ({ ...i, ...leak })) });
  const commit = (next: unknown) => {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw new ServiceError('invalid-request', parsed.error.issues.map((i) => i.message).join('; '));
    service.settings = parsed.data;
    return masked();
  };
  const record = <T>(channel: string, request: unknown, value: T): Promise<T> => {
    calls.push({ channel, request });
    return Promise.resolve(value);
  };

  const service: FakeService = {
    settings: sampleSettings(),
    calls,
    emit: (event) => listeners.forEach((l) => l(event)),
    subscribeCount: () => listeners.size,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    secrets: () => service.settings.instances.map((i) => i.apiKey),

    getStatus: (r) => record('getStatus', r, { ...sampleStatus(), ...leak }),
    setPaused: (r) => record('setPaused', r, { ...sampleStatus(), paused: r.paused }),
    getSettings: (r) => record('getSettings', r, masked()),
    async saveInstance(r) {
      calls.push({ channel: 'saveInstance', request: r });
      const existing = service.settings.instances.find((i) => i.id === r.id);
      const apiKey = r.apiKey ?? existing?.apiKey;
      if (!apiKey) throw new ServiceError('invalid-request', 'apiKey: an API key is required for a new instance', [{ path: ['apiKey'], field: 'apiKey', message: 'an API key is required for a new instance' }]);
      const next = { ...existing, ...r, apiKey };
      const instances = existing ? service.settings.instances.map((i) => (i.id === r.id ? next : i)) : [...service.settings.instances, next];
      return commit({ ...service.settings, instances });
    },
    async removeInstance(r) {
      findInstance(r.instanceId);
      return commit({ ...service.settings, instances: service.settings.instances.filter((i) => i.id !== r.instanceId) });
    },
    async testConnection(r) {
      calls.push({ channel: 'testConnection', request: r });
      const key = r.useStoredKeyOf ? findInstance(r.useStoredKeyOf).apiKey : r.apiKey;
      if (options.leaky) throw new Error(`401 Unauthorized for X-Api-Key ${key}`);
      return key === KEY_RADARR || key === KEY_SONARR ? { ok: true, app: r.kind, version: '5.14.0' } : { ok: false, reason: 'key-rejected', message: `${r.url} rejected the API key (401)` };
    },
    getInstanceMetadata: (r) => {
      findInstance(r.instanceId);
      return record('getInstanceMetadata', r, { qualityProfiles: [{ id: 1, name: 'HD-1080p' }], tags: [{ id: 1, label: 'trawlarr-upgrade' }] });
    },
    async saveJob(r) {
      const instance = findInstance(r.instanceId);
      const jobs = instance.jobs.some((j) => j.id === r.job.id) ? instance.jobs.map((j) => (j.id === r.job.id ? r.job : j)) : [...instance.jobs, r.job];
      return commit({ ...service.settings, instances: service.settings.instances.map((i) => (i.id === instance.id ? { ...i, jobs } : i)) });
    },
    async removeJob(r) {
      const instance = findInstance(r.instanceId);
      return commit({ ...service.settings, instances: service.settings.instances.map((i) => (i.id === instance.id ? { ...i, jobs: i.jobs.filter((j) => j.id !== r.jobId) } : i)) });
    },
    previewJob: (r) => record('previewJob', r, { instanceId: r.instanceId, jobId: r.jobId, cycle: 3, eligible: 1530, done: 412, chosen: [{ id: 7, title: 'Heat (1995)', cost: 1 }], cost: 1, skipped: { 'already downloading': 2 }, ...leak }),
    runJobNow: (r) => record('runJobNow', r, { started: true, message: `running ${r.instanceId}/${r.jobId}` }),
    startNextCycle: (r) => record('startNextCycle', r, { started: true, message: `next cycle of ${r.instanceId}/${r.jobId}` }),
    async saveThroughput(r) {
      if (r.scope === 'instance') {
        findInstance(r.instanceId);
        return commit({ ...service.settings, instances: service.settings.instances.map((i) => (i.id === r.instanceId ? { ...i, throughput: r.throughput } : i)) });
      }
      return commit({ ...service.settings, budgetGroups: [...service.settings.budgetGroups.filter((g) => g.id !== r.group.id), r.group] });
    },
    async removeBudgetGroup(r) {
      return commit({ ...service.settings, budgetGroups: service.settings.budgetGroups.filter((g) => g.id !== r.budgetGroupId) });
    },
    forecastThroughput: (r) =>
      record('forecastThroughput', r, {
        jobs: [{ instanceId: 'radarr', jobId: 'upgrade', jobType: 'upgrade' as const, remaining: 1118, days: r.scope === 'instance' ? Math.ceil(1118 / r.throughput.maxPerDay) : null, limitedBy: 'daily budget' as const, withinHorizon: true }],
        fullCoverageDays: r.scope === 'instance' ? Math.ceil(1118 / r.throughput.maxPerDay) : null,
        horizonDays: service.settings.horizonDays,
      }),
    queryHistory: (r) => record('queryHistory', r, { entries: [{ ...entry, ...leak }], total: 1 }),
    historyPerDay: (r) => record('historyPerDay', r, { days: [{ date: '2025-01-31', searched: 1, grabbed: 0, failed: 0 }] }),
    exportHistoryCsv: (r) => record('exportHistoryCsv', r, { fileName: 'history.csv', csv: options.leaky ? `id,key\n1,${KEY_RADARR}\n` : 'id,status\n1,searched\n' }),
    async saveAppSettings(r) {
      return commit({ ...service.settings, ...r });
    },
    getAppInfo: (r) => record('getAppInfo', r, { mode: 'browser' as const, version: '0.1.0', platform: 'linux', launchAtLogin: { supported: false, enabled: false }, secretStorage: { encrypted: false, message: 'keys are in the config file' } }),
    async setLaunchAtLogin() {
      throw new ServiceError('unsupported', 'launch at login is available in the desktop app only');
    },
    exportSettings: (r) => record('exportSettings', r, { kind: 'content' as const, fileName: 'trawlarr-settings.json', json: JSON.stringify(options.leaky ? service.settings : maskSettings(service.settings)) }),
    async importSettings(r) {
      const parsed = JSON.parse(r.json) as unknown;
      return { settings: commit(parsed), warnings: [] };
    },
  };
  return service;
}
