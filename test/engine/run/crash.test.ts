/**
 * A run killed at each crash point of the journal (runner.ts lists them), then a run after a
 * restart. "Killed": the step never returns, so nothing after it happens, and the next run opens
 * the state and history folders afresh. Invariants checked after every scenario:
 * - every search the app ran is in the history exactly once;
 * - the items carrying the tag are exactly the items searched in the current cycle;
 * - no item was searched twice within cycle 1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StateStore } from '../../../src/engine/store/state';
import type { NewHistoryEntry } from '../../../src/shared/status';
import { harness, jobOf, sorted, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

type Kill = { killed: Promise<void>; fire: () => void };
function killSwitch(): Kill {
  let fire!: () => void;
  const killed = new Promise<void>((resolve) => (fire = resolve));
  return { killed, fire };
}
const never = () => new Promise<never>(() => undefined);

/** A view of the state store whose update never returns once `when` matches the document about to be written. */
function killingStore(store: StateStore, kill: Kill, when: (doc: string, next: unknown) => boolean): StateStore {
  let done = false;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'update') return Reflect.get(target, prop, receiver);
      return async (type: { name: string }, key: string, change: (v: unknown) => unknown) => {
        const next = await change(await target.read(type as never, key));
        if (!done && when(type.name, next)) {
          done = true;
          kill.fire();
          return never();
        }
        await target.write(type as never, key, next as never);
        return next;
      };
    },
  });
}

const journalHas = (phase: string) => (doc: string, next: unknown) => doc === 'job-journal' && (next as { entries: { phase: string }[] }).entries.some((e) => e.phase === phase);
const job = jobOf({ type: 'missing', order: 'alphabetical' });
const TAG = 'trawlarr-missing';

async function assertInvariants(): Promise<void> {
  const sim = h.sim;
  const ran = sorted(sim.searches.filter((s) => s.indexersQueried).flatMap((s) => s.ids));
  const entries = (await h.history.query({ status: ['searched', 'grabbed'], limit: 1000 })).entries;
  expect(sorted(entries.flatMap((e) => e.items.map((i) => i.id)))).toEqual(ran);
  const tag = sim.library.tags.find((t) => t.label === TAG)!.id;
  const tagged = sorted([...sim.library.movies.values()].filter((m) => m.tags.includes(tag)).map((m) => m.id));
  const cycle = Math.max(...entries.map((e) => e.cycle ?? 1));
  expect(tagged).toEqual(sorted(entries.filter((e) => e.cycle === cycle).flatMap((e) => e.items.map((i) => i.id))));
  const cycle1 = entries.filter((e) => e.cycle === 1).flatMap((e) => e.items.map((i) => i.id));
  expect(new Set(cycle1).size).toBe(cycle1.length);
}

/** Starts a run that will be killed, waits for the kill, then restarts the stores. */
async function killedRun(extra: Parameters<Harness['run']>[1], kill: Kill): Promise<void> {
  void h.run(job, { limit: 10, ...extra });
  await kill.killed;
  await h.restart();
}

