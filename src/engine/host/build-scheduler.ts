/**
 * A scheduler for the current settings, wired to the host: the job runner, the instance gates,
 * outage events, and persistence of its state on every change.
 */
import type { Settings } from '../../shared/settings';
import type { BackoffPolicy } from '../scheduler/backoff';
import { Scheduler, type SchedulerState } from '../scheduler/scheduler';
import type { HostContext } from './context';
import { demandOf } from './demand';
import { instanceGates } from './gates';
import { jobRunner } from './run';

export interface BuildOptions {
  backoff?: BackoffPolicy;
  random?: () => number;
}

export function buildScheduler(h: HostContext, settings: Settings, state: SchedulerState, options: BuildOptions = {}): Scheduler {
  return new Scheduler({
    settings,
    clock: h.clock,
    state,
    timeZone: h.timeZone,
    backoff: options.backoff,
    random: options.random,
    run: jobRunner(h),
    // from the cycle documents (loaded at start, refreshed after every run), so a restart keeps it
    demand: (instanceId, jobId, running) => {
      const job = settings.instances.find((i) => i.id === instanceId)?.jobs.find((j) => j.id === jobId);
      return running || !job ? undefined : demandOf(job, h.cycles.get(instanceId, jobId), h.clock.now());
    },
    gates: (instance, tracker) => instanceGates(instance, () => h.client(instance, tracker), h.clock, h.gates, h.changed),
    onOutage: (instanceId, event) => {
      const inst = settings.instances.find((i) => i.id === instanceId);
      const name = inst?.name ?? instanceId;
      const kind = inst?.kind ?? 'radarr';
      const at = new Date(event.at).toISOString();
      // the events are the report (notifications, `trawlarr run`'s output); no second log line
      if (event.type === 'down') h.events.engine({ type: 'instance-down', instanceId, name, kind, state: event.state, message: event.message, at });
      else h.events.engine({ type: 'instance-recovered', instanceId, name, kind, at });
    },
    onChange: h.changed,
    onRunError: (instanceId, jobId, error) => h.log(`${instanceId} / ${jobId}: run failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}
