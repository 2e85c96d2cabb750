/**
 * What runJob (./runner.ts) is given. Its own module because the run's parts (./summary.ts) read
 * these options too, and importing them from runner.ts, which imports those parts, made a cycle.
 */
import type { JobSettings } from '../../shared/settings';
import type { EngineEvent } from '../../shared/status';
import type { Clock } from '../scheduler/clock';
import type { SearchPermit } from '../scheduler/permit';
import type { RunSize } from '../scheduler/run-size';
import type { StateStore } from '../store/state';
import type { PollOptions } from './poll';
import type { ArrPort, HistoryPort } from './ports';

export interface RunJobOptions {
  instanceId: string;
  job: JobSettings;
  client: ArrPort;
  store: StateStore;
  history: HistoryPort;
  permit: SearchPermit;
  clock: Clock;
  /** movies (Radarr) or commands (Sonarr searches) or series (Sonarr rename/refresh) this run; the scheduler resolves "auto" */
  limit: number;
  dryRun?: boolean;
  /** examine every candidate (exact counts) instead of stopping once the batch is full */
  evaluateAll?: boolean;
  /** no command may cost more (the budget's largest single spend) */
  maxCostPerCommand?: number;
  poll?: PollOptions;
  /** how long a command sent just before a crash, without a trace in the app, is waited for (default 15 min) */
  postingGraceMs?: number;
  /** for the random order; a fresh one per run by default */
  seed?: number;
  /** stop after the current command */
  signal?: AbortSignal;
  emit?: (event: EngineEvent) => void;
  /**
   * Dry run: how many of the planned commands (their costs, in order) the permit would grant now
   * (InstancePermit.sizeRun); the report then holds only those. Absent: all of them.
   */
  sizeRun?: (costs: number[]) => Promise<RunSize> | RunSize;
  /** the instance's crossJobWindowDays: skip what its other jobs searched within it (0 or absent: off) */
  crossJobWindowDays?: number;
}
