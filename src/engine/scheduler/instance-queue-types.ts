/** Types of the instance queue (instance-queue.ts), apart so the job runner can import them alone. */
import type { JobType, Schedule } from '../../shared/settings';
import type { ActiveHours } from './active-hours';
import type { Clock } from './clock';
import type { PauseRegistry } from './pause';

export interface QueueJob {
  id: string;
  type: JobType;
  schedule: Schedule;
  enabled: boolean;
}

export type RunReason = 'scheduled' | 'catch-up' | 'manual' | 'continue';

export interface RunContext {
  reason: RunReason;
  startedAt: number;
  /** aborted when the job is paused or the queue stops */
  signal: AbortSignal;
  /** for a continuation: the items the interrupted run still had to do */
  quota?: number;
}

/** What a run reports when it stopped before its items were done and wants to go on later. */
export interface RunOutcome {
  continueAt?: number;
  remaining?: number;
}

export type RunJob = (job: QueueJob, context: RunContext) => Promise<RunOutcome | void>;

export interface JobScheduleState {
  lastRunAt?: number;
  nextRunAt?: number;
  continueAt?: number;
  remaining?: number;
}

export interface InstanceQueueSnapshot {
  version: 1;
  jobs: Record<string, JobScheduleState>;
}

export interface JobQueueStatus extends JobScheduleState {
  jobId: string;
  running: boolean;
  paused: boolean;
  /** when it will start next (active hours applied); undefined while paused or disabled */
  startsAt?: number;
}

export interface InstanceQueueOptions {
  instanceId: string;
  clock: Clock;
  jobs: readonly QueueJob[];
  /** settings.jobPriority: earlier types first */
  priority: readonly JobType[];
  run: RunJob;
  hours: ActiveHours;
  pauses: PauseRegistry;
  snapshot?: InstanceQueueSnapshot;
  /** after every change of state worth persisting or showing */
  onChange?: () => void;
  onError?: (jobId: string, error: unknown) => void;
}
