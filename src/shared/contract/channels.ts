/**
 * THE contract between the UI and the backend: one entry per channel with its request and
 * response schemas, plus the event channels the backend pushes. Both transports (Electron IPC and
 * the browser mode's HTTP) are generated from this table, so the renderer has one API.
 *
 * Naming: the method name is the channel. IPC channel: `trawlarr:<name>`; HTTP: `POST /api/<name>`.
 */
import { z } from 'zod';
import {
  engineEventSchema,
  engineStatusSchema,
  historyFilterShape,
  historyPageSchema,
  historyQuerySchema,
} from './status-schemas';
import {
  appInfoSchema,
  appSettingsPatchSchema,
  budgetGroupRefSchema,
  csvExportSchema,
  exportSettingsRequestSchema,
  exportSettingsResultSchema,
  forecastRequestSchema,
  forecastSchema,
  historyPerDayResultSchema,
  importSettingsRequestSchema,
  importSettingsResultSchema,
  instanceDraftSchema,
  instanceMetadataSchema,
  instanceRefSchema,
  jobPreviewSchema,
  jobRefSchema,
  maskedSettingsSchema,
  previewJobRequestSchema,
  runNowResultSchema,
  saveJobRequestSchema,
  saveThroughputRequestSchema,
  setLaunchAtLoginRequestSchema,
  setPausedRequestSchema,
  testConnectionRequestSchema,
  testConnectionResultSchema,
} from './settings-schemas';
import type { ChannelName, EventName } from './names';

export * from './names';

/** Channels without a payload accept nothing (or an empty object, which is what HTTP sends). */
const noPayload = z.strictObject({}).optional();

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } as const;
}

export const channels = {
  // engine status and control
  getStatus: channel(noPayload, engineStatusSchema),
  setPaused: channel(setPausedRequestSchema, engineStatusSchema),

  // settings, masked
  getSettings: channel(noPayload, maskedSettingsSchema),
  saveInstance: channel(instanceDraftSchema, maskedSettingsSchema),
  removeInstance: channel(instanceRefSchema, maskedSettingsSchema),
  testConnection: channel(testConnectionRequestSchema, testConnectionResultSchema),
  getInstanceMetadata: channel(instanceRefSchema, instanceMetadataSchema),

  // jobs
  saveJob: channel(saveJobRequestSchema, maskedSettingsSchema),
  removeJob: channel(jobRefSchema, maskedSettingsSchema),
  previewJob: channel(previewJobRequestSchema, jobPreviewSchema),
  runJobNow: channel(jobRefSchema, runNowResultSchema),
  /** an attended job whose cycle is complete: remove its tags and search the next cycle (as an unattended job would) */
  startNextCycle: channel(jobRefSchema, runNowResultSchema),

  // throughput and budget groups
  saveThroughput: channel(saveThroughputRequestSchema, maskedSettingsSchema),
  removeBudgetGroup: channel(budgetGroupRefSchema, maskedSettingsSchema),
  forecastThroughput: channel(forecastRequestSchema, forecastSchema),

  // history
  queryHistory: channel(historyQuerySchema, historyPageSchema),
  historyPerDay: channel(
    z.strictObject({
      days: z.number().int().min(1).max(366, 'days is at most 366'),
      instanceId: historyFilterShape.instanceId,
      jobId: historyFilterShape.jobId,
      /** IANA zone for day boundaries; defaults to the backend's */
      timeZone: z.string().min(1).optional(),
    }),
    historyPerDayResultSchema,
  ),
  exportHistoryCsv: channel(z.strictObject(historyFilterShape), csvExportSchema),

  // app settings
  saveAppSettings: channel(appSettingsPatchSchema, maskedSettingsSchema),
  getAppInfo: channel(noPayload, appInfoSchema),
  setLaunchAtLogin: channel(setLaunchAtLoginRequestSchema, appInfoSchema),
  exportSettings: channel(exportSettingsRequestSchema, exportSettingsResultSchema),
  importSettings: channel(importSettingsRequestSchema, importSettingsResultSchema),
} as const;

export type Channels = typeof channels;

/** What the caller passes (defaults may be omitted). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What the backend receives after validation (defaults filled in). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export const PAGES = ['dashboard', 'instances', 'jobs', 'throughput', 'history', 'settings'] as const;
export type Page = (typeof PAGES)[number];
export const navigateSchema = z.object({
  page: z.enum(PAGES),
  instanceId: z.string().optional(),
  jobId: z.string().optional(),
});
export type NavigateTarget = z.infer<typeof navigateSchema>;

/** Pushed by the backend. `navigate`: desktop only, e.g. after a notification click. */
export const events = {
  status: engineStatusSchema,
  engine: engineEventSchema,
  navigate: navigateSchema,
} as const;
export type Events = typeof events;
export type EventOf<E extends EventName> = z.output<Events[E]>;

// compile-time: the zod-free name lists (names.ts) are exactly the tables' keys
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type NameListChecks = [Check<Same<keyof Channels, ChannelName>>, Check<Same<keyof Events, EventName>>];
