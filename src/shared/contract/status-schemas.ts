/**
 * Runtime schemas for the engine's status, events and history types (src/shared/status.ts).
 * The transports parse every response through these before sending it: z.object drops keys the
 * contract does not name, so a field added to an engine object by mistake (a key, a token) never
 * leaves the process. The compile-time checks at the bottom keep them equal to status.ts.
 */
import { z } from 'zod';
import { GRANULARITIES, JOB_TYPES } from '../settings';
import { WAIT_REASONS } from '../waits';
import type {
  EngineEvent,
  EngineStatus,
  HistoryEntry,
  HistoryPage,
  HistoryQuery,
  InstanceStatus,
  JobStatus,
} from '../status';

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2025-01-31T14:00:00Z' });

export const INSTANCE_STATES = ['unknown', 'ok', 'down', 'key-rejected', 'wrong-app', 'indexers-backed-off', 'queue-full'] as const;
export const RUN_RESULTS = ['searched', 'nothing-to-do', 'cycle-complete', 'waiting', 'failed', 'error'] as const;
export const HISTORY_STATUSES = ['grabbed', 'searched', 'failed', 'error', 'skipped', 'cycle'] as const;

export const lastRunSchema = z.object({
  at: z.string(),
  result: z.enum(RUN_RESULTS),
  searched: z.number(),
  cost: z.number(),
  message: z.string(),
});

export const jobStatusSchema = z.object({
  instanceId: z.string(),
  jobId: z.string(),
  type: z.enum(JOB_TYPES),
  enabled: z.boolean(),
  paused: z.boolean(),
  running: z.boolean(),
  cycle: z.number(),
  done: z.number(),
  eligible: z.number(),
  cycleStartedAt: z.string().optional(),
  lastRun: lastRunSchema.optional(),
  nextRunAt: z.string().optional(),
  continuesAt: z.string().optional(),
  nextCycleReady: z.boolean().optional(),
  waiting: z.object({ reason: z.enum(WAIT_REASONS), until: z.string().optional(), detail: z.string() }).optional(),
  etaAt: z.string().optional(),
  horizonWarning: z.string().optional(),
});

export const budgetStatusSchema = z.object({
  key: z.string(),
  usedLastHour: z.number(),
  usedLastDay: z.number(),
  maxPerHour: z.number(),
  maxPerDay: z.number(),
});

export const instanceStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['radarr', 'sonarr']),
  enabled: z.boolean(),
  paused: z.boolean(),
  state: z.enum(INSTANCE_STATES),
  message: z.string().optional(),
  version: z.string().optional(),
  retryAt: z.string().optional(),
  budget: budgetStatusSchema,
  jobs: z.array(jobStatusSchema),
});

export const engineStatusSchema = z.object({
  at: z.string(),
  paused: z.boolean(),
  searching: z.boolean(),
  instances: z.array(instanceStatusSchema),
});

export const grabInfoSchema = z.object({
  itemId: z.number(),
  itemTitle: z.string(),
  releaseTitle: z.string(),
  scoreBefore: z.number().optional(),
  scoreAfter: z.number().optional(),
  qualityBefore: z.string().optional(),
  qualityAfter: z.string().optional(),
});

export const historyEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  instanceId: z.string(),
  jobId: z.string(),
  jobType: z.enum(JOB_TYPES),
  status: z.enum(HISTORY_STATUSES),
  items: z.array(z.object({ id: z.number(), title: z.string() })),
  granularity: z.enum(GRANULARITIES).optional(),
  commandName: z.string().optional(),
  commandId: z.number().optional(),
  grabs: z.array(grabInfoSchema),
  cost: z.number(),
  reasons: z.record(z.string(), z.number()).optional(),
  cycle: z.number().optional(),
  dryRun: z.boolean().optional(),
  message: z.string().optional(),
});

export const HISTORY_PAGE_MAX = 500;

/** Filters shared by the history query, the per-day counts and the CSV export. */
export const historyFilterShape = {
  instanceId: z.string().min(1).optional(),
  jobId: z.string().min(1).optional(),
  status: z.array(z.enum(HISTORY_STATUSES)).optional(),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
};

export const historyQuerySchema = z.strictObject({
  ...historyFilterShape,
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(HISTORY_PAGE_MAX, `limit is at most ${HISTORY_PAGE_MAX}`).optional(),
  offset: z.number().int().min(0).optional(),
});

export const historyPageSchema = z.object({ entries: z.array(historyEntrySchema), total: z.number() });

export const engineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: engineStatusSchema }),
  z.object({ type: z.literal('instance-down'), instanceId: z.string(), name: z.string(), kind: z.enum(['radarr', 'sonarr']), state: z.enum(INSTANCE_STATES), message: z.string(), at: z.string() }),
  z.object({ type: z.literal('instance-recovered'), instanceId: z.string(), name: z.string(), kind: z.enum(['radarr', 'sonarr']), at: z.string() }),
  z.object({
    type: z.literal('cycle-complete'),
    instanceId: z.string(),
    jobId: z.string(),
    jobType: z.enum(JOB_TYPES),
    cycle: z.number(),
    searched: z.number(),
    grabbed: z.number(),
    at: z.string(),
  }),
  z.object({ type: z.literal('grabs'), instanceId: z.string(), jobId: z.string(), grabs: z.array(grabInfoSchema), at: z.string() }),
  z.object({ type: z.literal('budget-warning'), instanceId: z.string(), jobId: z.string(), jobType: z.enum(JOB_TYPES), message: z.string(), at: z.string() }),
  z.object({ type: z.literal('history'), entry: historyEntrySchema }),
]);

// ---- compile-time: the schemas describe exactly the types in status.ts ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type StatusSchemaChecks = [
  Check<Same<z.infer<typeof jobStatusSchema>, JobStatus>>,
  Check<Same<z.infer<typeof instanceStatusSchema>, InstanceStatus>>,
  Check<Same<z.infer<typeof engineStatusSchema>, EngineStatus>>,
  Check<Same<z.infer<typeof historyEntrySchema>, HistoryEntry>>,
  Check<Same<z.infer<typeof historyPageSchema>, HistoryPage>>,
  Check<Same<z.infer<typeof engineEventSchema>, EngineEvent>>,
  Check<Same<z.output<typeof historyQuerySchema>, HistoryQuery>>,
];
