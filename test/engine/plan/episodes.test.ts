import { describe, expect, it } from 'vitest';
import type { Episode, Series } from '../../../src/arr/model';
import { JOB_DEFINITIONS } from '../../../src/engine/jobs/registry';
import { createPlanContext } from '../../../src/engine/plan/context';
import { planJob } from '../../../src/engine/plan/job';
import { addProgress, dropProgress, progressMap } from '../../../src/engine/plan/progress';
import { cycleExhausted } from '../../../src/engine/plan/types';
import type { SeriesProgress } from '../../../src/engine/specs/context';
import type { JobSettingsInput } from '../../../src/shared/settings';
import { HD, NOW, MemoryLoader, episode, job, season, series, withStatistics } from '../specs/fixtures';

const TAG = 5;

/** Series 1..n, each with two finished seasons of 4 missing episodes. */
function library(n: number, over: (id: number) => Partial<Series> = () => ({})) {
  const all: Series[] = [];
  const episodes: Episode[] = [];
  let next = 1;
  for (let id = 1; id <= n; id++) {
    const eps: Episode[] = [];
    for (const s of [1, 2]) for (let e = 1; e <= 4; e++) eps.push(episode({ id: next++, seriesId: id, seasonNumber: s, episodeNumber: e }));
    all.push(withStatistics(series({ id, seasons: [season(1), season(2)], ...over(id) }), eps, NOW));
    episodes.push(...eps);
  }
  return { series: all, episodes };
}

async function plan(settings: Partial<JobSettingsInput>, lib: { series: Series[]; episodes: Episode[] }, extra: { limit?: number; evaluateAll?: boolean; progress?: Map<number, SeriesProgress>; loader?: MemoryLoader } = {}) {
  const ctx = createPlanContext({ now: NOW, job: job({ type: 'missing', order: 'alphabetical', ...settings }), profiles: [HD], tags: [], jobTagId: TAG, progress: extra.progress });
  const loader = extra.loader ?? new MemoryLoader({ episodes: lib.episodes });
  const result = await planJob({ app: 'sonarr', def: JOB_DEFINITIONS[ctx.job.type], ctx, series: lib.series, limit: extra.limit ?? 10, loader, evaluateAll: extra.evaluateAll });
  return { result, loader };
}

describe('planning Sonarr episode jobs', () => {
  it('fetches episodes only for the series it examines, until the command limit', async () => {
    const lib = library(50);
    const { result, loader } = await plan({ granularity: 'auto' }, lib, { limit: 3 });
    expect(result.commands.map((c) => c.body)).toEqual([
      { name: 'SeasonSearch', seriesId: 1, seasonNumber: 1 },
      { name: 'SeasonSearch', seriesId: 1, seasonNumber: 2 },
      { name: 'SeasonSearch', seriesId: 2, seasonNumber: 1 },
    ]);
    expect(loader.idsAsked('episodes')).toEqual([1, 2]);
    expect(loader.count('episodeFiles')).toBe(0);
    expect(result.unchecked).toBe(48);
  });

  it('tags a series with its last command only when all of its targets fit in the run', async () => {
    const lib = library(3);
    const { result } = await plan({ granularity: 'auto' }, lib, { limit: 3 });
    expect(result.commands.map((c) => c.tagIds)).toEqual([[], [1], []]);
    const { result: episodeLevel } = await plan({ granularity: 'episode' }, lib, { limit: 10 });
    expect(episodeLevel.commands.map((c) => [c.seriesId, c.tagIds])).toEqual([
      [1, []],
      [1, [1]],
      [2, []],
      [2, [2]],
      [3, []],
      [3, [3]],
    ]);
  });

  it("skips what this cycle already searched, and tags a series whose targets are all done", async () => {
    const lib = library(3);
    const progress = new Map<number, SeriesProgress>([
      [1, { seasons: [1], episodes: [] }],
      [2, { seasons: [1], episodes: [13, 14, 15, 16] }],
    ]);
    const { result } = await plan({ granularity: 'auto' }, lib, { progress });
    expect(result.commands.map((c) => c.body)).toEqual([
      { name: 'SeasonSearch', seriesId: 1, seasonNumber: 2 },
      { name: 'SeasonSearch', seriesId: 3, seasonNumber: 1 },
      { name: 'SeasonSearch', seriesId: 3, seasonNumber: 2 },
    ]);
    expect(result.commands[0].tagIds).toEqual([1]);
    expect(result.tagOnly).toEqual([2]);
    expect(result.reasons.get('searched-this-cycle')).toBe(12);
    expect(cycleExhausted(result)).toBe(false);
  });

  it('never examines tagged or unmonitored series, and the cycle is exhausted when only those remain', async () => {
    const lib = library(4, (id) => (id <= 2 ? { tags: [TAG] } : { monitored: false }));
    const { result, loader } = await plan({}, lib, { evaluateAll: true });
    expect(result.commands).toEqual([]);
    expect(loader.calls).toEqual([]);
    expect(result.reasons.toRecord()).toEqual({ 'series tagged this cycle': 2, 'series unmonitored': 2 });
    expect(cycleExhausted(result)).toBe(true);
  });

  it('upgrade jobs fetch episode files (scores) and carry the score into the command items', async () => {
    const eps = [episode({ id: 1, episodeFileId: 11 }), episode({ id: 2, episodeFileId: 12 })];
    const s = withStatistics(series({ id: 1 }), eps, NOW);
    const loader = new MemoryLoader({
      episodes: eps,
      episodeFiles: [
        { id: 11, seriesId: 1, quality: 'HDTV-720p', qualityCutoffNotMet: true, customFormatScore: 20 },
        { id: 12, seriesId: 1, quality: 'Bluray-1080p', qualityCutoffNotMet: false, customFormatScore: 2000 },
      ],
    });
    const { result } = await plan({ type: 'upgrade', granularity: 'auto' }, { series: [s], episodes: eps }, { loader });
    expect(result.commands.map((c) => [c.body, c.items])).toEqual([[{ name: 'EpisodeSearch', episodeIds: [1] }, [{ id: 1, title: 'Show 1 S01E01', score: 20, quality: 'HDTV-720p' }]]]);
    expect(loader.count('episodeFiles')).toBe(1);
  });
});

describe('cycle progress record', () => {
  it('adds as sets, drops tagged series, and round-trips through JSON', () => {
    let record = addProgress({}, 4, { seasons: [2], episodes: [] });
    record = addProgress(record, 4, { seasons: [2, 1], episodes: [9] });
    record = addProgress(record, 5, { seasons: [], episodes: [3] });
    expect(record).toEqual({ 4: { seasons: [1, 2], episodes: [9] }, 5: { seasons: [], episodes: [3] } });
    const map = progressMap(JSON.parse(JSON.stringify(dropProgress(record, [5]))));
    expect([...map.entries()]).toEqual([[4, { seasons: [1, 2], episodes: [9] }]]);
    expect(progressMap(undefined).size).toBe(0);
  });
});
