/** What one run of one job did: returned to the scheduler and printed by `trawlarr once`. */
import type { JobType } from '../../shared/settings';
import type { JobWait, RunResult } from '../../shared/status';
import type { RunSize } from '../scheduler/run-size';
import type { CommandReport } from './execute';

export interface RunReport {
  instanceId: string;
  jobId: string;
  jobType: JobType;
  dryRun: boolean;
  result: RunResult;
  message: string;
  cycle: number;
  /** a new cycle started in this run */
  cycleRestarted: boolean;
  /** searches done in this cycle (after this run) */
  done: number;
  /**
   * eligible items not searched yet in this cycle. The planner stops examining once the batch is
   * full, so this is an estimate (plan/types.ts estimatedEligible); exact with evaluateAll.
   */
  remaining: number;
  /** the commands sent (a dry run: the commands it would send, status "planned") */
  commands: CommandReport[];
  /** items searched (commands completed) */
  searched: number;
  /** estimated indexer queries committed */
  cost: number;
  /** with evaluateAll: every eligible unit found (movie, episode or series ids) */
  eligibleIds?: number[];
  reasons: Record<string, number>;
  examples: Record<string, string[]>;
  /** when asking again makes sense (waiting on budget, active hours, a gate, a minimum cycle length) */
  retryAt?: number;
  /** what it waits for until retryAt, for the status */
  wait?: JobWait;
  /**
   * A dry run sized by the permit: `planned` commands fit the run's item limit, the permit would
   * grant the first `size.commands` of them now (the rest wait: size.stop says why). `commands`
   * holds only those.
   */
  sized?: { planned: number; limit: number; size: RunSize };
  /** the error that ended the run, for result "error" (its message is key-free) */
  error?: unknown;
}
