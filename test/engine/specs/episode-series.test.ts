import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Season } from '../../../src/arr/model';
import { firstSkip } from '../../../src/engine/specs/context';
import {
  airedPastGrace,
  airedWithinWindow,
  episodeBelowCutoff,
  episodeHasFile,
  episodeHasNoFile,
  episodeMonitored,
  episodeNotInFlight,
  episodeNotInQueue,
  notSearchedThisCycle,
  seasonMonitored,
} from '../../../src/engine/specs/episode';
import { seriesAiredRecently, seriesHasAiredMissing, seriesHasFiles, seriesMonitored } from '../../../src/engine/specs/series';
import { missingJob } from '../../../src/engine/jobs/missing';
import { newEpisodesJob } from '../../../src/engine/jobs/new-episodes';
import { DAY, HOUR, NOW, context, episode, iso, job, movieFile, season, series, withStatistics } from './fixtures';

describe('episode specifications', () => {
  const show = series({ seasons: [season(1), season(2, { monitored: false })] });
  const ctx = context();

  it('monitoring cascades through the season', () => {
    expect(seasonMonitored({ episode: episode({ id: 1, seasonNumber: 2 }), series: show }, ctx)?.text).toBe('season 2 unmonitored');
    expect(seasonMonitored({ episode: episode({ id: 1, seasonNumber: 3 }), series: show }, ctx)?.text).toBe('season 3 unmonitored');
    expect(seasonMonitored({ episode: episode({ id: 1, seasonNumber: 1 }), series: show }, ctx)).toBeNull();
    expect(episodeMonitored({ episode: episode({ id: 1, monitored: false }), series: show }, ctx)?.text).toBe('episode unmonitored');
  });

  it('files and queue', () => {
    expect(episodeHasNoFile({ episode: episode({ id: 1, episodeFileId: 4 }), series: show }, ctx)?.code).toBe('has-file');
    expect(episodeHasFile({ episode: episode({ id: 1 }), series: show }, ctx)?.code).toBe('no-file');
    const q = context({ queue: { episodeIds: [7] }, inFlightEpisodes: [8] });
    expect(episodeNotInQueue({ episode: episode({ id: 7 }), series: show }, q)?.text).toBe('already downloading');
    expect(episodeNotInQueue({ episode: episode({ id: 8 }), series: show }, q)).toBeNull();
    expect(episodeNotInFlight({ episode: episode({ id: 8 }), series: show }, q)?.code).toBe('in-progress');
  });

  it('aired, with the RSS grace', () => {
    const check = (airDateUtc: string | undefined, graceHours = 3) =>
      airedPastGrace({ episode: episode({ id: 1, airDateUtc }), series: show }, context({ job: job({ graceHours }) }));
    expect(check('2026-12-03T01:00:00Z')?.text).toBe('airs 2026-12-03');
    expect(check(undefined)?.text).toBe('air date not announced');
    expect(check(iso(NOW - 2 * HOUR))?.text).toBe('aired 2 h ago (RSS grace 3 h)');
    expect(check(iso(NOW - 2 * HOUR))?.code).toBe('rss-grace');
    expect(check(iso(NOW - 3 * HOUR))).toBeNull();
    expect(check(iso(NOW - 10 * 60_000), 0)).toBeNull();
    expect(check(iso(NOW - 10 * 60_000), 1.5)?.text).toBe('aired 10 min ago (RSS grace 1.5 h)');
  });

  it('new episodes: aired within the window', () => {
    const c = context({ job: job({ type: 'new-episodes', airedWithinHours: 24 }) });
    expect(airedWithinWindow({ episode: episode({ id: 1, airDateUtc: iso(NOW - 24 * HOUR) }), series: show }, c)).toBeNull();
    expect(airedWithinWindow({ episode: episode({ id: 1, airDateUtc: iso(NOW - 3 * DAY) }), series: show }, c)?.text).toBe('aired 3 d ago (window 24 h)');
  });

  it('progress of this cycle: whole seasons or single episodes', () => {
    const c = context({ progress: new Map([[show.id, { seasons: [1], episodes: [42] }]]) });
    expect(notSearchedThisCycle({ episode: episode({ id: 3, seasonNumber: 1 }), series: show }, c)?.text).toBe('season 1 searched this cycle');
    expect(notSearchedThisCycle({ episode: episode({ id: 42, seasonNumber: 2 }), series: show }, c)?.text).toBe('searched this cycle');
    expect(notSearchedThisCycle({ episode: episode({ id: 43, seasonNumber: 2 }), series: show }, c)).toBeNull();
    expect(notSearchedThisCycle({ episode: episode({ id: 3 }), series: series({ id: 2 }) }, c)).toBeNull();
  });

  it('episode files below the cutoff, using the file endpoint score', () => {
    const c = context();
    c.files.set(5, movieFile({ id: 5, seriesId: 1, quality: 'WEBDL-1080p', customFormatScore: 1200 }));
    c.files.set(6, movieFile({ id: 6, seriesId: 1, customFormatScore: 10 }));
    expect(episodeBelowCutoff({ episode: episode({ id: 1, episodeFileId: 5 }), series: show }, c)?.text).toBe('at cutoff: WEBDL-1080p, score 1200 ≥ 1000');
    expect(episodeBelowCutoff({ episode: episode({ id: 2, episodeFileId: 6 }), series: show }, c)).toBeNull();
    expect(episodeBelowCutoff({ episode: episode({ id: 3, episodeFileId: 7 }), series: show }, c)?.code).toBe('no-file');
  });
});

