/**
 * FOR UI DEVELOPMENT AND SCREENSHOT TOOLING ONLY: an in-memory AppService with made-up instances,
 * status and history, so the renderer can be looked at without the engine. The acceptance e2e
 * tests drive the real app (the headless command with --ui against the simulator), never this.
 */
import {
  SAVE_ANYWAY_PATH,
  ServiceError,
  maskSettings,
  type AppService,
  type BackendEvent,
  type EngineStatus,
  type HistoryEntry,
  type InstanceStatus,
  type JobStatus,
} from '../../../src/shared/contract';
import { settingsSchema, type JobSettingsInput, type Settings, type SettingsInput } from '../../../src/shared/settings';
import { generateHistory, perDay, queryHistory, toCsv, type Job } from './history';

export interface FakeOptions {
  instances?: number;
  /** jobs per instance (default: one per job type the app has); extra Radarr jobs are more missing jobs */
  jobsPerInstance?: number;
  historyEntries?: number;
  now?: () => number;
}

const JOBS_RADARR = ['missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'] as const;
const JOBS_SONARR = ['new-episodes', 'missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'] as const;
export const GOOD_KEY = '0123456789abcdef0123456789abcdef';

function jobsFor(sonarr: boolean, count: number | undefined) {
  const types: string[] = [...(sonarr ? JOBS_SONARR : JOBS_RADARR)];
  const n = count ?? types.length;
  return Array.from({ length: n }, (_, i) => (i < types.length ? { id: types[i], type: types[i] } : { id: `missing-${i + 1}`, type: 'missing' })) as JobSettingsInput[];
}

function initialSettings(n: number, jobsPerInstance?: number): Settings {
  const instances: SettingsInput['instances'] = [];
  for (let i = 0; i < n; i++) {
    const sonarr = i % 2 === 1;
    const kind = sonarr ? 'sonarr' : 'radarr';
    const suffix = i < 2 ? '' : ` ${Math.floor(i / 2) + 1}`;
    instances.push({
      id: `${kind}${suffix.trim() ? `-${Math.floor(i / 2) + 1}` : ''}`,
      name: `${sonarr ? 'Sonarr' : 'Radarr'}${suffix}`,
      kind,
      url: `http://127.0.0.1:${sonarr ? 8989 : 7878}`,
      apiKey: GOOD_KEY,
      jobs: jobsFor(sonarr, jobsPerInstance),
    });
  }
  return settingsSchema.parse({ version: 1, instances });
}

