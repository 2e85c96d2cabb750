/**
 * Finishes what an earlier run left in the journal (it was killed, or a command outlasted the poll
 * timeout). Runs at the start of every live run, before planning:
 *
 * - recorded: the history entry exists; record progress, tag, drop.
 * - accepted: the command id is known; wait for it. Completed → finish it (unless history already
 *   has its entry, written just before the kill); failed → record the failure; still running →
 *   keep it (its items stay out of plans); forgotten by the app → decide from lastSearchTime.
 * - posting: the POST may or may not have reached the app. If the items' lastSearchTime moved past
 *   the moment it was sent, the search happened: finish it. Otherwise, within a grace period it may
 *   still be queued in the app, so keep it; after that, drop it with an "error" entry: its items
 *   are searched again later, and no search is recorded that cannot be shown to have happened.
 */
import type { Movie } from '../../arr/model';
import { finishCompleted, finishFailed, type Finished, type RunContext } from './finish';
import type { ClientLoader } from './gather';
import type { JournalEntry } from './journal';
import { DEFAULT_POLL, waitForCommand, type PollOptions } from './poll';

/** How long a command sent just before a crash may sit in the app's queue without a trace. */
export const POSTING_GRACE_MS = 15 * 60_000;

export interface RecoveryResult {
  finished: number;
  failed: number;
  /** entries (movies, series) that got the job's tag while finishing */
  tagged: number[];
  /** entries still unresolved: their items must not be planned */
  pending: JournalEntry[];
}

export async function recoverJournal(rc: RunContext, loader: ClientLoader, movies: readonly Movie[] | undefined, poll: PollOptions = DEFAULT_POLL, graceMs = POSTING_GRACE_MS): Promise<RecoveryResult> {
  const journal = await rc.state.journal();
  const result: RecoveryResult = { finished: 0, failed: 0, tagged: [], pending: [] };
  for (const entry of journal.entries) {
    const outcome = await recoverOne(rc, loader, movies, entry, poll, graceMs);
    if (outcome === 'failed') result.failed++;
    else if (outcome === 'pending') result.pending.push(entry);
    else {
      result.finished++;
      result.tagged.push(...outcome.tagged);
    }
  }
  return result;
}

async function recoverOne(rc: RunContext, loader: ClientLoader, movies: readonly Movie[] | undefined, e: JournalEntry, poll: PollOptions, graceMs: number): Promise<Finished | 'failed' | 'pending'> {
  if (e.phase === 'recorded') return finishCompleted(rc, e, undefined);
  if (e.phase === 'accepted' && e.commandId !== undefined) {
    const outcome = await waitForCommand(rc.client, e.commandId, rc.clock, poll);
    if (outcome.kind === 'completed') {
      const already = await historyIdOf(rc, e);
      const entry: JournalEntry = already === undefined ? e : { ...e, phase: 'recorded', historyId: already, completedAt: rc.clock.now() };
      return finishCompleted(rc, entry, outcome.command, 'finished after a restart');
    }
    if (outcome.kind === 'failed') {
      await finishFailed(rc, e, outcome.reason);
      return 'failed';
    }
    if (outcome.kind === 'timeout') return 'pending';
  }
  // posting, or a command the app no longer knows: look for evidence
  if (await searchedSince(rc, loader, movies, e)) {
    return finishCompleted(rc, e, undefined, 'sent before a restart; its last search time shows it ran');
  }
  if (rc.clock.now() - e.postedAt < graceMs) return 'pending';
  await finishFailed(rc, e, 'sent before a restart and left no trace in the app: its items will be searched again', 'error');
  return 'failed';
}

/** A history entry this command already has (written just before a kill), if any. */
async function historyIdOf(rc: RunContext, e: JournalEntry): Promise<number | undefined> {
  const page = await rc.history.query({ instanceId: rc.instanceId, jobId: rc.job.id, since: new Date(e.postedAt).toISOString(), limit: 200 });
  return page.entries.find((h) => h.commandId === e.commandId && (h.status === 'searched' || h.status === 'grabbed'))?.id;
}

/** Whether the items' lastSearchTime shows this search ran (only searches that queried an indexer move it). */
async function searchedSince(rc: RunContext, loader: ClientLoader, movies: readonly Movie[] | undefined, e: JournalEntry): Promise<boolean> {
  const ids = new Set(e.items.map((i) => i.id));
  const after = (iso: string | undefined) => iso !== undefined && Date.parse(iso) >= e.postedAt - 1_000;
  if (rc.client.kind === 'radarr') {
    if (e.cost === 0) return false;
    return (movies ?? []).some((m) => ids.has(m.id) && after(m.lastSearchTime));
  }
  if (e.seriesId === undefined || !e.progress) return false;
  loader.forget(e.seriesId);
  const episodes = await loader.episodes(e.seriesId);
  return episodes.some((ep) => ids.has(ep.id) && after(ep.lastSearchTime));
}