describe('series specifications', () => {
  const ctx = context();
  it('series monitored', () => {
    expect(seriesMonitored(series({ monitored: false }), ctx)?.text).toBe('series unmonitored');
  });

  it('statistics: missing aired episodes only in monitored seasons', () => {
    const s = (seasons: Season[]) => series({ seasons });
    expect(seriesHasAiredMissing(s([season(1, { episodeCount: 10, episodeFileCount: 10 })]), ctx)?.code).toBe('no-missing-episodes');
    expect(seriesHasAiredMissing(s([season(1, { episodeCount: 10, episodeFileCount: 9 })]), ctx)).toBeNull();
    expect(seriesHasAiredMissing(s([season(1, { monitored: false, episodeCount: 10, episodeFileCount: 0 })]), ctx)?.text).toBe('every season unmonitored');
    expect(seriesHasAiredMissing(s([season(1)]), ctx)).toBeNull(); // no statistics: look
    expect(seriesHasFiles(series({ episodeFileCount: 0 }), ctx)?.code).toBe('no-episode-files');
    expect(seriesHasFiles(series({ episodeFileCount: 2 }), ctx)).toBeNull();
  });

  it('new episodes: the latest monitored airing must fall in the window', () => {
    const c = context({ job: job({ type: 'new-episodes', airedWithinHours: 24 }) });
    expect(seriesAiredRecently(series({ episodeCount: 3, previousAiring: iso(NOW - 5 * HOUR) }), c)).toBeNull();
    expect(seriesAiredRecently(series({ episodeCount: 3, previousAiring: '2026-06-01T00:00:00Z' }), c)?.text).toBe('last aired 2026-06-01 (window 24 h)');
    expect(seriesAiredRecently(series({ episodeCount: 0 }), c)?.text).toBe('nothing aired yet');
    expect(seriesAiredRecently(series({}), c)).toBeNull();
  });
});

describe('statistics pre-checks never hide a target', () => {
  const arbEpisode = fc.record({
    seasonNumber: fc.integer({ min: 0, max: 2 }),
    monitored: fc.boolean(),
    hasFile: fc.boolean(),
    airOffsetHours: fc.option(fc.integer({ min: -24 * 20, max: 24 * 5 }), { nil: undefined }),
  });
  const arbShow = fc.record({
    seriesMonitored: fc.boolean(),
    seasonMonitored: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    episodes: fc.array(arbEpisode, { maxLength: 12 }),
    graceHours: fc.integer({ min: 0, max: 6 }),
    airedWithinHours: fc.integer({ min: 1, max: 72 }),
  });

  it.each([
    ['missing', missingJob, [seriesHasAiredMissing]],
    ['new-episodes', newEpisodesJob, [seriesHasAiredMissing, seriesAiredRecently]],
  ] as const)('%s: a series the statistics drop has no episode the job would search', (type, def, statistics) => {
    fc.assert(
      fc.property(arbShow, (g) => {
        const episodes = g.episodes.map((e, i) =>
          episode({ id: i + 1, seasonNumber: e.seasonNumber, monitored: e.monitored, episodeFileId: e.hasFile ? 100 + i : 0, airDateUtc: e.airOffsetHours === undefined ? undefined : iso(NOW - e.airOffsetHours * HOUR) }),
        );
        const show = withStatistics(series({ monitored: g.seriesMonitored, seasons: g.seasonMonitored.map((m, n) => season(n, { monitored: m })) }), episodes, NOW);
        const ctx = context({ job: job({ type, graceHours: g.graceHours, airedWithinHours: g.airedWithinHours }) });
        const sonarr = def.sonarr!;
        if (sonarr.unit !== 'episode') throw new Error('episode job expected');
        expect(sonarr.episodes.seriesSpecs(ctx.job)).toEqual(expect.arrayContaining([...statistics]));
        const seriesSkip = firstSkip(statistics, show, ctx);
        const anyTarget = show.monitored && episodes.some((e) => firstSkip(sonarr.episodes.episodeSpecs(ctx.job), { episode: e, series: show }, ctx) === null);
        if (seriesSkip && anyTarget) throw new Error(`series dropped (${seriesSkip.text}) but has a target`);
      }),
      { numRuns: 500 },
    );
  });
});