export function createFakeService(options: FakeOptions = {}): AppService & { history: HistoryEntry[] } {
  const now = options.now ?? Date.now;
  let settings = initialSettings(options.instances ?? 2, options.jobsPerInstance);
  const listeners = new Set<(e: BackendEvent) => void>();
  const progress = new Map<string, { done: number; eligible: number; cycle: number }>();
  const paused = new Set<string>();
  const jobsOf = (s: Settings): Job[] => s.instances.flatMap((i) => i.jobs.map((j) => ({ instanceId: i.id, jobId: j.id, type: j.type })));
  const history = generateHistory(options.historyEntries ?? 2000, jobsOf(settings), now());

  const key = (i: string, j: string) => `${i}/${j}`;
  const prog = (i: string, j: string) => {
    const k = key(i, j);
    if (!progress.has(k)) progress.set(k, { done: (k.length * 137) % 400, eligible: 400 + ((k.length * 311) % 1200), cycle: 1 + (k.length % 3) });
    return progress.get(k)!;
  };

  const status = (): EngineStatus => ({
    at: new Date(now()).toISOString(),
    paused: paused.has('*'),
    searching: false,
    instances: settings.instances.map((inst, idx): InstanceStatus => ({
      id: inst.id,
      name: inst.name,
      kind: inst.kind,
      enabled: inst.enabled,
      paused: paused.has(inst.id),
      state: idx === 3 ? 'down' : 'ok',
      ...(idx === 3 ? { message: 'connect ECONNREFUSED 127.0.0.1:8989', retryAt: new Date(now() + 240_000).toISOString() } : { version: inst.kind === 'radarr' ? '5.14.0.9383' : '4.0.11.2680' }),
      budget: { key: inst.budgetGroup ?? inst.id, usedLastHour: 4, usedLastDay: 37, maxPerHour: inst.throughput.maxPerHour, maxPerDay: inst.throughput.maxPerDay },
      jobs: inst.jobs.map((job): JobStatus => {
        const p = prog(inst.id, job.id);
        const perDayBudget = Math.max(1, inst.throughput.maxPerDay / Math.max(1, inst.jobs.length));
        return {
          instanceId: inst.id,
          jobId: job.id,
          type: job.type,
          enabled: job.enabled,
          paused: paused.has(key(inst.id, job.id)),
          running: false,
          cycle: p.cycle,
          done: p.done,
          eligible: p.eligible,
          cycleStartedAt: new Date(now() - 6 * 86_400_000).toISOString(),
          lastRun: { at: new Date(now() - 3_600_000).toISOString(), result: 'searched', searched: 10, cost: 10, message: 'searched 10 items' },
          nextRunAt: new Date(now() + 2 * 3_600_000).toISOString(),
          etaAt: new Date(now() + ((p.eligible - p.done) / perDayBudget) * 86_400_000).toISOString(),
        };
      }),
    })),
  });

  const emit = (e: BackendEvent) => listeners.forEach((l) => l(e));
  const saved = () => {
    emit({ event: 'status', payload: status() });
    return maskSettings(settings);
  };
  const instance = (id: string) => {
    const inst = settings.instances.find((i) => i.id === id);
    if (!inst) throw new ServiceError('not-found', `no instance "${id}"`);
    return inst;
  };
  const replace = (next: unknown) => {
    const r = settingsSchema.safeParse(next);
    if (!r.success) throw new ServiceError('invalid-request', r.error.issues.map((i) => i.message).join('; '));
    settings = r.data;
    return saved();
  };

  const testKey = async (url: string, key: string) => {
    if (!/^https?:\/\/(127\.0\.0\.1|localhost)/.test(url)) return { ok: false as const, reason: 'unreachable', message: `could not connect to ${url}: connection refused` };
    if (key !== GOOD_KEY) return { ok: false as const, reason: 'key-rejected', message: `${url} rejected the API key (401 Unauthorized): copy it again from Settings → General` };
    return { ok: true as const };
  };

  return {
    history,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    secrets: () => settings.instances.map((i) => i.apiKey),
    getStatus: async () => status(),
    setPaused: async ({ target, paused: on }) => {
      const k = target.scope === 'all' ? '*' : target.scope === 'instance' ? target.instanceId : key(target.instanceId, target.jobId);
      if (on) paused.add(k);
      else paused.delete(k);
      return status();
    },
    getSettings: async () => maskSettings(settings),
    saveInstance: async ({ saveAnyway, startWithDefaultJobs, ...draft }) => {
      const existing = settings.instances.find((i) => i.id === draft.id);
      const apiKey = draft.apiKey ?? existing?.apiKey;
      if (!apiKey) throw new ServiceError('invalid-request', 'apiKey: API key is required', [{ path: ['apiKey'], field: 'apiKey', message: 'API key is required' }]);
      // like the engine: test first, unless told to save anyway (a disabled instance is not contacted)
      const tested = saveAnyway || draft.enabled === false ? { ok: true as const } : await testKey(draft.url, apiKey);
      if (!tested.ok) throw new ServiceError('unavailable', `the connection test failed: ${tested.message}`, [{ path: [...SAVE_ANYWAY_PATH], field: 'connection', message: tested.message }]);
      const defaultJobs = [...(draft.kind === 'sonarr' ? [{ id: 'new-episodes', type: 'new-episodes' }] : []), { id: 'missing', type: 'missing' }, { id: 'cutoff-unmet', type: 'cutoff-unmet' }, { id: 'upgrade', type: 'upgrade', enabled: false }];
      const next = { ...(existing ?? { jobs: startWithDefaultJobs === false ? [] : defaultJobs }), ...draft, apiKey };
      return replace({ ...settings, instances: existing ? settings.instances.map((i) => (i.id === draft.id ? next : i)) : [...settings.instances, next] });
    },
    removeInstance: async ({ instanceId }) => replace({ ...settings, instances: settings.instances.filter((i) => i.id !== instanceId) }),
    testConnection: async (req) => {
      const tested = await testKey(req.url, req.apiKey ?? (req.useStoredKeyOf ? instance(req.useStoredKeyOf).apiKey : ''));
      return tested.ok ? { ok: true, app: req.kind, version: req.kind === 'radarr' ? '5.14.0.9383' : '4.0.11.2680' } : tested;
    },
    getInstanceMetadata: async ({ instanceId }) => {
      instance(instanceId);
      return {
        qualityProfiles: [
          { id: 1, name: 'Any' },
          { id: 4, name: 'HD-1080p' },
          { id: 5, name: 'Ultra-HD' },
        ],
        tags: [
          { id: 1, label: 'kids' },
          { id: 2, label: '4k' },
          { id: 3, label: 'trawlarr-missing' },
        ],
      };
    },
    saveJob: async ({ instanceId, job }) => {
      const inst = instance(instanceId);
      const jobs = inst.jobs.some((j) => j.id === job.id) ? inst.jobs.map((j) => (j.id === job.id ? job : j)) : [...inst.jobs, job];
      return replace({ ...settings, instances: settings.instances.map((i) => (i.id === instanceId ? { ...i, jobs } : i)) });
    },
    removeJob: async ({ instanceId, jobId }) => {
      const inst = instance(instanceId);
      return replace({ ...settings, instances: settings.instances.map((i) => (i.id === instanceId ? { ...inst, jobs: inst.jobs.filter((j) => j.id !== jobId) } : i)) });
    },
    previewJob: async ({ instanceId, jobId }) => {
      const p = prog(instanceId, jobId);
      const chosen = Array.from({ length: 12 }, (_, i) => ({ id: 2000 + i, title: `Example item ${i + 1} (${2001 + i})`, cost: 1 }));
      return { instanceId, jobId, cycle: p.cycle, eligible: p.eligible, done: p.done, chosen, cost: chosen.length, skipped: { 'already downloading': 3, 'tagged this cycle': p.done, 'not monitored': 41, 'not available until 2026-12-03': 7 } };
    },
    runJobNow: async ({ instanceId, jobId }) => {
      const p = prog(instanceId, jobId);
      p.done = Math.min(p.eligible, p.done + 10);
      setTimeout(() => emit({ event: 'status', payload: status() }), 50);
      return { started: true, message: `${jobId} on ${instanceId} started` };
    },
    startNextCycle: async ({ instanceId, jobId }) => ({ started: false, message: `${jobId} on ${instanceId} is unattended` }),
    saveThroughput: async (req) => {
      if (req.scope === 'instance') return replace({ ...settings, instances: settings.instances.map((i) => (i.id === req.instanceId ? { ...i, throughput: req.throughput } : i)) });
      const groups = settings.budgetGroups.some((g) => g.id === req.group.id) ? settings.budgetGroups.map((g) => (g.id === req.group.id ? req.group : g)) : [...settings.budgetGroups, req.group];
      return replace({ ...settings, budgetGroups: groups });
    },
    removeBudgetGroup: async ({ budgetGroupId }) =>
      replace({ ...settings, budgetGroups: settings.budgetGroups.filter((g) => g.id !== budgetGroupId), instances: settings.instances.map((i) => (i.budgetGroup === budgetGroupId ? { ...i, budgetGroup: undefined } : i)) }),
    forecastThroughput: async (req) => {
      const insts = req.scope === 'instance' ? [instance(req.instanceId)] : settings.instances.filter((i) => i.budgetGroup === req.budgetGroupId);
      const perDayBudget = req.scope === 'instance' ? Math.min(req.throughput.maxPerDay, req.throughput.maxPerHour * 24) : Math.min(req.budget.maxPerDay, req.budget.maxPerHour * 24);
      const jobs = insts.flatMap((inst) =>
        inst.jobs.map((j) => {
          const p = prog(inst.id, j.id);
          const remaining = p.eligible - p.done;
          const days = remaining / (perDayBudget / inst.jobs.length);
          const within = days <= settings.horizonDays;
          return { instanceId: inst.id, jobId: j.id, jobType: j.type, remaining, days, limitedBy: 'daily budget' as const, withinHorizon: within, ...(within ? {} : { suggestion: `needs ${Math.ceil((remaining * inst.jobs.length) / settings.horizonDays)} queries a day to finish within ${settings.horizonDays} days` }) };
        }),
      );
      return { jobs, fullCoverageDays: jobs.length ? Math.max(...jobs.map((j) => j.days)) : 0, horizonDays: settings.horizonDays };
    },
    queryHistory: async (q) => queryHistory(history, q),
    historyPerDay: async (q) => perDay(history, q.days, now(), q),
    exportHistoryCsv: async (q) => ({ fileName: 'trawlarr-history.csv', csv: toCsv(queryHistory(history, { ...q, limit: 100_000 }).entries) }),
    saveAppSettings: async (patch) => replace({ ...settings, ...patch }),
    getAppInfo: async () => ({ mode: 'browser', version: '0.1.0', platform: 'linux', launchAtLogin: { supported: false, enabled: false }, secretStorage: { encrypted: false, message: 'Browser mode: API keys are kept in the config file as written.' } }),
    setLaunchAtLogin: async () => {
      throw new ServiceError('unsupported', 'launch at login exists only in the desktop app');
    },
    exportSettings: async () => ({ kind: 'content', fileName: 'trawlarr-settings.json', json: JSON.stringify({ ...settings, instances: settings.instances.map(({ apiKey: _k, ...i }) => i) }, null, 2) }),
    importSettings: async ({ json }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        throw new ServiceError('invalid-request', 'the file is not JSON');
      }
      return { settings: replace(parsed), warnings: [] };
    },
  };
}
