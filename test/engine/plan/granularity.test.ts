import { describe, expect, it } from 'vitest';
import type { Episode, Series } from '../../../src/arr/model';
import { seasonSearchCost, seriesSearchCost } from '../../../src/engine/plan/cost';
import { commandsForSeries, type SeriesCommandsInput } from '../../../src/engine/plan/granularity';
import { DAY, NOW, episode, iso, season, series } from '../specs/fixtures';

const show = series({ id: 9, title: 'Show', seasons: [season(0), season(1), season(2), season(3, { monitored: false })] });

/** Season s, episodes 1..n, all aired, monitored, without files. */
function seasonOf(s: number, n: number, over: (e: number) => Partial<Episode> = () => ({})): Episode[] {
  return Array.from({ length: n }, (_, i) => episode({ id: s * 100 + i + 1, seriesId: 9, seasonNumber: s, episodeNumber: i + 1, ...over(i + 1) }));
}

function plan(over: Partial<SeriesCommandsInput> & { episodes: Episode[]; targets: Episode[] }) {
  return commandsForSeries({ series: show, granularity: 'auto', now: NOW, queueEpisodeIds: new Set(), packNeedsEveryFileTargeted: false, ...over });
}
const shape = (cmds: ReturnType<typeof plan>) => cmds.map((c) => [c.body.name, c.cost, c.items.map((i) => i.id)]);

describe('auto granularity', () => {
  it('a finished, fully monitored season with several targets: one season search', () => {
    const eps = seasonOf(1, 6);
    const cmds = plan({ episodes: eps, targets: eps.slice(0, 3) });
    expect(cmds.map((c) => c.body)).toEqual([{ name: 'SeasonSearch', seriesId: 9, seasonNumber: 1 }]);
    expect(cmds[0].cost).toBe(1);
    expect(cmds[0].granularity).toBe('season');
    expect(cmds[0].items.map((i) => i.title)).toEqual(['Show S01E01', 'Show S01E02', 'Show S01E03']);
    expect(cmds[0].progress).toEqual({ seasons: [1], episodes: [] });
    expect(cmds[0].seriesId).toBe(9);
  });

  it('a single target: an episode search', () => {
    const eps = seasonOf(1, 6);
    expect(shape(plan({ episodes: eps, targets: [eps[2]] }))).toEqual([['EpisodeSearch', 1, [103]]]);
  });

  it.each([
    ['an unmonitored episode', (e: number) => (e === 5 ? { monitored: false } : {})],
    ['an episode still to air', (e: number) => (e === 6 ? { airDateUtc: iso(NOW + DAY) } : {})],
    ['an episode without air date', (e: number) => (e === 6 ? { airDateUtc: undefined } : {})],
  ])('no pack when the season has %s', (_, over) => {
    const eps = seasonOf(1, 6, over);
    const cmds = plan({ episodes: eps, targets: eps.slice(0, 3) });
    expect(shape(cmds)).toEqual([['EpisodeSearch', 3, [101, 102, 103]]]);
    expect(cmds[0].progress).toEqual({ seasons: [], episodes: [101, 102, 103] });
  });

  it('no pack when an episode of the season is already downloading', () => {
    const eps = seasonOf(1, 6);
    expect(shape(plan({ episodes: eps, targets: eps.slice(0, 3), queueEpisodeIds: new Set([106]) }))).toEqual([['EpisodeSearch', 3, [101, 102, 103]]]);
  });

  it('upgrades: no pack when a file of the season is not a target (it is at the cutoff)', () => {
    const eps = seasonOf(1, 4, (e) => ({ episodeFileId: 1000 + e }));
    expect(shape(plan({ episodes: eps, targets: eps.slice(0, 3), packNeedsEveryFileTargeted: true }))[0][0]).toBe('EpisodeSearch');
    expect(shape(plan({ episodes: eps, targets: eps, packNeedsEveryFileTargeted: true }))).toEqual([['SeasonSearch', 1, [101, 102, 103, 104]]]);
  });

  it('anime: a season search costs 1 + aired episodes, so episode searches are cheaper', () => {
    const anime = { ...show, seriesType: 'anime' as const };
    const eps = seasonOf(1, 12);
    expect(seasonSearchCost(anime, eps, NOW)).toBe(13);
    const cmds = commandsForSeries({ series: anime, episodes: eps, targets: eps.slice(0, 4), granularity: 'auto', now: NOW, queueEpisodeIds: new Set(), packNeedsEveryFileTargeted: false });
    expect(shape(cmds)).toEqual([['EpisodeSearch', 4, [101, 102, 103, 104]]]);
  });

  it('seasons in order, specials last', () => {
    const eps = [...seasonOf(0, 3), ...seasonOf(2, 3), ...seasonOf(1, 1)];
    expect(shape(plan({ episodes: eps, targets: eps }))).toEqual([
      ['EpisodeSearch', 1, [101]],
      ['SeasonSearch', 1, [201, 202, 203]],
      ['SeasonSearch', 1, [1, 2, 3]],
    ]);
  });
});

