/**
 * The jobs' cycle documents (cycle number, done, eligible, last run) held in memory for the
 * status, refreshed from the state store after every run and every recorded search.
 */
import type { Settings } from '../../shared/settings';
import { jobCycleDoc, jobKey, type JobCycleState, type StateStore } from '../store/state';

export class CycleCache {
  private readonly cycles = new Map<string, JobCycleState>();

  constructor(private readonly store: StateStore) {}

  get(instanceId: string, jobId: string): JobCycleState {
    return this.cycles.get(jobKey(instanceId, jobId)) ?? jobCycleDoc.initial();
  }

  async refresh(instanceId: string, jobId: string): Promise<JobCycleState> {
    const cycle = await this.store.read(jobCycleDoc, jobKey(instanceId, jobId));
    this.cycles.set(jobKey(instanceId, jobId), cycle);
    return cycle;
  }

  async load(settings: Settings): Promise<void> {
    for (const inst of settings.instances) for (const job of inst.jobs) await this.refresh(inst.id, job.id);
  }
}