describe('a run killed', () => {
  it('after POST, before the command id is journaled: the next run confirms the search from lastSearchTime', async () => {
    h = await harness({ app: 'radarr', seed: 9, size: { movies: 100 }, grabChance: 0 });
    const kill = killSwitch();
    await killedRun({ store: killingStore(h.store, kill, journalHas('accepted')) }, kill);
    expect(h.sim.commands.size).toBe(1);
    h.sim.runCommands(); // the app runs it on its own
    const first = [...h.sim.commands.values()][0].params.movieIds as number[];
    const report = await h.run(job, { limit: 10 });
    expect(report.commands.flatMap((c) => c.items.map((i) => i.id)).some((id) => first.includes(id))).toBe(false);
    const recovered = (await h.history.query({ status: ['searched'] })).entries.find((e) => e.commandId === undefined)!;
    expect(sorted(recovered.items.map((i) => i.id))).toEqual(sorted(first));
    expect(recovered.message).toMatch(/sent before a restart/);
    await assertInvariants();
  });

  it('before POST reached the app: nothing is recorded as searched, the items are searched later', async () => {
    h = await harness({ app: 'radarr', seed: 9, size: { movies: 100 }, grabChance: 0 });
    const kill = killSwitch();
    const client = new Proxy(h.client, {
      get(target, prop, receiver) {
        if (prop === 'sendCommand') {
          return () => {
            kill.fire();
            return never();
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    void h.run(job, { client, limit: 5 });
    await kill.killed;
    await h.restart();
    // within the grace period the items stay out of plans
    const waiting = await h.run(job, { limit: 5 });
    expect(waiting.reasons['search still in progress']).toBe(5);
    // after it, the attempt is dropped with an error entry and the items are searched
    const report = await h.run(job, { limit: 5, postingGraceMs: 0 });
    const errors = (await h.history.query({ status: ['error'] })).entries;
    expect(errors.some((e) => /left no trace/.test(e.message ?? ''))).toBe(true);
    expect(report.commands.length).toBeGreaterThan(0);
    await assertInvariants();
  });

  it('while the command ran: the next run polls it and finishes it', async () => {
    h = await harness({ app: 'radarr', seed: 9, size: { movies: 100 }, grabChance: 0 });
    const kill = killSwitch();
    const history = new Proxy(h.history, {
      get(target, prop, receiver) {
        if (prop === 'append') {
          return (entry: NewHistoryEntry) => {
            if (entry.status === 'searched') {
              kill.fire();
              return never();
            }
            return target.append(entry);
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    await killedRun({ history }, kill);
    await h.run(job, { limit: 10 });
    const finished = (await h.history.query({ status: ['searched'] })).entries.filter((e) => e.message?.includes('finished after a restart'));
    expect(finished).toHaveLength(1);
    await assertInvariants();
  });

  it('after the history entry, before the journal says so: the entry is not written twice', async () => {
    h = await harness({ app: 'radarr', seed: 9, size: { movies: 100 }, grabChance: 0 });
    const kill = killSwitch();
    await killedRun({ store: killingStore(h.store, kill, journalHas('recorded')) }, kill);
    const before = (await h.history.query({ status: ['searched'] })).entries;
    expect(before).toHaveLength(1);
    await h.run(job, { limit: 10 });
    const all = (await h.history.query({ status: ['searched'], limit: 100 })).entries;
    expect(all.filter((e) => e.commandId === before[0].commandId)).toHaveLength(1);
    await assertInvariants();
  });

  it('before the tag was applied: the next run tags the items and does not search them again', async () => {
    h = await harness({ app: 'radarr', seed: 9, size: { movies: 100 }, grabChance: 0 });
    const kill = killSwitch();
    const client = new Proxy(h.client, {
      get(target, prop, receiver) {
        if (prop === 'editTags') {
          return () => {
            kill.fire();
            return never();
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    await killedRun({ client }, kill);
    const searchedFirst = h.sim.searches.flatMap((s) => s.ids);
    expect(searchedFirst).toHaveLength(5);
    const report = await h.run(job, { limit: 10 });
    expect(report.commands.flatMap((c) => c.items.map((i) => i.id)).some((id) => searchedFirst.includes(id))).toBe(false);
    await assertInvariants();
  });

  it('in the middle of a cycle reset: the next run finishes the reset before planning', async () => {
    h = await harness({ app: 'radarr', seed: 9, size: { movies: 40 }, grabChance: 0 });
    const eligible = h.sim.groundTruth('missing', job);
    await h.run(job, { limit: 100 }); // cycle 1 in one run
    const kill = killSwitch();
    const client = new Proxy(h.client, {
      get(target, prop, receiver) {
        if (prop === 'editTags') {
          return (ids: number[], tags: number[], action: string) => {
            if (action === 'remove') {
              kill.fire();
              return never();
            }
            return target.editTags(ids, tags, action as 'add');
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    await killedRun({ client, limit: 3 }, kill);
    const report = await h.run(job, { limit: 3 });
    expect(report.cycle).toBe(2);
    expect(report.cycleRestarted).toBe(false); // the reset happened before the kill; this run finished it
    expect(report.commands.flatMap((c) => c.items)).toHaveLength(3);
    const tag = h.sim.library.tags.find((t) => t.label === TAG)!.id;
    const tagged = [...h.sim.library.movies.values()].filter((m) => m.tags.includes(tag)).map((m) => m.id);
    expect(sorted(tagged)).toEqual(sorted(report.commands.flatMap((c) => c.items.map((i) => i.id))));
    expect(tagged.every((id) => eligible.includes(id))).toBe(true);
    await assertInvariants();
  });
});
