/**
 * What the UI sends and sees of the settings: the engine's Settings document with every API key
 * masked, and the drafts each form saves. Built from the one settings schema (../settings.ts) so a
 * form validates exactly like the engine.
 */
import { z } from 'zod';
import { WAIT_REASONS } from '../waits';
import type { RunPreviewSize } from '../run-preview';
import {
  JOB_TYPES,
  budgetGroupSchema,
  budgetSchema,
  instanceSchema,
  jobSchema,
  settingsSchema,
  throughputSchema,
} from '../settings';
import { ENV_REFERENCE_INPUT_MESSAGE, isEnvReferenceInput } from './key-address';

const instanceId = z.string().min(1, 'instanceId is required');
const jobId = z.string().min(1, 'jobId is required');

/** An instance as the UI sees it: no `apiKey`, only its masked form. */
export const maskedInstanceSchema = instanceSchema.omit({ apiKey: true }).extend({
  /** "••••1a2b"; empty when no key is stored */
  apiKeyMasked: z.string(),
  /** set when the config reads the key from an environment variable (`env:NAME`) */
  apiKeyEnv: z.string().optional(),
});
export type MaskedInstance = z.infer<typeof maskedInstanceSchema>;

export const maskedSettingsSchema = z.object({
  ...settingsSchema.shape,
  instances: z.array(maskedInstanceSchema),
});
export type MaskedSettings = z.infer<typeof maskedSettingsSchema>;

/** A key the UI types: the key itself, never an `env:` reference (those come from the config file only, key-address.ts). */
const typedApiKey = instanceSchema.shape.apiKey.refine((key) => !isEnvReferenceInput(key), ENV_REFERENCE_INPUT_MESSAGE);

/**
 * Create or update an instance (matched by id). Jobs and throughput have their own channels, so a
 * save never overwrites them. The key is write-only: omitted = keep the stored one (required when
 * creating, and when the address changes: a stored key stays with the address it was saved with).
 */
export const instanceDraftSchema = z.strictObject({
  ...instanceSchema.pick({ id: true, name: true, kind: true, url: true, trustSelfSignedCert: true, enabled: true, budgetGroup: true }).shape,
  apiKey: typedApiKey.optional(),
  /** absent: keep the stored value (a new instance: the default) */
  crossJobWindowDays: z.number().int().min(0).max(365).optional(),
  /**
   * Saving an enabled instance tests its connection first and refuses one that does not answer
   * (an issue at SAVE_ANYWAY_PATH), as Radarr and Sonarr do; true saves it without the test.
   */
  saveAnyway: z.boolean().optional(),
  /** a new instance starts with default jobs (engine/host/default-jobs.ts) unless this is false; ignored for an existing one */
  startWithDefaultJobs: z.boolean().optional(),
});
export type InstanceDraft = z.input<typeof instanceDraftSchema>;
/** Where a saveInstance refusal for a failed connection test puts its issue: the form offers "Save anyway". */
export const SAVE_ANYWAY_PATH = ['connection'] as const;

export const instanceRefSchema = z.strictObject({ instanceId });
export const jobRefSchema = z.strictObject({ instanceId, jobId });

export const testConnectionRequestSchema = z
  .strictObject({
    url: instanceSchema.shape.url,
    kind: instanceSchema.shape.kind,
    /** a key typed into the form … */
    apiKey: typedApiKey.optional(),
    /** … or the key stored for this instance (the form never holds it), only at the address it was saved with */
    useStoredKeyOf: z.string().min(1).optional(),
    trustSelfSignedCert: z.boolean().default(false),
  })
  .refine((r) => (r.apiKey === undefined) !== (r.useStoredKeyOf === undefined), {
    message: 'give either apiKey or useStoredKeyOf (exactly one)',
    path: ['apiKey'],
  });
export type TestConnectionRequest = z.input<typeof testConnectionRequestSchema>;

