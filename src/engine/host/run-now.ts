/**
 * What "Run now" will do, told at once (issue 11: it could do nothing without saying why): start
 * now, queue behind the instance's running job, or wait for something (the instance down, quiet
 * hours, the budget, a gate that said no last), with the same wait the status then shows.
 */
import type { JobSettings } from '../../shared/settings';
import type { JobWait } from '../../shared/status';
import { budgetKeyOf } from '../scheduler/budget';
import type { Scheduler } from '../scheduler/scheduler';
import { budgetWait, hoursWait, stateWait } from '../scheduler/waits';
import type { HostContext } from './context';

export type RunNowOutcome = { outcome: 'starts-now' } | { outcome: 'queued'; behind: string } | { outcome: 'waits'; waiting: JobWait };

export function runNowOutcome(h: HostContext, scheduler: Scheduler, instanceId: string, job: JobSettings): RunNowOutcome {
  const parts = scheduler.instance(instanceId);
  const now = h.clock.now();
  const { tracker, hours, queue } = parts;
  if (tracker.isDown) {
    const wait = stateWait(tracker.state === 'ok' ? 'down' : tracker.state, tracker.message, tracker.retryAt);
    if (wait) return { outcome: 'waits', waiting: wait };
  }
  if (!hours.isActive(now)) return { outcome: 'waits', waiting: hoursWait(hours.nextActiveStart(now)) };
  const searches = job.type !== 'rename' && job.type !== 'refresh';
  if (searches) {
    const key = budgetKeyOf(parts.settings);
    const free = scheduler.ledger.availableAt(key, 1, now);
    if (free > now) return { outcome: 'waits', waiting: budgetWait(scheduler.ledger, key, 1, now, hours.nextActiveStart(free)) };
    const gate = h.gates.get(instanceId);
    if (gate && gate.retryAt !== undefined && gate.retryAt > now) {
      const wait = stateWait(gate.state, gate.message, gate.retryAt);
      if (wait) return { outcome: 'waits', waiting: wait };
    }
  }
  const running = queue.runningJobId;
  if (running !== undefined && running !== job.id) return { outcome: 'queued', behind: running };
  return { outcome: 'starts-now' };
}
