/**
 * Live engine status: fetched once, then replaced by every `status` event the transport pushes.
 * Recent grabs come from history and stay fresh through `engine` history events.
 */
import { create } from 'zustand';
import type { EngineStatus, HistoryEntry } from '../../shared/status';
import { api } from '../api';
import { errorMessage } from '../lib/errors';

const RECENT_GRABS = 12;

interface StatusState {
  status: EngineStatus | null;
  error: string | null;
  recentGrabs: HistoryEntry[];
  /** bumped by each history event so views showing history (the chart) can refresh */
  historyRevision: number;
  load: () => Promise<void>;
  /** subscribe to pushed events; returns the unsubscribe function */
  connect: () => () => void;
  setPaused: (target: Parameters<typeof api.setPaused>[0]['target'], paused: boolean) => Promise<void>;
}

export const useStatus = create<StatusState>((set, get) => ({
  status: null,
  error: null,
  recentGrabs: [],
  historyRevision: 0,
  load: async () => {
    try {
      const [status, grabs] = await Promise.all([api.getStatus(), api.queryHistory({ status: ['grabbed'], limit: RECENT_GRABS })]);
      set({ status, recentGrabs: grabs.entries, error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  connect: () => {
    const offStatus = api.on('status', (status) => set({ status, error: null }));
    const offEngine = api.on('engine', (event) => {
      if (event.type === 'status') set({ status: event.status });
      else if (event.type === 'history') {
        const { entry } = event;
        set((s) => ({
          historyRevision: s.historyRevision + 1,
          recentGrabs: entry.status === 'grabbed' && !entry.dryRun ? [entry, ...s.recentGrabs].slice(0, RECENT_GRABS) : s.recentGrabs,
        }));
      }
    });
    void get().load();
    return () => {
      offStatus();
      offEngine();
    };
  },
  setPaused: async (target, paused) => {
    const status = await api.setPaused({ target, paused });
    set({ status });
  },
}));