export const testConnectionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), app: z.enum(['radarr', 'sonarr']), version: z.string(), instanceName: z.string().optional() }),
  z.object({
    ok: z.literal(false),
    /** the client's error category, e.g. key-rejected, wrong-app, html, unreachable, certificate */
    reason: z.string(),
    /** the client's clear message; never contains a key */
    message: z.string(),
  }),
]);
export type TestConnectionResult = z.infer<typeof testConnectionResultSchema>;

export const instanceMetadataSchema = z.object({
  qualityProfiles: z.array(z.object({ id: z.number(), name: z.string() })),
  tags: z.array(z.object({ id: z.number(), label: z.string() })),
});
export type InstanceMetadata = z.infer<typeof instanceMetadataSchema>;

export const saveJobRequestSchema = z.strictObject({ instanceId, job: jobSchema });
export type SaveJobRequest = z.input<typeof saveJobRequestSchema>;

/** Preview a saved job, or a draft of it from the form (not saved). */
export const previewJobRequestSchema = z.strictObject({ instanceId, jobId, draft: jobSchema.optional() });
export type PreviewJobRequest = z.input<typeof previewJobRequestSchema>;

const runLimitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['hourly-budget', 'daily-budget']), value: z.number() }),
  z.object({ kind: z.literal('items-per-run'), value: z.number(), auto: z.boolean(), commands: z.boolean().optional() }),
  z.object({ kind: z.literal('active-hours'), until: z.string() }),
  z.object({ kind: z.literal('gate'), reason: z.string() }),
  z.object({ kind: z.literal('too-costly'), value: z.number() }),
  z.object({ kind: z.literal('all') }),
]);

/** The run's size as a run started now would have it (shared/run-preview.ts words it). */
export const runPreviewSizeSchema = z.object({
  now: z.number(),
  cost: z.number(),
  limit: runLimitSchema,
  rest: z.number(),
  restDays: z.number().nullable(),
}) satisfies z.ZodType<RunPreviewSize>;

export const jobPreviewSchema = z.object({
  instanceId: z.string(),
  jobId: z.string(),
  cycle: z.number(),
  /** eligible in this cycle: done + still to do */
  eligible: z.number(),
  done: z.number(),
  /** what a run started now would search, in order (only what the budget, pacing, hours and gates let through) */
  chosen: z.array(z.object({ id: z.number(), title: z.string(), cost: z.number() })),
  /** estimated indexer queries of the chosen items */
  cost: z.number(),
  /** count per skip reason, e.g. { "already downloading": 3 } */
  skipped: z.record(z.string(), z.number()),
  size: runPreviewSizeSchema.optional(),
  message: z.string().optional(),
});
export type JobPreview = z.infer<typeof jobPreviewSchema>;

/**
 * Run now's answer, at once: `started` (asked of the scheduler), what happens next (`outcome`) and,
 * when it waits, for what and until when (the status's JobWait).
 */
export const runNowResultSchema = z.object({
  started: z.boolean(),
  message: z.string(),
  outcome: z.enum(['starts-now', 'queued', 'waits']).optional(),
  waiting: z.object({ reason: z.enum(WAIT_REASONS), until: z.string().optional(), detail: z.string() }).optional(),
});
export type RunNowResult = z.infer<typeof runNowResultSchema>;

export const pauseScopeSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('all') }),
  z.strictObject({ scope: z.literal('instance'), instanceId }),
  z.strictObject({ scope: z.literal('job'), instanceId, jobId }),
]);
export type PauseScope = z.infer<typeof pauseScopeSchema>;
export const setPausedRequestSchema = z.strictObject({ target: pauseScopeSchema, paused: z.boolean() });
export type SetPausedRequest = z.input<typeof setPausedRequestSchema>;

/** Throughput of one instance, or the shared budget of a budget group (created if new). */
export const saveThroughputRequestSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('instance'), instanceId, throughput: throughputSchema }),
  z.strictObject({ scope: z.literal('budgetGroup'), group: budgetGroupSchema }),
]);
export type SaveThroughputRequest = z.input<typeof saveThroughputRequestSchema>;

export const budgetGroupRefSchema = z.strictObject({ budgetGroupId: z.string().min(1, 'budgetGroupId is required') });

