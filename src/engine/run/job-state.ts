/**
 * One job's documents in the state store: its cycle (shared with status and the scheduler's
 * forecast), its journal, and, per job type, refresh stamps or series search times. A dry run gets
 * a read-only view: any write throws, so a dry run cannot change state even by mistake.
 */
import { jobCycleDoc, jobKey, refreshStampsDoc, type DocumentType, type JobCycleState, type StateStore } from '../store/state';
import { jobJournalDoc, seriesSearchedDoc, type Journal } from './journal';

export class JobState {
  readonly key: string;

  constructor(
    private readonly store: StateStore,
    instanceId: string,
    jobId: string,
    private readonly readOnly = false,
  ) {
    this.key = jobKey(instanceId, jobId);
  }

  cycle(): Promise<JobCycleState> {
    return this.store.read(jobCycleDoc, this.key);
  }

  updateCycle(change: (c: JobCycleState) => JobCycleState): Promise<JobCycleState> {
    return this.update(jobCycleDoc, change);
  }

  journal(): Promise<Journal> {
    return this.store.read(jobJournalDoc, this.key);
  }

  updateJournal(change: (j: Journal) => Journal): Promise<Journal> {
    return this.update(jobJournalDoc, change);
  }

  refreshStamps(): Promise<Map<number, number>> {
    return this.store.read(refreshStampsDoc, this.key);
  }

  stampRefreshed(ids: readonly number[], at: number): Promise<Map<number, number>> {
    return this.update(refreshStampsDoc, (stamps) => {
      const next = new Map(stamps);
      for (const id of ids) next.set(id, at);
      return next;
    });
  }

  async seriesSearched(): Promise<Map<number, number>> {
    const record = await this.store.read(seriesSearchedDoc, this.key);
    return new Map(Object.entries(record).map(([id, at]) => [Number(id), at]));
  }

  markSeriesSearched(seriesId: number, at: number): Promise<Record<string, number>> {
    return this.update(seriesSearchedDoc, (r) => ({ ...r, [seriesId]: at }));
  }

  private update<T, S>(type: DocumentType<T, S>, change: (current: T) => T): Promise<T> {
    if (this.readOnly) return Promise.reject(new Error(`dry run: refusing to write ${type.name} of ${this.key}`));
    return this.store.update(type, this.key, change);
  }
}
