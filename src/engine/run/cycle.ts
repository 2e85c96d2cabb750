/**
 * The tag cycle. A cycle is complete when no untagged candidate remains. Unattended (default): the
 * job's tag comes off every item carrying it and cycle N+1 starts, in the same run. Attended: the
 * run reports the cycle complete and searches nothing. minCycleDays keeps a small list from
 * starting over every run.
 *
 * A reset is journaled: journal.reset → cycle document (N+1, progress cleared) → history entry →
 * tag removed from every carrier → journal.reset cleared. A run killed in between finds
 * journal.reset and finishes it before planning, so no item keeps a tag from the old cycle.
 */
import type { Movie, Series } from '../../arr/model';
import type { JobCycleState } from '../store/state';
import { DAY_MS, day } from '../specs/format';
import { record, type RunContext } from './finish';
import { applyTag } from './tagging';

export type CycleDecision =
  | { kind: 'nothing-to-do' }
  | { kind: 'attended'; message: string }
  | { kind: 'too-soon'; message: string; retryAt: number }
  | { kind: 'reset'; carriers: number[] };

export function carriersOf(entries: readonly (Movie | Series)[], tagId: number | null): number[] {
  if (tagId === null) return [];
  return entries.filter((e) => e.tags.includes(tagId)).map((e) => e.id);
}

/** What to do once the plan shows no untagged candidate. */
export function decideCycle(c: JobCycleState, carriers: readonly number[], job: { unattended: boolean; minCycleDays: number }, now: number): CycleDecision {
  if (carriers.length === 0) return { kind: 'nothing-to-do' };
  if (!job.unattended) return { kind: 'attended', message: `cycle ${c.cycle} complete: every candidate was searched; unattended is off, so nothing more is searched until the tags are removed` };
  const earliest = (c.cycleStartedAt ?? now) + job.minCycleDays * DAY_MS;
  if (earliest > now) return { kind: 'too-soon', message: `cycle ${c.cycle} complete; cycle ${c.cycle + 1} starts on ${day(earliest)} (minimum ${job.minCycleDays} days per cycle)`, retryAt: earliest };
  return { kind: 'reset', carriers: [...carriers] };
}

export async function resetCycle(rc: RunContext, carriers: readonly number[]): Promise<JobCycleState> {
  const now = rc.clock.now();
  const before = await rc.state.cycle();
  const toCycle = before.cycle + 1;
  await rc.state.updateJournal((j) => ({ ...j, reset: { fromCycle: before.cycle, toCycle, at: now } }));
  const after = await rc.state.updateCycle((c) => ({ ...c, cycle: toCycle, cycleStartedAt: now, done: 0, progress: {} }));
  await record(rc, {
    at: new Date(now).toISOString(),
    instanceId: rc.instanceId,
    jobId: rc.job.id,
    jobType: rc.job.type,
    status: 'cycle',
    items: [],
    grabs: [],
    cost: 0,
    cycle: toCycle,
    message: `cycle ${before.cycle} complete (${before.done} searched); cycle ${toCycle} started`,
  });
  const grabbed = await grabsInCycle(rc, before);
  rc.emit({ type: 'cycle-complete', instanceId: rc.instanceId, jobId: rc.job.id, jobType: rc.job.type, cycle: before.cycle, searched: before.done, grabbed, at: new Date(now).toISOString() });
  await removeTags(rc, carriers);
  return after;
}

async function grabsInCycle(rc: RunContext, c: JobCycleState): Promise<number> {
  const since = c.cycleStartedAt === undefined ? undefined : new Date(c.cycleStartedAt).toISOString();
  const page = await rc.history.query({ instanceId: rc.instanceId, jobId: rc.job.id, status: ['grabbed'], since, limit: 1000 });
  return page.entries.filter((e) => e.cycle === c.cycle).reduce((n, e) => n + e.grabs.length, 0);
}

/** Finishes a reset a killed run left half done. */
export async function finishReset(rc: RunContext, carriers: readonly number[]): Promise<void> {
  const journal = await rc.state.journal();
  if (!journal.reset) return;
  const { toCycle, at } = journal.reset;
  await rc.state.updateCycle((c) => (c.cycle >= toCycle ? c : { ...c, cycle: toCycle, cycleStartedAt: at, done: 0, progress: {} }));
  await removeTags(rc, carriers);
}

async function removeTags(rc: RunContext, carriers: readonly number[]): Promise<void> {
  await applyTag(rc.client, carriers, rc.jobTagId, 'remove');
  await rc.state.updateJournal((j) => ({ entries: j.entries })); // reset done
}
