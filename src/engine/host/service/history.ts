/** History: pages, the per-day chart, and CSV export. */
import type { ChannelHandlers } from '../../../shared/contract/service';
import type { ServiceHost } from './types';

type Handlers = Pick<ChannelHandlers, 'queryHistory' | 'historyPerDay' | 'exportHistoryCsv'>;

export function historyHandlers(host: ServiceHost): Handlers {
  return {
    queryHistory: (query) => host.history.query(query),
    historyPerDay: async ({ days, instanceId, jobId, timeZone }) => ({
      days: host.history.countsByDay(days, { instanceId, jobId, timeZone: timeZone ?? host.timeZone }),
    }),
    async exportHistoryCsv(filter) {
      let csv = '';
      for await (const chunk of host.history.exportCsv(filter)) csv += String(chunk);
      return { fileName: `trawlarr-history-${new Date(host.clock.now()).toISOString().slice(0, 10)}.csv`, csv };
    },
  };
}
