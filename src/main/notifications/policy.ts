/**
 * Which native notifications to show, as a pure state machine fed with engine events and the
 * clock: cycle complete (with counts), one digest of grabs per window (not one per item), an
 * instance down or its key rejected once per outage and its recovery, a budget warning at most
 * once a day per job. Each kind can be turned off in the settings.
 */
import type { NavigateTarget } from '../../shared/contract';
import type { NotificationKind, Settings } from '../../shared/settings';
import type { EngineEvent, GrabInfo, InstanceState } from '../../shared/status';
import { instanceLabel, jobLabel } from '../../shared/words';
import { formatCount } from '../tray/format';

export interface NotificationModel {
  kind: NotificationKind;
  title: string;
  body: string;
  /** where a click opens the settings window */
  target: NavigateTarget;
}

export type NotificationSwitches = Settings['notifications'];

export interface NotificationPolicyOptions {
  /** grabs are collected this long before one digest is shown */
  digestWindowMs?: number;
  /** the same job's budget warning is repeated at most this often */
  budgetWarningRepeatMs?: number;
}

const DOWN_TEXT: Partial<Record<InstanceState, string>> = {
  'key-rejected': 'rejected the API key',
  'wrong-app': 'is not the expected app',
};

interface PendingGrab {
  instanceId: string;
  grab: GrabInfo;
}

export class NotificationPolicy {
  private readonly digestWindowMs: number;
  private readonly budgetRepeatMs: number;
  /** instance id → the words for it (instanceLabel), learnt from the status and the outage events */
  private readonly names = new Map<string, string>();
  /** instances in an outage, and those whose outage was announced */
  private readonly down = new Set<string>();
  private readonly announcedDown = new Set<string>();
  private readonly completedCycles = new Set<string>();
  private readonly budgetWarnedAt = new Map<string, number>();
  private pending: PendingGrab[] = [];
  private digestDueAt: number | undefined;

  constructor(options: NotificationPolicyOptions = {}) {
    this.digestWindowMs = options.digestWindowMs ?? 10 * 60_000;
    this.budgetRepeatMs = options.budgetWarningRepeatMs ?? 24 * 3_600_000;
  }

  /** Notifications to show now for this event. */
  onEvent(event: EngineEvent, switches: NotificationSwitches, now: Date): NotificationModel[] {
    switch (event.type) {
      case 'status':
        for (const instance of event.status.instances) this.names.set(instance.id, instanceLabel(instance.kind, instance.name));
        return [];
      case 'instance-down': {
        this.names.set(event.instanceId, instanceLabel(event.kind, event.name));
        if (this.down.has(event.instanceId)) return [];
        this.down.add(event.instanceId);
        if (!switches.instanceDown) return [];
        this.announcedDown.add(event.instanceId);
        const what = DOWN_TEXT[event.state] ?? 'is unreachable';
        return [{ kind: 'instanceDown', title: `${this.nameOf(event.instanceId)} ${what}`, body: `${event.message}\nTrawlarr pauses its searches there and retries.`, target: { page: 'instances', instanceId: event.instanceId } }];
      }
      case 'instance-recovered': {
        this.names.set(event.instanceId, instanceLabel(event.kind, event.name));
        const wasAnnounced = this.announcedDown.delete(event.instanceId);
        this.down.delete(event.instanceId);
        if (!wasAnnounced || !switches.instanceDown) return [];
        return [{ kind: 'instanceDown', title: `${this.nameOf(event.instanceId)} is back`, body: 'Searches resume on schedule.', target: { page: 'dashboard', instanceId: event.instanceId } }];
      }
      case 'cycle-complete': {
        const key = `${event.instanceId}/${event.jobId}/${event.cycle}`;
        if (this.completedCycles.has(key)) return [];
        this.completedCycles.add(key);
        if (!switches.cycleComplete) return [];
        return [
          {
            kind: 'cycleComplete',
            title: `${this.nameOf(event.instanceId)} · ${jobLabel({ id: event.jobId, type: event.jobType })}: cycle ${event.cycle} complete`,
            body: `${formatCount(event.searched)} searched, ${formatCount(event.grabbed)} grabbed.`,
            target: { page: 'dashboard', instanceId: event.instanceId, jobId: event.jobId },
          },
        ];
      }
      case 'grabs': {
        if (!switches.grabs || event.grabs.length === 0) return [];
        if (this.pending.length === 0) this.digestDueAt = now.getTime() + this.digestWindowMs;
        this.pending.push(...event.grabs.map((grab) => ({ instanceId: event.instanceId, grab })));
        return [];
      }
      case 'budget-warning': {
        if (!switches.budgetWarning) return [];
        const key = `${event.instanceId}/${event.jobId}`;
        const last = this.budgetWarnedAt.get(key);
        if (last !== undefined && now.getTime() - last < this.budgetRepeatMs) return [];
        this.budgetWarnedAt.set(key, now.getTime());
        return [{ kind: 'budgetWarning', title: `${this.nameOf(event.instanceId)} · ${jobLabel({ id: event.jobId, type: event.jobType })}: budget too small`, body: event.message, target: { page: 'throughput', instanceId: event.instanceId } }];
      }
      case 'history':
        return [];
    }
  }

  /** When the pending digest is due (for the caller's timer), or undefined. */
  nextDueAt(): Date | undefined {
    return this.digestDueAt === undefined ? undefined : new Date(this.digestDueAt);
  }

  /** The grab digest, once its window has passed. */
  flushDue(switches: NotificationSwitches, now: Date): NotificationModel[] {
    if (this.digestDueAt === undefined || now.getTime() < this.digestDueAt) return [];
    const grabs = this.pending;
    this.pending = [];
    this.digestDueAt = undefined;
    if (!switches.grabs || grabs.length === 0) return [];
    const instances = [...new Set(grabs.map((g) => g.instanceId))];
    const titles = [...new Set(grabs.map((g) => g.grab.itemTitle))];
    const shown = titles.slice(0, 3).join(', ');
    const more = titles.length > 3 ? ` and ${titles.length - 3} more` : '';
    const where = instances.length === 1 ? ` in ${this.nameOf(instances[0])}` : '';
    return [
      {
        kind: 'grabs',
        title: `${grabs.length} ${grabs.length === 1 ? 'release' : 'releases'} grabbed${where}`,
        body: shown + more,
        target: { page: 'history', ...(instances.length === 1 ? { instanceId: instances[0] } : {}) },
      },
    ];
  }

  private nameOf(instanceId: string): string {
    return this.names.get(instanceId) ?? instanceId;
  }
}
