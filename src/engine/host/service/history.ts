/** History: pages, the per-day chart, and CSV export. */
import { ServiceError } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../../../shared/contract/service';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'queryHistory' | 'historyPerDay' | 'exportHistoryCsv'>;

export function historyHandlers(host: ServiceHost): Handlers {
  return {
    queryHistory: (query) => host.history.query(query),
    async historyPerDay({ days, instanceId, jobId, timeZone }) {
      if (timeZone !== undefined && !knownZone(timeZone)) throw new ServiceError('invalid-request', `timeZone: unknown time zone "${timeZone}"`, [{ path: ['timeZone'], field: 'timeZone', message: `unknown time zone "${timeZone}"` }]);
      return { days: host.history.countsByDay(days, { instanceId, jobId, timeZone: timeZone ?? host.timeZone }) };
    },
    async exportHistoryCsv(filter) {
      let csv = '';
      for await (const chunk of host.history.exportCsv(filter)) csv += String(chunk);
      return { fileName: `trawlarr-history-${new Date(host.clock.now()).toISOString().slice(0, 10)}.csv`, csv };
    },
  };
}

function knownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
