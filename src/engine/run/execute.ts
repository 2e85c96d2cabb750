/**
 * Sends a plan's commands (searches, renames, refreshes) one at a time: permit → journal "posting"
 * → POST (a lost answer checked against the app's list, ./send.ts) → budget committed, journal
 * "accepted" → poll until it ends → finish (history, progress, tag) or record the failure.
 * Stops at the first refusal of the permit (budget, active hours, gates), at a stop request
 * (after the current command), at a command that outlasts the poll timeout, and at an app error.
 */
import { ArrError } from '../../arr';
import type { SearchCommandBody } from '../../arr/model';
import type { GrabInfo, JobWait } from '../../shared/status';
import type { PlannedCommand } from '../plan/types';
import type { SearchPermit } from '../scheduler/permit';
import { finishCompleted, finishFailed, record, type RunContext } from './finish';
import type { JournalEntry } from './journal';
import { waitForCommand, type PollOptions } from './poll';
import { sendWithCheck } from './send';

export interface CommandReport {
  body: SearchCommandBody;
  cost: number;
  granularity?: 'series' | 'season' | 'episode';
  items: { id: number; title: string }[];
  /** running: sent, outcome unknown yet (timed out); planned: a dry run's */
  status: 'searched' | 'grabbed' | 'failed' | 'error' | 'running' | 'planned';
  commandId?: number;
  grabs: GrabInfo[];
  tagged: number[];
  message?: string;
}

export interface Stop {
  code: 'stopped' | 'inactive' | 'budget' | 'too-costly' | 'gate' | 'timeout' | 'error';
  reason: string;
  retryAt?: number;
  /** what the job waits for (a permit's refusal) */
  wait?: JobWait;
  error?: unknown;
}

export interface ExecuteResult {
  commands: CommandReport[];
  /** estimated queries committed */
  cost: number;
  stop?: Stop;
}

/**
 * POST failures that prove the app did not take the command (anything else: it may have). A 503,
 * starting up or from a proxy whose backend is down, is an answer to a request nobody processed
 * (spec/arr/NOTES.md §2); a 500 is checked against the app's command list first (./send.ts).
 */
const NOT_SENT = new Set(['connection-refused', 'dns', 'tls', 'unauthorized', 'wrong-url-base', 'redirect', 'html', 'bad-request', 'conflict', 'server-error', 'starting-up', 'unavailable', 'wrong-app', 'forbidden-address', 'cancelled']);

export async function executeCommands(rc: RunContext, planned: readonly PlannedCommand[], options: { cycle: number; permit: SearchPermit; poll: PollOptions; signal?: AbortSignal }): Promise<ExecuteResult> {
  const result: ExecuteResult = { commands: [], cost: 0 };
  const failedSeries = new Set<number>();
  for (const [n, command] of planned.entries()) {
    if (options.signal?.aborted) return { ...result, stop: { code: 'stopped', reason: 'stopped on request' } };
    // every command asks, rename and refresh (cost 0) too: active hours, pacing and reachability apply to them
    const grant = await options.permit.acquire(command.cost, { signal: options.signal });
    if (!grant.ok) return { ...result, stop: { code: grant.code, reason: grant.reason, retryAt: grant.retryAt, ...(grant.wait ? { wait: grant.wait } : {}) } };

    const now = rc.clock.now();
    const tagIds = command.seriesId !== undefined && failedSeries.has(command.seriesId) ? [] : command.tagIds;
    const entry: JournalEntry = {
      key: `${now}-${n}`,
      phase: 'posting',
      cycle: options.cycle,
      postedAt: now,
      body: command.body,
      cost: command.cost,
      items: command.items,
      tagIds,
      ...(command.granularity ? { granularity: command.granularity } : {}),
      ...(command.seriesId !== undefined ? { seriesId: command.seriesId } : {}),
      ...(command.progress ? { progress: command.progress } : {}),
    };
    const report: CommandReport = { body: command.body, cost: command.cost, items: command.items.map(({ id, title }) => ({ id, title })), status: 'running', grabs: [], tagged: [] };
    if (command.granularity) report.granularity = command.granularity;
    result.commands.push(report);
    try {
      await rc.state.updateJournal((j) => ({ ...j, entries: [...j.entries, entry] }));
    } catch (error) {
      grant.release(); // nothing was sent; an unsettled grant would hold the instance's permit for good
      throw error;
    }

    let sent;
    try {
      // a lost answer or a 500 is checked against the app's command list before anything is re-sent
      sent = await sendWithCheck(rc.client, command.body, now, rc.clock);
    } catch (error) {
      const notSent = error instanceof RangeError || (error instanceof ArrError && NOT_SENT.has(error.kind));
      const message = `could not send ${command.body.name}: ${(error as Error).message}`;
      report.message = message;
      report.status = 'error';
      if (!notSent) {
        // it may have reached the app: keep the journal entry for the next run to resolve, count the cost
        grant.commit();
        result.cost += command.cost;
        return { ...result, stop: { code: 'error', reason: message, error } };
      }
      grant.release();
      await finishFailed(rc, entry, message, 'error');
      if (error instanceof RangeError || (error as ArrError).kind === 'bad-request') continue;
      return { ...result, stop: { code: 'error', reason: message, error } };
    }
    grant.commit();
    result.cost += command.cost;
    report.commandId = sent.id;
    const accepted: JournalEntry = { ...entry, phase: 'accepted', commandId: sent.id };
    await rc.state.updateJournal((j) => ({ ...j, entries: j.entries.map((x) => (x.key === entry.key ? accepted : x)) }));

    const outcome = await waitForCommand(rc.client, sent.id, rc.clock, options.poll);
    if (outcome.kind === 'completed') {
      const done = await finishCompleted(rc, accepted, outcome.command);
      report.status = done.grabs.length > 0 ? 'grabbed' : 'searched';
      report.grabs = done.grabs;
      report.tagged = done.tagged;
      if (outcome.command.message) report.message = outcome.command.message;
      continue;
    }
    if (outcome.kind === 'timeout') {
      report.message = `${outcome.reason}; checked again on the next run`;
      await record(rc, { at: new Date(rc.clock.now()).toISOString(), instanceId: rc.instanceId, jobId: rc.job.id, jobType: rc.job.type, status: 'error', items: report.items, grabs: [], cost: command.cost, commandName: command.body.name, commandId: sent.id, cycle: options.cycle, message: report.message });
      return { ...result, stop: { code: 'timeout', reason: report.message } };
    }
    report.status = 'failed';
    report.message = outcome.reason;
    await finishFailed(rc, accepted, outcome.reason);
    if (command.seriesId !== undefined) failedSeries.add(command.seriesId);
  }
  return result;
}
