/**
 * The end of one search command, for a live run and for the recovery of a journal entry alike.
 * Completed: history entry → journal "recorded" → cycle progress, refresh stamps → tag → journal
 * entry dropped. Failed: history entry → journal entry dropped (no tag: searched again later).
 * Each step is idempotent or guarded by the journal phase, so repeating it after a crash is safe.
 */
import type { Command } from '../../arr/model';
import type { JobSettings } from '../../shared/settings';
import type { EngineEvent, GrabInfo, HistoryEntry, NewHistoryEntry } from '../../shared/status';
import type { Clock } from '../scheduler/clock';
import { addProgress, dropProgress } from '../plan/progress';
import { grabsFor } from './grabs';
import type { JobState } from './job-state';
import type { JournalEntry } from './journal';
import type { ArrPort, HistoryPort } from './ports';
import { applyTag } from './tagging';

export interface RunContext {
  instanceId: string;
  job: JobSettings;
  client: ArrPort;
  history: HistoryPort;
  state: JobState;
  clock: Clock;
  /** the job's tag (exists in a live run) */
  jobTagId: number;
  emit: (event: EngineEvent) => void;
}

export interface Finished {
  /** the history entry, when this call wrote it (a recovered "recorded" entry was written before) */
  entry?: HistoryEntry;
  grabs: GrabInfo[];
  tagged: number[];
  /** entries to tag that no longer exist */
  missing: number[];
}

function base(rc: RunContext, e: JournalEntry): Omit<NewHistoryEntry, 'status' | 'at'> {
  const out: Omit<NewHistoryEntry, 'status' | 'at'> = {
    instanceId: rc.instanceId,
    jobId: rc.job.id,
    jobType: rc.job.type,
    items: e.items.map(({ id, title }) => ({ id, title })),
    commandName: e.body.name,
    grabs: [],
    cost: e.cost,
    cycle: e.cycle,
  };
  if (e.granularity) out.granularity = e.granularity;
  if (e.commandId !== undefined) out.commandId = e.commandId;
  return out;
}

export async function record(rc: RunContext, entry: NewHistoryEntry): Promise<HistoryEntry> {
  const stored = await rc.history.append(entry);
  rc.emit({ type: 'history', entry: stored });
  return stored;
}

export async function finishCompleted(rc: RunContext, e: JournalEntry, command: Command | undefined, note?: string): Promise<Finished> {
  let grabs: GrabInfo[] = [];
  let historyEntry: HistoryEntry | undefined;
  let current = e;
  if (e.phase !== 'recorded') {
    let grabNote = '';
    try {
      grabs = await grabsFor(rc.client, e);
    } catch (error) {
      grabNote = ` (grabs not known: ${(error as Error).message})`;
    }
    const message = [command?.message, note].filter(Boolean).join('; ') + grabNote;
    historyEntry = await record(rc, { ...base(rc, e), status: grabs.length > 0 ? 'grabbed' : 'searched', at: new Date(rc.clock.now()).toISOString(), grabs, ...(message ? { message } : {}) });
    if (grabs.length > 0) rc.emit({ type: 'grabs', instanceId: rc.instanceId, jobId: rc.job.id, grabs, at: historyEntry.at });
    current = { ...e, phase: 'recorded', completedAt: rc.clock.now(), historyId: historyEntry.id };
    await rc.state.updateJournal((j) => ({ ...j, entries: j.entries.map((x) => (x.key === e.key ? current : x)) }));
  }
  const completedAt = current.completedAt ?? rc.clock.now();

  await rc.state.updateCycle((c) => ({
    ...c,
    done: c.done + current.items.length,
    progress: current.seriesId !== undefined && current.progress ? addProgress(c.progress, current.seriesId, current.progress) : c.progress,
  }));
  if (current.body.name === 'RefreshMovie' || current.body.name === 'RefreshSeries') await rc.state.stampRefreshed(current.items.map((i) => i.id), completedAt);
  if (current.seriesId !== undefined) await rc.state.markSeriesSearched(current.seriesId, completedAt);

  const { applied, missing } = await applyTag(rc.client, current.tagIds, rc.jobTagId, 'add');
  if (current.progress && applied.length > 0) await rc.state.updateCycle((c) => ({ ...c, progress: dropProgress(c.progress, applied) }));
  await rc.state.updateJournal((j) => ({ ...j, entries: j.entries.filter((x) => x.key !== e.key) }));
  return { entry: historyEntry, grabs, tagged: applied, missing };
}

export async function finishFailed(rc: RunContext, e: JournalEntry, reason: string, status: 'failed' | 'error' = 'failed'): Promise<HistoryEntry> {
  const entry = await record(rc, { ...base(rc, e), status, at: new Date(rc.clock.now()).toISOString(), message: reason });
  await rc.state.updateJournal((j) => ({ ...j, entries: j.entries.filter((x) => x.key !== e.key) }));
  return entry;
}
