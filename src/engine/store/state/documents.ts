/**
 * The engine's and scheduler's state documents. Keys: a job is `instanceId/jobId` (jobKey), an
 * instance its id, a budget its instance or budget-group id; singletons use the key "all".
 * Times are epoch milliseconds unless a field says ISO.
 *
 * What a damaged document (a power cut, a bad disk) costs, and so its `onCorrupt` (reliability
 * finding 9.5): every one is set aside and started afresh with a warning naming it, because a
 * refusal to start helps nobody (the file cannot be repaired by hand either), except the budget
 * ledger, whose loss could spend a day's indexer budget twice: it stays 'throw' here and the host
 * rebuilds it from the history (host/budget-recovery.ts). The indexers stay protected by the
 * budget whatever else is lost; what each loss costs is noted at the document.
 */
import { z } from 'zod';
import type { LastRun } from '../../../shared/status';
import type { BudgetSnapshot } from '../../scheduler/budget';
import type { InstanceQueueSnapshot } from '../../scheduler/instance-queue-types';
import type { PauseSnapshot } from '../../scheduler/pause';
import { defineDocument } from './document';
import { decodeRefreshStamps, encodeRefreshStamps, refreshStampsSchema } from './refresh-codec';

export const jobKey = (instanceId: string, jobId: string) => `${instanceId}/${jobId}`;
export const SINGLETON = 'all';

const time = z.number().finite();
const count = z.number().int().nonnegative();

const lastRunSchema: z.ZodType<LastRun> = z.object({
  at: z.string(),
  result: z.enum(['searched', 'nothing-to-do', 'cycle-complete', 'waiting', 'failed', 'error']),
  searched: count,
  cost: z.number().nonnegative(),
  message: z.string(),
});

const seriesProgressSchema = z.object({ seasons: z.array(z.number().int()), episodes: z.array(z.number().int()) });

/** A job's tag cycle: which cycle, since when, how far, and the per-series progress inside it (Sonarr). */
export const jobCycleSchema = z.object({
  cycle: z.number().int().min(1),
  cycleStartedAt: time.optional(),
  /** items searched in this cycle */
  done: count,
  /** items eligible as of the last run (done + still to do) */
  eligible: count,
  /** series id → seasons/episodes searched this cycle (see engine/plan/progress.ts) */
  progress: z.record(z.string(), seriesProgressSchema),
  lastRun: lastRunSchema.optional(),
});
export type JobCycleState = z.infer<typeof jobCycleSchema>;

export const jobCycleDoc = defineDocument({
  name: 'job-cycle',
  version: 1,
  schema: jobCycleSchema,
  initial: (): JobCycleState => ({ cycle: 1, done: 0, eligible: 0, progress: {} }),
  // lost: the counters restart (the tags in the app still say what this cycle searched) and a
  // Sonarr series' season/episode progress is forgotten, so some of it may be searched again
  onCorrupt: 'quarantine',
});

/** refresh job: item id → when this job last refreshed it. Losing it only means refreshing again. */
export const refreshStampsDoc = defineDocument({
  name: 'refresh-stamps',
  version: 1,
  schema: refreshStampsSchema,
  initial: () => new Map<number, number>(),
  encode: encodeRefreshStamps,
  decode: decodeRefreshStamps,
  onCorrupt: 'quarantine',
});

const jobScheduleStateSchema = z.object({
  lastRunAt: time.optional(),
  nextRunAt: time.optional(),
  continueAt: time.optional(),
  remaining: count.optional(),
});

/** Per instance: the scheduler's queue snapshot (last and next run of each job). */
export const scheduleDoc = defineDocument({
  name: 'schedule',
  version: 1,
  schema: z.object({ version: z.literal(1), jobs: z.record(z.string(), jobScheduleStateSchema) }) satisfies z.ZodType<InstanceQueueSnapshot>,
  initial: (): InstanceQueueSnapshot => ({ version: 1, jobs: {} }),
  // lost: the jobs are due at once, as on a first start; the budget still paces them
  onCorrupt: 'quarantine',
});

/** Singleton: the budget ledger's spends of the last 24 h per budget key. Damaged: rebuilt from the history by the host. */
export const budgetLedgerDoc = defineDocument({
  name: 'budget-ledger',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    spends: z.record(z.string(), z.array(z.object({ at: time, cost: z.number().nonnegative() }))),
  }) satisfies z.ZodType<BudgetSnapshot>,
  initial: (): BudgetSnapshot => ({ version: 1, spends: {} }),
});

/** Singleton: pause switches (all, per instance, per job). */
export const pauseDoc = defineDocument({
  name: 'pause',
  version: 1,
  schema: z.object({ all: z.boolean(), instances: z.array(z.string()), jobs: z.array(z.string()) }) satisfies z.ZodType<PauseSnapshot>,
  initial: (): PauseSnapshot => ({ all: false, instances: [], jobs: [] }),
  // lost: pauses are lifted (the warning says so); starting all paused instead would leave a
  // headless `run` without the UI stuck, and the budget still bounds what runs
  onCorrupt: 'quarantine',
});

/** Per instance: the backoff after failures (unreachable, key rejected), so a restart does not hammer a down instance. */
export const backoffSchema = z.object({
  state: z.enum(['ok', 'down', 'key-rejected', 'wrong-app']),
  /** consecutive failures */
  failures: count,
  /** first failure of this outage */
  since: time.optional(),
  retryAt: time.optional(),
  /** never contains a key */
  message: z.string().optional(),
});
export type BackoffState = z.infer<typeof backoffSchema>;

export const backoffDoc = defineDocument({
  name: 'backoff',
  version: 1,
  schema: backoffSchema,
  initial: (): BackoffState => ({ state: 'ok', failures: 0 }),
  // lost: a down instance is tried once more at start, then backs off again
  onCorrupt: 'quarantine',
});