/** The limit that holds a job's pace back (the engine's forecast picks the lowest). */
export const PACE_LIMITS = ['daily budget', 'hourly budget', 'items per run'] as const;

/** Forecast with a draft (unsaved) throughput, so the form can say "full coverage in 23 days" while editing. */
export const forecastRequestSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('instance'), instanceId, throughput: throughputSchema }),
  z.strictObject({ scope: z.literal('budgetGroup'), budgetGroupId: z.string().min(1), budget: budgetSchema }),
]);
export type ForecastRequest = z.input<typeof forecastRequestSchema>;

export const forecastSchema = z.object({
  jobs: z.array(
    z.object({
      instanceId: z.string(),
      jobId: z.string(),
      jobType: z.enum(JOB_TYPES),
      /** eligible items still to search this cycle */
      remaining: z.number(),
      /** days until the cycle is complete; null = never with this throughput */
      days: z.number().nullable(),
      /** what sets the pace: raising any other limit does not bring the cycle's end closer */
      limitedBy: z.enum(PACE_LIMITS),
      etaAt: z.string().optional(),
      withinHorizon: z.boolean(),
      /** e.g. "needs 40 queries a day to finish within 90 days" */
      suggestion: z.string().optional(),
    }),
  ),
  /** the slowest job: "full coverage in N days"; null = never */
  fullCoverageDays: z.number().nullable(),
  horizonDays: z.number(),
});
export type ThroughputForecast = z.infer<typeof forecastSchema>;

export const appSettingsPatchSchema = z.strictObject({
  notifications: settingsSchema.shape.notifications.optional(),
  horizonDays: settingsSchema.shape.horizonDays.optional(),
  historyRetentionDays: settingsSchema.shape.historyRetentionDays.optional(),
  jobPriority: settingsSchema.shape.jobPriority.optional(),
});
export type AppSettingsPatch = z.input<typeof appSettingsPatchSchema>;

export const appInfoSchema = z.object({
  mode: z.enum(['desktop', 'browser']),
  version: z.string(),
  platform: z.string(),
  launchAtLogin: z.object({ supported: z.boolean(), enabled: z.boolean() }),
  /** how stored keys are protected; `message` says so plainly when they are not encrypted */
  secretStorage: z.object({ encrypted: z.boolean(), message: z.string().optional() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const setLaunchAtLoginRequestSchema = z.strictObject({ enabled: z.boolean() });

export const exportSettingsRequestSchema = z.strictObject({
  /** keys are left out unless the user explicitly asks; with keys, the file is written by the backend (desktop) and never crosses the transport */
  includeKeys: z.boolean().default(false),
});
export const exportSettingsResultSchema = z.discriminatedUnion('kind', [
  /** the document without keys, for the UI to offer as a download */
  z.object({ kind: z.literal('content'), fileName: z.string(), json: z.string() }),
  /** written to a file the user chose (desktop); the keys did not cross the bridge */
  z.object({ kind: z.literal('saved'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type ExportSettingsResult = z.infer<typeof exportSettingsResultSchema>;

/** A settings file of a hundred instances is about 100 kB; the browser mode's body limit follows from this. */
export const IMPORT_MAX_CHARS = 1_000_000;
export const IMPORT_MAX_LABEL = '1 MB';
export const importSettingsRequestSchema = z.strictObject({
  json: z.string().min(2, 'the file is empty').max(IMPORT_MAX_CHARS, `the file is larger than ${IMPORT_MAX_LABEL}`),
});
export const importSettingsResultSchema = z.object({ settings: maskedSettingsSchema, warnings: z.array(z.string()) });
export type ImportSettingsResult = z.infer<typeof importSettingsResultSchema>;

export const historyPerDayResultSchema = z.object({
  days: z.array(z.object({ date: z.string(), searched: z.number(), grabbed: z.number(), failed: z.number() })),
});
export type HistoryPerDay = z.infer<typeof historyPerDayResultSchema>;

export const csvExportSchema = z.object({ fileName: z.string(), csv: z.string() });
export type CsvExport = z.infer<typeof csvExportSchema>;

export { instanceId as instanceIdSchema, jobId as jobIdSchema };
