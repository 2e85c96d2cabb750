/**
 * A Sonarr missing job through a whole cycle at each granularity: every eligible episode is covered
 * by exactly one search, nothing unmonitored is ever searched (series, season or episode), each
 * series with targets ends up tagged, and the unattended reset starts cycle 2.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../../src/simulator';
import { harness, jobOf, sorted, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

function assertNothingUnmonitored(searches: readonly SearchRecord[]): void {
  const lib = h.sim.library;
  for (const s of searches) {
    if (s.command === 'EpisodeSearch') {
      for (const id of s.ids) {
        const e = lib.episodes.get(id)!;
        const series = lib.series.get(e.seriesId)!;
        const season = series.seasons.find((x) => x.seasonNumber === e.seasonNumber)!;
        expect([series.monitored, season.monitored, e.monitored], `episode ${id}`).toEqual([true, true, true]);
      }
    } else {
      const series = lib.series.get(s.seriesId!)!;
      expect(series.monitored, `series ${series.id}`).toBe(true);
      if (s.command === 'SeasonSearch') expect(series.seasons.find((x) => x.seasonNumber === s.seasonNumber)!.monitored).toBe(true);
    }
  }
}

describe.each(['episode', 'season', 'series', 'auto'] as const)('Sonarr missing at %s granularity', (granularity) => {
  it('covers every eligible episode exactly once, never an unmonitored one, then starts cycle 2', async () => {
    h = await harness({ app: 'sonarr', seed: 21, size: { series: 40 } });
    const job = jobOf({ type: 'missing', granularity, order: 'alphabetical' });
    const eligible = h.sim.groundTruth('missing', job);
    expect(eligible.length).toBeGreaterThan(20);
    const targetSeries = sorted(new Set(eligible.map((id) => h.sim.library.episodes.get(id)!.seriesId)));

    let report = await h.run(job, { limit: 5 });
    let cycle1 = 0;
    for (let runs = 1; !report.cycleRestarted; runs++) {
      expect(report.result, report.message).toBe('searched');
      expect(runs).toBeLessThan(200);
      cycle1 = h.sim.searches.length;
      report = await h.run(job, { limit: 5 });
    }
    const searches = h.sim.searches.slice(0, cycle1);
    assertNothingUnmonitored(h.sim.searches);

    // each eligible episode covered by exactly one command of cycle 1
    const covered = new Map<number, number>();
    for (const s of searches) for (const id of new Set(s.ids)) covered.set(id, (covered.get(id) ?? 0) + 1);
    for (const id of eligible) expect(covered.get(id), `episode ${id}`).toBe(1);
    const kinds = new Set(searches.map((s) => s.command));
    const expected = { episode: ['EpisodeSearch'], season: ['SeasonSearch'], series: ['SeriesSearch'], auto: ['EpisodeSearch', 'SeasonSearch'] }[granularity];
    expect(kinds).toEqual(new Set(expected));
    // nothing outside the targets' series was searched
    expect(sorted(new Set(searches.map((s) => s.seriesId ?? h.sim.library.episodes.get(s.ids[0])!.seriesId)))).toEqual(targetSeries);
    // episode searches never search an episode twice or one that is not eligible
    const episodeIds = searches.filter((s) => s.command === 'EpisodeSearch').flatMap((s) => s.ids);
    expect(new Set(episodeIds).size).toBe(episodeIds.length);
    expect(episodeIds.every((id) => eligible.includes(id))).toBe(true);

    expect(report.cycle).toBe(2);
    const tag = h.sim.library.tags.find((t) => t.label === 'trawlarr-missing')!.id;
    const tagged = sorted([...h.sim.library.series.values()].filter((s) => s.tags.includes(tag)).map((s) => s.id));
    // in cycle 2 only the series this run finished carry the tag
    const finished = new Set(report.commands.flatMap((c) => c.tagged));
    expect(tagged).toEqual(sorted(finished));
    const history = await h.history.query({ status: ['searched', 'grabbed'], limit: 1000 });
    expect(history.entries.filter((e) => e.cycle === 1).every((e) => e.granularity !== undefined && e.cost > 0)).toBe(true);
  });
});

describe('Sonarr cycle progress', () => {
  it('a series split across runs is not searched again and is tagged once all its targets are done', async () => {
    h = await harness({ app: 'sonarr', seed: 21, size: { series: 40 } });
    const job = jobOf({ type: 'missing', granularity: 'episode', order: 'alphabetical' });
    const tag = () => h.sim.library.tags.find((t) => t.label === 'trawlarr-missing')!.id;
    const first = await h.run(job, { limit: 1 });
    const seriesId = first.commands[0].body.name === 'EpisodeSearch' ? h.sim.library.episodes.get(first.commands[0].items[0].id)!.seriesId : -1;
    const targets = h.sim.groundTruth('missing', job).filter((id) => h.sim.library.episodes.get(id)!.seriesId === seriesId);
    const commandsNeeded = new Set(targets.map((id) => h.sim.library.episodes.get(id)!.seasonNumber)).size;
    expect(commandsNeeded).toBeGreaterThan(1); // the fixture must split this series
    for (let i = 1; i < commandsNeeded; i++) {
      expect(h.sim.library.series.get(seriesId)!.tags).not.toContain(tag());
      await h.run(job, { limit: 1 });
    }
    expect(h.sim.library.series.get(seriesId)!.tags).toContain(tag());
    const searched = h.sim.searches.flatMap((s) => s.ids).filter((id) => h.sim.library.episodes.get(id)!.seriesId === seriesId);
    expect(sorted(searched)).toEqual(sorted(targets));
  });
});
