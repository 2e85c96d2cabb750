/** One line per engine event worth telling a server's log about (`trawlarr run`). */
import type { EngineEvent } from '../shared/status';

export function eventLine(event: EngineEvent): string | undefined {
  switch (event.type) {
    case 'instance-down':
      // the message names the instance and says what is wrong ("Radarr: connection refused at …")
      return `${event.at} ${event.message} Searches there wait and retry.`;
    case 'instance-recovered':
      return `${event.at} ${event.name} is reachable again`;
    case 'cycle-complete':
      return `${event.at} ${event.instanceId}/${event.jobId}: cycle ${event.cycle} complete (${event.searched} searched, ${event.grabbed} grabbed)`;
    case 'grabs':
      return `${event.at} ${event.instanceId}/${event.jobId}: grabbed ${event.grabs.map((g) => `${g.releaseTitle} (${g.itemTitle})`).join(', ')}`;
    case 'budget-warning':
      return `${event.at} ${event.instanceId}/${event.jobId}: ${event.message}`;
    case 'history': {
      const e = event.entry;
      if (e.status !== 'searched' && e.status !== 'failed' && e.status !== 'error') return undefined;
      const items = e.items.map((i) => i.title).join(', ');
      return `${e.at} ${e.instanceId}/${e.jobId}: ${e.status}${items ? ` ${items}` : ''}${e.message && e.status !== 'searched' ? ` (${e.message})` : ''}`;
    }
    default:
      return undefined;
  }
}
