/**
 * Publishes the engine's status: coalesced (many changes in one turn make one snapshot), sent as a
 * `status` event, kept in the state store for `trawlarr status`, and turned into one
 * `budget-warning` event when a job's cycle stops fitting in the horizon.
 */
import type { EngineStatus } from '../../shared/status';
import type { StateStore } from '../store/state';
import { SINGLETON } from '../store/state';
import { engineStatusDoc } from './documents';
import type { EventBus } from './events';
import { CoalescedWriter } from './persistence';

export class StatusPublisher {
  private pending: NodeJS.Immediate | undefined;
  private last: EngineStatus | undefined;
  private running = false;
  private readonly warned = new Set<string>();
  private readonly writer: CoalescedWriter;

  constructor(
    store: StateStore,
    private readonly events: EventBus,
    private readonly build: () => EngineStatus,
    onError: (error: unknown) => void,
  ) {
    this.writer = new CoalescedWriter(
      store,
      () => [{ type: engineStatusDoc as never, key: SINGLETON, value: { status: this.last ?? null, running: this.running, pid: process.pid } }],
      onError,
    );
  }

  /** The daemon is (not) running: `trawlarr status` says whether the snapshot is live. */
  setRunning(running: boolean): void {
    this.running = running;
  }

  request(): void {
    this.pending ??= setImmediate(() => {
      this.pending = undefined;
      this.publish();
    });
  }

  publish(): EngineStatus {
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
    const status = this.build();
    this.last = status;
    this.events.status(status);
    this.warnings(status);
    this.writer.request();
    return status;
  }

  /** Publishes now and waits until the snapshot is written. */
  async flush(): Promise<void> {
    this.publish();
    await this.writer.flush();
  }

  cancel(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
  }

  private warnings(status: EngineStatus): void {
    for (const inst of status.instances) {
      for (const job of inst.jobs) {
        const key = `${job.instanceId}/${job.jobId}`;
        if (!job.horizonWarning) {
          this.warned.delete(key);
          continue;
        }
        if (this.warned.has(key)) continue;
        this.warned.add(key);
        this.events.engine({ type: 'budget-warning', instanceId: job.instanceId, jobId: job.jobId, jobType: job.type, message: job.horizonWarning, at: status.at });
      }
    }
  }
}
