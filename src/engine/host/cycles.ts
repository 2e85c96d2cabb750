/**
 * The jobs' cycle documents (cycle number, done, eligible, last run) held in memory for the
 * status, refreshed from the state store after every run and every recorded search.
 */
import type { Settings } from '../../shared/settings';
import { jobCycleDoc, jobKey, type JobCycleState, type StateStore } from '../store/state';

export class CycleCache {
  private readonly cycles = new Map<string, JobCycleState>();
  /** attended jobs asked to start their next cycle: their next run resets like an unattended one */
  private readonly nextCycle = new Set<string>();

  constructor(private readonly store: StateStore) {}

  get(instanceId: string, jobId: string): JobCycleState {
    return this.cycles.get(jobKey(instanceId, jobId)) ?? jobCycleDoc.initial();
  }

  async refresh(instanceId: string, jobId: string): Promise<JobCycleState> {
    const cycle = await this.store.read(jobCycleDoc, jobKey(instanceId, jobId));
    this.cycles.set(jobKey(instanceId, jobId), cycle);
    return cycle;
  }

  requestNextCycle(instanceId: string, jobId: string): void {
    this.nextCycle.add(jobKey(instanceId, jobId));
  }

  /** whether the job's run about to start is to reset a complete cycle; asked once per run */
  takeNextCycle(instanceId: string, jobId: string): boolean {
    return this.nextCycle.delete(jobKey(instanceId, jobId));
  }

  async load(settings: Settings): Promise<void> {
    for (const inst of settings.instances) for (const job of inst.jobs) await this.refresh(inst.id, job.id);
  }
}
