/**
 * History paging: the server filters and pages (newest first); the UI holds one page. Paging uses
 * the id cursor (`before`), which stays fast however deep the page, and a stack of earlier cursors
 * for "Previous". Only the newest request's answer is kept.
 */
import { create } from 'zustand';
import type { HistoryEntry, HistoryStatus } from '../../shared/status';
import { api } from '../api';
import { errorMessage } from '../lib/errors';
import { dayToIso } from '../lib/format';

export const PAGE_SIZE = 50;

export interface HistoryFilters {
  instanceId: string;
  jobId: string;
  status: HistoryStatus[];
  /** YYYY-MM-DD, local days, inclusive */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { instanceId: '', jobId: '', status: [], from: '', to: '' };

/** The contract's filter fields for these form filters; dates become local-midnight instants. */
export function filterQuery(f: HistoryFilters) {
  const since = f.from ? dayToIso(f.from) : undefined;
  const until = f.to ? dayToIso(f.to, true) : undefined;
  return {
    ...(f.instanceId ? { instanceId: f.instanceId } : {}),
    ...(f.jobId ? { jobId: f.jobId } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

export function filterProblem(f: HistoryFilters): string | null {
  if (f.from && !dayToIso(f.from)) return 'the "from" date is not a date';
  if (f.to && !dayToIso(f.to)) return 'the "to" date is not a date';
  if (f.from && f.to && f.from > f.to) return '"from" must not be after "to"';
  return null;
}

interface HistoryState {
  filters: HistoryFilters;
  entries: HistoryEntry[];
  total: number;
  /** cursors of the pages before this one; [] on the first page */
  cursors: (number | undefined)[];
  cursor: number | undefined;
  loading: boolean;
  error: string | null;
  setFilters: (f: HistoryFilters) => void;
  load: () => Promise<void>;
  next: () => void;
  previous: () => void;
  first: () => void;
}

let requestSeq = 0;

export const useHistory = create<HistoryState>((set, get) => ({
  filters: NO_FILTERS,
  entries: [],
  total: 0,
  cursors: [],
  cursor: undefined,
  loading: false,
  error: null,
  setFilters: (filters) => {
    set({ filters, cursors: [], cursor: undefined });
    void get().load();
  },
  load: async () => {
    const { filters, cursor } = get();
    const problem = filterProblem(filters);
    if (problem) {
      set({ error: problem, entries: [], total: 0 });
      return;
    }
    const seq = ++requestSeq;
    set({ loading: true });
    try {
      const page = await api.queryHistory({ ...filterQuery(filters), limit: PAGE_SIZE, ...(cursor !== undefined ? { before: cursor } : {}) });
      if (seq !== requestSeq) return;
      set({ entries: page.entries, total: page.total, loading: false, error: null });
    } catch (err) {
      if (seq !== requestSeq) return;
      set({ loading: false, error: errorMessage(err) });
    }
  },
  next: () => {
    const { entries, cursor, cursors } = get();
    const last = entries[entries.length - 1];
    if (!last || entries.length < PAGE_SIZE) return;
    set({ cursors: [...cursors, cursor], cursor: last.id });
    void get().load();
  },
  previous: () => {
    const { cursors } = get();
    if (cursors.length === 0) return;
    set({ cursor: cursors[cursors.length - 1], cursors: cursors.slice(0, -1) });
    void get().load();
  },
  first: () => {
    set({ cursor: undefined, cursors: [] });
    void get().load();
  },
}));
