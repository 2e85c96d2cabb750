/**
 * What each job waits for, as the engine decided it last (the look before a run, the permit's
 * refusal in a run, the minimum cycle length). A job's entry is cleared when it runs again, so the
 * status never shows a wait the engine no longer holds.
 */
import type { JobWait } from '../../shared/status';

export class JobWaits {
  private readonly waits = new Map<string, JobWait>();

  get(instanceId: string, jobId: string): JobWait | undefined {
    return this.waits.get(`${instanceId}/${jobId}`);
  }

  set(instanceId: string, jobId: string, wait: JobWait | undefined): void {
    if (wait) this.waits.set(`${instanceId}/${jobId}`, wait);
    else this.waits.delete(`${instanceId}/${jobId}`);
  }
}
