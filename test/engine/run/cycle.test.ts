/**
 * The tag cycle end to end against the simulator: a full upgrade cycle on a 300-movie library
 * searches every eligible movie exactly once and nothing else, tags exactly those, then the
 * unattended reset starts cycle 2 in the same run. Attended jobs stop at the end of a cycle, and
 * minCycleDays holds the reset back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, jobOf, searchedIds, sorted, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

function tagId(label: string): number | undefined {
  return h.sim.library.tags.find((t) => t.label === label)?.id;
}

function taggedMovies(label: string): number[] {
  const id = tagId(label);
  return sorted([...h.sim.library.movies.values()].filter((m) => id !== undefined && m.tags.includes(id)).map((m) => m.id));
}

describe('Radarr upgrade cycle', () => {
  it('searches every eligible movie exactly once, then restarts with cycle 2', async () => {
    h = await harness({ app: 'radarr', seed: 5, size: { movies: 300 } });
    const job = jobOf({ type: 'upgrade', order: 'random' });
    const eligible = h.sim.groundTruth('upgrade', job);
    expect(eligible.length).toBeGreaterThan(30);

    let runs = 0;
    let truthNow = eligible;
    let report = await h.run(job, { seed: runs });
    while (!report.cycleRestarted) {
      expect(report.result, report.message).toBe('searched');
      expect(report.cycle).toBe(1);
      runs++;
      expect(runs).toBeLessThan(100);
      if (runs === 1) {
        // progress in the cycle document, and an estimate of the rest still to do
        expect(report.done).toBe(10);
        expect(Math.abs(report.done + report.remaining - eligible.length)).toBeLessThan(eligible.length * 0.25);
      }
      const before = h.sim.searches.length;
      truthNow = h.sim.groundTruth('upgrade', { ...job, tag: 'none' });
      report = await h.run(job, { seed: runs });
      if (report.cycleRestarted) {
        // everything searched in cycle 1 came before this run's reset
        const cycle1 = h.sim.searches.slice(0, before).flatMap((s) => s.ids);
        expect(sorted(cycle1)).toEqual(eligible);
        expect(new Set(cycle1).size).toBe(cycle1.length);
      }
    }
    expect(runs).toBe(Math.ceil(eligible.length / 10));
    expect(report.cycle).toBe(2);
    expect(report.result).toBe('searched');
    // cycle 2 searched 10 movies that are eligible now, and only they carry the tag
    const cycle2 = report.commands.flatMap((c) => c.items.map((i) => i.id));
    expect(cycle2).toHaveLength(10);
    const eligibleAtStart = new Set(truthNow);
    expect(cycle2.every((id) => eligibleAtStart.has(id))).toBe(true);
    expect(taggedMovies('trawlarr-upgrade')).toEqual(sorted(cycle2));

    const cycles = await h.history.query({ status: ['cycle'] });
    expect(cycles.entries.map((e) => e.message)).toEqual([`cycle 1 complete (${eligible.length} searched); cycle 2 started`]);
    const searchedEntries = await h.history.query({ status: ['searched', 'grabbed'], limit: 1000 });
    expect(sorted(searchedEntries.entries.filter((e) => e.cycle === 1).flatMap((e) => e.items.map((i) => i.id)))).toEqual(eligible);
  });

  it('attended: reports the cycle complete and searches nothing; minCycleDays holds the reset', async () => {
    h = await harness({ app: 'radarr', seed: 6, size: { movies: 60 } });
    const attended = jobOf({ type: 'missing', unattended: false });
    const eligible = h.sim.groundTruth('missing', attended);
    let report = await h.run(attended, { limit: 100 });
    expect(sorted(report.commands.flatMap((c) => c.items.map((i) => i.id)))).toEqual(eligible);
    const searches = h.sim.searches.length;
    report = await h.run(attended, { limit: 100 });
    expect(report.result).toBe('cycle-complete');
    expect(report.message).toMatch(/cycle 1 complete/);
    expect(h.sim.searches.length).toBe(searches);
    expect(taggedMovies('trawlarr-missing')).toEqual(eligible);

    const slow = jobOf({ type: 'missing', id: 'slow', minCycleDays: 7 });
    const slowEligible = h.sim.groundTruth('missing', slow);
    await h.run(slow, { limit: 100 });
    report = await h.run(slow, { limit: 100 });
    expect(report.result).toBe('cycle-complete');
    expect(report.message).toMatch(/cycle 2 starts on \d{4}-\d\d-\d\d \(minimum 7 days per cycle\)/);
    expect(report.retryAt).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(h.sim.searches.length).toBe(searches + Math.ceil(slowEligible.length / 5));
  });

  it('an empty job restarts nothing: nothing to do, cycle stays 1', async () => {
    h = await harness({ app: 'radarr', seed: 6, size: { movies: 30 } });
    const job = jobOf({ type: 'missing', filters: { includeTags: ['no-such-tag'] } });
    const first = await h.run(job);
    const second = await h.run(job);
    expect([first.result, second.result]).toEqual(['nothing-to-do', 'nothing-to-do']);
    expect(second.cycle).toBe(1);
    expect(searchedIds(h.sim)).toEqual([]);
  });
});
