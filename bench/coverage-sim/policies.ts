/**
 * What the scheduler runs when the job is due, in the two simulations of the coverage bench:
 *  - the engine: the real job runner (tags, cycles, eligibility, the permit for every command);
 *  - the baseline: random items from the app's wanted list on every run, no memory between runs,
 *    the same budget, permit, schedule, items per run and command size.
 */
import type { RadarrClient } from '../../src/arr';
import { DEFAULT_POLL, waitForCommand } from '../../src/engine/run/poll';
import type { RunReport } from '../../src/engine/run/report';
import { runJob, type RunJobOptions } from '../../src/engine/run/runner';
import type { FakeClock } from '../../src/engine/scheduler/fake-clock';
import type { RunOutcome } from '../../src/engine/scheduler/instance-queue-types';
import type { JobRunContext } from '../../src/engine/scheduler/scheduler';
import type { JobSettings } from '../../src/shared/settings';

export type RunFn = (job: JobSettings, ctx: JobRunContext) => Promise<RunOutcome | void>;

/** Runs that stopped early (budget, hours) continue later with the rest of their items, as in the host. */
function outcomeOf(retryAt: number | undefined, limit: number, done: number): RunOutcome | undefined {
  return retryAt === undefined ? undefined : { continueAt: retryAt, remaining: Math.max(1, limit - done) };
}

export function engineRun(o: Pick<RunJobOptions, 'client' | 'store' | 'history' | 'clock'>, onReport: (r: RunReport) => void): RunFn {
  return async (job, ctx) => {
    const report = await runJob({ ...o, instanceId: ctx.instance.id, job, permit: ctx.permit, limit: ctx.limit, maxCostPerCommand: ctx.maxCostPerCommand, signal: ctx.signal });
    onReport(report);
    if (report.result === 'error') throw new Error(report.message);
    return outcomeOf(report.retryAt, ctx.limit, report.searched);
  };
}

export interface RandomOptions {
  client: RadarrClient;
  clock: FakeClock;
  random: () => number;
  /** also leave out movies not available yet (the wanted list does not) */
  skipUnavailable: boolean;
  /** movies per MoviesSearch, as the engine's missing job sends them */
  perCommand: number;
}

/** Each run: the wanted list, minus what is downloading, `limit` picked at random; nothing remembered. */
export function randomRun(o: RandomOptions): RunFn {
  return async (_job, ctx) => {
    const downloading = new Set<number>();
    for await (const q of o.client.queue()) if (q.movieId !== undefined) downloading.add(q.movieId);
    const pool: number[] = [];
    for await (const m of o.client.wantedMissing({ pageSize: 2000 })) {
      if (downloading.has(m.id) || (o.skipUnavailable && !m.isAvailable)) continue;
      pool.push(m.id);
    }
    // a partial Fisher-Yates: `limit` distinct picks for this run
    const n = Math.min(ctx.limit, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(o.random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    let done = 0;
    for (let i = 0; i < n; i += o.perCommand) {
      const movieIds = pool.slice(i, Math.min(n, i + o.perCommand));
      const grant = await ctx.permit.acquire(movieIds.length, { signal: ctx.signal });
      if (!grant.ok) return grant.code === 'stopped' ? undefined : outcomeOf(grant.retryAt, ctx.limit, done);
      let id: number;
      try {
        id = (await o.client.sendCommand({ name: 'MoviesSearch', movieIds })).id;
      } catch (error) {
        grant.release();
        throw error;
      }
      grant.commit();
      await waitForCommand(o.client, id, o.clock, DEFAULT_POLL);
      done += movieIds.length;
    }
    return undefined;
  };
}
