/** One valid request per channel; typed so a new channel cannot be added without a sample. */
import type { ChannelName, RequestOf } from '../../src/shared/contract';

export const SAMPLE_REQUESTS: { [C in ChannelName]: RequestOf<C> } = {
  getStatus: {},
  setPaused: { target: { scope: 'job', instanceId: 'radarr', jobId: 'upgrade' }, paused: true },
  getSettings: undefined,
  saveInstance: { id: 'radarr', name: 'Radarr 4K', kind: 'radarr', url: 'http://127.0.0.1:7878' },
  removeInstance: { instanceId: 'sonarr' },
  testConnection: { url: 'http://127.0.0.1:7878', kind: 'radarr', useStoredKeyOf: 'radarr' },
  getInstanceMetadata: { instanceId: 'radarr' },
  saveJob: { instanceId: 'radarr', job: { id: 'missing', type: 'missing' } },
  removeJob: { instanceId: 'radarr', jobId: 'missing' },
  previewJob: { instanceId: 'radarr', jobId: 'upgrade' },
  runJobNow: { instanceId: 'radarr', jobId: 'upgrade' },
  startNextCycle: { instanceId: 'radarr', jobId: 'upgrade' },
  saveThroughput: { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 5, maxPerDay: 50 } },
  removeBudgetGroup: { budgetGroupId: 'indexers' },
  forecastThroughput: { scope: 'instance', instanceId: 'radarr', throughput: { maxPerDay: 50 } },
  queryHistory: { instanceId: 'radarr', limit: 50 },
  historyPerDay: { days: 30 },
  exportHistoryCsv: { status: ['searched'] },
  saveAppSettings: { horizonDays: 60 },
  getAppInfo: undefined,
  setLaunchAtLogin: { enabled: true },
  exportSettings: { includeKeys: false },
  importSettings: { json: '{"version":1}' },
};
