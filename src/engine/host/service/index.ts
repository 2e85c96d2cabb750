/**
 * The AppService of the UI contract on top of the engine host: one handler per channel (grouped
 * by page in the modules next to this one), events from the host, and the keys for the
 * transports' last-line secret scan.
 */
import { maskSettings } from '../../../shared/contract/masked-settings';
import type { AppService } from '../../../shared/contract/service';
import type { PauseScope } from '../../scheduler/pause';
import { instanceIndex, notFound } from '../settings-edit';
import { appHandlers } from './app';
import { historyHandlers } from './history';
import { instanceHandlers } from './instances';
import { jobHandlers } from './jobs';
import { throughputHandlers } from './throughput';
import type { ServiceHost, ServiceInfo } from './types';

export type { ServiceHost, ServiceInfo } from './types';

export function createHostService(host: ServiceHost, info: ServiceInfo): AppService {
  return {
    subscribe: (listener) => host.events.subscribe(listener),
    secrets: () => host.secrets(),
    getStatus: async () => host.status(),
    async setPaused({ target, paused }) {
      const scheduler = await host.ready();
      const settings = host.settings();
      let scope: PauseScope = { level: 'all' };
      if (target.scope !== 'all') {
        const inst = settings.instances[instanceIndex(settings, target.instanceId)];
        scope = { level: 'instance', instanceId: inst.id };
        if (target.scope === 'job') {
          if (!inst.jobs.some((j) => j.id === target.jobId)) throw notFound(`no job "${target.jobId}" on instance "${inst.id}"`);
          scope = { level: 'job', instanceId: inst.id, jobId: target.jobId };
        }
      }
      if (paused) scheduler.pauses.pause(scope);
      else scheduler.pauses.resume(scope);
      host.changed();
      return host.status();
    },
    getSettings: async () => maskSettings(host.settings()),
    ...instanceHandlers(host),
    ...jobHandlers(host),
    ...throughputHandlers(host),
    ...historyHandlers(host),
    ...appHandlers(host, info),
  };
}