describe('fixed granularities', () => {
  it('season: a season search per season with a target, even for one episode', () => {
    const eps = [...seasonOf(1, 3), ...seasonOf(2, 3, () => ({ airDateUtc: iso(NOW + DAY) }))];
    expect(shape(plan({ granularity: 'season', episodes: eps, targets: [eps[0], eps[3]] }))).toEqual([
      ['SeasonSearch', 1, [101]],
      ['SeasonSearch', 1, [201]],
    ]);
  });

  it('series: one series search costing its monitored seasons', () => {
    const eps = [...seasonOf(1, 3), ...seasonOf(2, 3)];
    const cmds = plan({ granularity: 'series', episodes: eps, targets: [eps[0], eps[4]] });
    expect(cmds.map((c) => c.body)).toEqual([{ name: 'SeriesSearch', seriesId: 9 }]);
    expect(cmds[0].cost).toBe(3); // seasons 0, 1, 2 are monitored
    expect(cmds[0].progress).toEqual({ seasons: [0, 1, 2], episodes: [] });
    expect(seriesSearchCost(show, eps, NOW)).toBe(3);
  });

  it('episode: a few episode ids per command', () => {
    const eps = seasonOf(1, 23);
    const cmds = plan({ granularity: 'episode', episodes: eps, targets: eps });
    expect(cmds.map((c) => c.cost)).toEqual([10, 10, 3]);
    expect(cmds.every((c) => c.body.name === 'EpisodeSearch')).toBe(true);
  });

  it('a command over the cost cap falls back to the next finer kind', () => {
    const anime: Series = { ...show, seriesType: 'anime' };
    const eps = [...seasonOf(1, 5), ...seasonOf(2, 2)];
    const run = (granularity: 'series' | 'season', cap: number) =>
      shape(commandsForSeries({ series: anime, episodes: eps, targets: eps, granularity, now: NOW, queueEpisodeIds: new Set(), packNeedsEveryFileTargeted: false, maxCostPerCommand: cap }));
    // series search: (1+5) + (1+2) + season 0 with no episodes (1) = 10
    expect(run('series', 10)).toEqual([['SeriesSearch', 10, [101, 102, 103, 104, 105, 201, 202]]]);
    expect(run('series', 6)).toEqual([
      ['SeasonSearch', 6, [101, 102, 103, 104, 105]],
      ['SeasonSearch', 3, [201, 202]],
    ]);
    expect(run('season', 4)).toEqual([
      ['EpisodeSearch', 4, [101, 102, 103, 104]],
      ['EpisodeSearch', 1, [105]],
      ['SeasonSearch', 3, [201, 202]],
    ]);
  });

  it('no targets, no commands', () => {
    expect(plan({ granularity: 'series', episodes: seasonOf(1, 2), targets: [] })).toEqual([]);
  });
});
