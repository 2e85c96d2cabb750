/**
 * What the engine tells the world: the state the tray, the settings window and `trawlarr status`
 * show, the events notifications are made from, and history entries. Pure types, no runtime imports,
 * so the renderer can use them.
 */
import type { Granularity, JobType } from './settings';

export type InstanceState =
  | 'unknown' // not contacted yet
  | 'ok'
  | 'down' // unreachable, timing out, TLS failure, HTML instead of JSON…
  | 'key-rejected' // 401
  | 'wrong-app' // a Sonarr at a Radarr URL, etc.
  | 'indexers-backed-off' // /health reports indexer back-off: waiting
  | 'queue-full'; // download queue above the instance's limit: waiting

export type RunResult = 'searched' | 'nothing-to-do' | 'cycle-complete' | 'waiting' | 'failed' | 'error';

export interface LastRun {
  at: string;
  result: RunResult;
  /** items searched in that run */
  searched: number;
  /** estimated indexer queries spent */
  cost: number;
  message: string;
}

export type WaitReason = 'budget-hour' | 'budget-day' | 'min-gap' | 'queue-full' | 'active-hours' | 'indexers-backed-off' | 'instance-down' | 'min-cycle';

/** What a job waits for, decided by the engine where it decides to wait (shown by waitText in waits.ts). */
export interface JobWait {
  reason: WaitReason;
  /** when it is asked again; absent when unknown */
  until?: string;
  /** what binds, e.g. "next command costs 5, 2 left"; may be empty */
  detail: string;
}

export interface JobStatus {
  instanceId: string;
  jobId: string;
  type: JobType;
  enabled: boolean;
  paused: boolean;
  running: boolean;
  cycle: number;
  /** items searched in this cycle */
  done: number;
  /** items eligible in this cycle (done + still to do), as of the last run */
  eligible: number;
  cycleStartedAt?: string;
  lastRun?: LastRun;
  /** the next scheduled run (the job's schedule), not a continuation */
  nextRunAt?: string;
  /** when a run cut short (budget, hours, a gate) goes on with the rest of its items */
  continuesAt?: string;
  /** an attended job (unattended off) whose cycle is complete: it searches again once asked to start the next */
  nextCycleReady?: boolean;
  /** set while the job waits for something other than its schedule */
  waiting?: JobWait;
  /** forecast end of this cycle; absent when unknown */
  etaAt?: string;
  /** set when the cycle cannot finish within the horizon with the current budget */
  horizonWarning?: string;
}

export interface BudgetStatus {
  /** instance id or budget group id */
  key: string;
  usedLastHour: number;
  usedLastDay: number;
  maxPerHour: number;
  maxPerDay: number;
}

export interface InstanceStatus {
  id: string;
  name: string;
  kind: 'radarr' | 'sonarr';
  enabled: boolean;
  paused: boolean;
  state: InstanceState;
  /** human-readable detail for a state other than ok; never contains a key */
  message?: string;
  version?: string;
  /** next retry while down */
  retryAt?: string;
  budget: BudgetStatus;
  jobs: JobStatus[];
}

export interface EngineStatus {
  at: string;
  paused: boolean;
  /** a search command is in flight somewhere */
  searching: boolean;
  instances: InstanceStatus[];
}

export interface GrabInfo {
  itemId: number;
  itemTitle: string;
  releaseTitle: string;
  scoreBefore?: number;
  scoreAfter?: number;
  /** quality names from the app, e.g. "Bluray-720p" → "Bluray-1080p": a lower score after can still be an upgrade */
  qualityBefore?: string;
  qualityAfter?: string;
}

export type HistoryStatus = 'grabbed' | 'searched' | 'failed' | 'error' | 'skipped' | 'cycle';

export interface HistoryEntry {
  /** monotonic, assigned by the store */
  id: number;
  at: string;
  instanceId: string;
  jobId: string;
  jobType: JobType;
  status: HistoryStatus;
  /** searched items (or the items a failure concerned) */
  items: { id: number; title: string }[];
  granularity?: Granularity;
  commandName?: string;
  commandId?: number;
  grabs: GrabInfo[];
  /** estimated indexer queries */
  cost: number;
  /** skip summaries: count per reason */
  reasons?: Record<string, number>;
  cycle?: number;
  dryRun?: boolean;
  message?: string;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

export interface HistoryQuery {
  instanceId?: string;
  jobId?: string;
  status?: HistoryStatus[];
  /** ISO, inclusive */
  since?: string;
  /** ISO, exclusive */
  until?: string;
  /** entries with id < before (paging cursor, newest first) */
  before?: number;
  limit?: number;
  offset?: number;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  total: number;
}

/** Events for notifications and live views. Each "down" is followed by exactly one "recovered". */
export type EngineEvent =
  | { type: 'status'; status: EngineStatus }
  | { type: 'instance-down'; instanceId: string; name: string; kind: 'radarr' | 'sonarr'; state: InstanceState; message: string; at: string }
  | { type: 'instance-recovered'; instanceId: string; name: string; kind: 'radarr' | 'sonarr'; at: string }
  | { type: 'cycle-complete'; instanceId: string; jobId: string; jobType: JobType; cycle: number; searched: number; grabbed: number; at: string }
  | { type: 'grabs'; instanceId: string; jobId: string; grabs: GrabInfo[]; at: string }
  | { type: 'budget-warning'; instanceId: string; jobId: string; jobType: JobType; message: string; at: string }
  | { type: 'history'; entry: HistoryEntry };
