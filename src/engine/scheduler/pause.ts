/**
 * Pause switches at three levels: everything, one instance, one job. A job is paused when any level
 * above it is. One registry is shared by every instance queue of the engine (for "pause all"), and
 * its state is plain JSON so a pause survives a restart.
 */

export interface PauseSnapshot {
  all: boolean;
  instances: string[];
  /** "instanceId/jobId" */
  jobs: string[];
}

export type PauseScope = { level: 'all' } | { level: 'instance'; instanceId: string } | { level: 'job'; instanceId: string; jobId: string };

const jobKey = (instanceId: string, jobId: string) => `${instanceId}/${jobId}`;

export class PauseRegistry {
  private all = false;
  private readonly instances = new Set<string>();
  private readonly jobs = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(snapshot?: PauseSnapshot) {
    if (snapshot) {
      this.all = Boolean(snapshot.all);
      for (const id of snapshot.instances ?? []) this.instances.add(id);
      for (const key of snapshot.jobs ?? []) this.jobs.add(key);
    }
  }

  isPaused(instanceId: string, jobId?: string): boolean {
    return this.all || this.instances.has(instanceId) || (jobId !== undefined && this.jobs.has(jobKey(instanceId, jobId)));
  }

  /** Paused at exactly this level (for the UI's switches), not through a level above. */
  isPausedAt(scope: PauseScope): boolean {
    if (scope.level === 'all') return this.all;
    if (scope.level === 'instance') return this.instances.has(scope.instanceId);
    return this.jobs.has(jobKey(scope.instanceId, scope.jobId));
  }

  pause(scope: PauseScope): void {
    this.set(scope, true);
  }

  resume(scope: PauseScope): void {
    this.set(scope, false);
  }

  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): PauseSnapshot {
    return { all: this.all, instances: [...this.instances].sort(), jobs: [...this.jobs].sort() };
  }

  private set(scope: PauseScope, paused: boolean): void {
    if (this.isPausedAt(scope) === paused) return;
    if (scope.level === 'all') this.all = paused;
    else if (scope.level === 'instance') {
      if (paused) this.instances.add(scope.instanceId);
      else this.instances.delete(scope.instanceId);
    } else {
      const key = jobKey(scope.instanceId, scope.jobId);
      if (paused) this.jobs.add(key);
      else this.jobs.delete(key);
    }
    for (const listener of [...this.listeners]) listener();
  }
}
