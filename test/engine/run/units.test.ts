/** The runner's pure parts: polling with backoff on a fake clock, cycle decisions, busy ids. */
import { describe, expect, it } from 'vitest';
import { ArrError } from '../../../src/arr';
import type { Command } from '../../../src/arr/model';
import { carriersOf, decideCycle } from '../../../src/engine/run/cycle';
import { busyIds, type JournalEntry } from '../../../src/engine/run/journal';
import { waitForCommand } from '../../../src/engine/run/poll';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { movie } from '../specs/fixtures';

const DAY = 86_400_000;
const options = { firstDelayMs: 1_000, maxDelayMs: 4_000, factor: 2, timeoutMs: 60_000 };
const cmd = (status: Command['status'], extra: Partial<Command> = {}): Command => ({ id: 7, name: 'MoviesSearch', status, ...extra });

/** A getCommand that answers from a script and notes when it was asked. */
function scripted(clock: FakeClock, answers: (Command | Error)[]) {
  const asked: number[] = [];
  return {
    asked,
    getCommand: async () => {
      asked.push(clock.now());
      const next = answers.length > 1 ? answers.shift()! : answers[0];
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

async function drive<T>(clock: FakeClock, promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) await clock.advance(500);
  return promise;
}

describe('waiting for a command', () => {
  it('polls with a growing delay until it completes', async () => {
    const clock = new FakeClock(0);
    const client = scripted(clock, [cmd('queued'), cmd('started'), cmd('started'), cmd('started'), cmd('completed', { message: 'done' })]);
    const outcome = await drive(clock, waitForCommand(client, 7, clock, options));
    expect(outcome).toEqual({ kind: 'completed', command: cmd('completed', { message: 'done' }) });
    expect(client.asked).toEqual([0, 1_000, 3_000, 7_000, 11_000]);
  });

  it.each([
    ['failed', { message: 'Failed', exception: 'boom' }, 'command failed: Failed'],
    ['orphaned', {}, 'command orphaned'],
  ] as const)('%s ends it as failed with the reason', async (status, extra, reason) => {
    const clock = new FakeClock(0);
    const outcome = await drive(clock, waitForCommand(scripted(clock, [cmd(status, extra)]), 7, clock, options));
    expect(outcome).toMatchObject({ kind: 'failed', reason });
  });

  it('gives up at the timeout, saying what it last saw', async () => {
    const clock = new FakeClock(0);
    const outcome = await drive(clock, waitForCommand(scripted(clock, [cmd('started')]), 7, clock, options));
    expect(outcome).toMatchObject({ kind: 'timeout', reason: 'command 7 still started after 1 min' });
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
    expect(clock.now()).toBeLessThan(62_000);
  });

  it('waits out passing network trouble, and reports a forgotten command as gone', async () => {
    const clock = new FakeClock(0);
    const reset = new ArrError({ kind: 'connection-reset', instance: 'R', app: 'radarr' }, 'Radarr "R": connection reset');
    const outcome = await drive(clock, waitForCommand(scripted(clock, [reset, reset, cmd('completed')]), 7, clock, options));
    expect(outcome.kind).toBe('completed');
    const gone = new ArrError({ kind: 'not-found', instance: 'R', app: 'radarr' }, 'not found');
    expect(await drive(clock, waitForCommand(scripted(clock, [gone]), 7, clock, options))).toEqual({ kind: 'gone', reason: 'command 7 is no longer known to the app' });
    const rejected = new ArrError({ kind: 'unauthorized', instance: 'R', app: 'radarr' }, 'API key rejected');
    await expect(drive(clock, waitForCommand(scripted(clock, [rejected]), 7, clock, options))).rejects.toThrow('API key rejected');
  });
});

describe('the end of a cycle', () => {
  const cycle = (startedDaysAgo: number) => ({ cycle: 3, cycleStartedAt: 100 * DAY - startedDaysAgo * DAY, done: 40, eligible: 40, progress: {} });
  const now = 100 * DAY;
  it('nothing carries the tag: nothing to do (no empty cycles counted)', () => {
    expect(decideCycle(cycle(10), [], { unattended: true, minCycleDays: 0 }, now)).toEqual({ kind: 'nothing-to-do' });
  });
  it('unattended: reset; attended: report', () => {
    expect(decideCycle(cycle(10), [4, 5], { unattended: true, minCycleDays: 0 }, now)).toEqual({ kind: 'reset', carriers: [4, 5] });
    expect(decideCycle(cycle(10), [4], { unattended: false, minCycleDays: 0 }, now)).toMatchObject({ kind: 'attended', message: expect.stringMatching(/^cycle 3 complete/) });
  });
  it('minCycleDays: not before the cycle is that old', () => {
    expect(decideCycle(cycle(3), [4], { unattended: true, minCycleDays: 7 }, now)).toEqual({
      kind: 'too-soon',
      retryAt: now + 4 * DAY,
      message: `cycle 3 complete; cycle 4 starts on ${new Date(now + 4 * DAY).toISOString().slice(0, 10)} (minimum 7 days per cycle)`,
    });
    expect(decideCycle(cycle(7), [4], { unattended: true, minCycleDays: 7 }, now).kind).toBe('reset');
  });
  it('carriers are the entries with the job tag', () => {
    expect(carriersOf([movie({ id: 1, tags: [2, 9] }), movie({ id: 2, tags: [2] }), movie({ id: 3 })], 9)).toEqual([1]);
    expect(carriersOf([movie({ id: 1, tags: [9] })], null)).toEqual([]);
  });
});

describe('journal entries keep their items out of plans', () => {
  const base: JournalEntry = { key: 'k', phase: 'accepted', cycle: 1, postedAt: 0, body: { name: 'MoviesSearch', movieIds: [1, 2] }, cost: 2, items: [{ id: 1, title: 'A' }, { id: 2, title: 'B' }], tagIds: [1, 2] };
  it('movies (or series) for entry commands, episodes for Sonarr searches', () => {
    const episodeCommand: JournalEntry = { ...base, key: 'e', body: { name: 'SeasonSearch', seriesId: 5, seasonNumber: 1 }, items: [{ id: 50, title: 'S01E01' }], tagIds: [5], seriesId: 5, progress: { seasons: [1], episodes: [] } };
    const busy = busyIds({ entries: [base, episodeCommand] });
    expect([...busy.entries]).toEqual([1, 2]);
    expect([...busy.episodes]).toEqual([50]);
  });
});
