import { describe, expect, it } from 'vitest';
import { notInFlight, profileAllowsUpgrades, refreshDue, renamePending, seriesUntagged, untagged } from '../../../src/engine/specs/entry';
import { movieAvailable, movieBelowCutoff, movieHasFile, movieHasNoFile, movieMonitored, movieNeedsScore, movieNotInQueue } from '../../../src/engine/specs/movie';
import { DAY, HD, NOW, NO_UPGRADES, context, iso, job, movie, movieFile } from './fixtures';

describe('movie specifications', () => {
  const ctx = context();

  it('monitored and file presence', () => {
    expect(movieMonitored(movie({ monitored: false }), ctx)?.text).toBe('unmonitored');
    expect(movieMonitored(movie(), ctx)).toBeNull();
    expect(movieHasNoFile(movie({ movieFileId: 9 }), ctx)?.code).toBe('has-file');
    expect(movieHasNoFile(movie({ movieFileId: 0 }), ctx)).toBeNull();
    expect(movieHasFile(movie({ movieFileId: 0 }), ctx)?.text).toBe('no file');
    expect(movieHasFile(movie({ movieFileId: 3 }), ctx)).toBeNull();
  });

  it('queued movies are already downloading', () => {
    const queued = context({ queue: { movieIds: [5] } });
    expect(movieNotInQueue(movie({ id: 5 }), queued)?.text).toBe('already downloading');
    expect(movieNotInQueue(movie({ id: 6 }), queued)).toBeNull();
  });

  it('availability: Radarr decides, the text says until when', () => {
    expect(movieAvailable(movie({ isAvailable: true, digitalRelease: iso(NOW + 100 * DAY) }), ctx)).toBeNull();
    const future = movie({ isAvailable: false, physicalRelease: '2026-12-03T00:00:00Z', digitalRelease: '2027-01-10T00:00:00Z' });
    expect(movieAvailable(future, ctx)?.text).toBe('not available until 2026-12-03');
    const cinemaOnly = movie({ isAvailable: false, inCinemas: '2026-10-01T00:00:00Z' });
    expect(movieAvailable(cinemaOnly, ctx)?.text).toBe('not available until 2026-12-30'); // + 90 days
    const inCinemas = movie({ isAvailable: false, minimumAvailability: 'inCinemas', inCinemas: '2026-07-04T00:00:00Z' });
    expect(movieAvailable(inCinemas, ctx)?.text).toBe('not available until 2026-07-04');
    expect(movieAvailable(movie({ isAvailable: false }), ctx)?.text).toBe('not available: no release date yet');
    const delayed = movie({ isAvailable: false, digitalRelease: iso(NOW - 2 * DAY) });
    expect(movieAvailable(delayed, ctx)?.text).toBe('not available yet (released 2026-06-13, availability delay)');
  });

  it('below cutoff by quality or by custom-format score; at cutoff names quality and scores', () => {
    const c = context();
    c.files.set(10, movieFile({ id: 10, movieId: 1, quality: 'Bluray-1080p', customFormatScore: 1250 }));
    c.files.set(11, movieFile({ id: 11, movieId: 2, customFormatScore: 999 }));
    c.files.set(12, movieFile({ id: 12, movieId: 3, qualityCutoffNotMet: true, customFormatScore: 5000 }));
    c.files.set(13, movieFile({ id: 13, movieId: 4, customFormatScore: 1000 }));
    expect(movieBelowCutoff(movie({ id: 1, movieFileId: 10 }), c)?.text).toBe('at cutoff: Bluray-1080p, score 1250 ≥ 1000');
    expect(movieBelowCutoff(movie({ id: 2, movieFileId: 11 }), c)).toBeNull();
    expect(movieBelowCutoff(movie({ id: 3, movieFileId: 12 }), c)).toBeNull();
    expect(movieBelowCutoff(movie({ id: 4, movieFileId: 13 }), c)?.code).toBe('at-cutoff');
  });

  it('a file below the quality cutoff per /movie needs no score; a file that vanished is no file', () => {
    const quick = movie({ movieFileId: 20, file: { quality: 'HDTV-720p', qualityCutoffNotMet: true } });
    expect(movieNeedsScore(quick)).toBe(false);
    expect(movieBelowCutoff(quick, ctx)).toBeNull();
    const atQuality = movie({ movieFileId: 21, file: { quality: 'Bluray-1080p', qualityCutoffNotMet: false } });
    expect(movieNeedsScore(atQuality)).toBe(true);
    expect(movieNeedsScore(movie({ movieFileId: 22 }))).toBe(true);
    expect(movieBelowCutoff(atQuality, ctx)?.code).toBe('no-file');
  });
});

describe('entry specifications', () => {
  it('tagged this cycle only for the job tag, and never when the tag does not exist', () => {
    const tagged = movie({ tags: [3, 7] });
    expect(untagged(tagged, context({ jobTagId: 7 }))?.text).toBe('tagged this cycle');
    expect(untagged(tagged, context({ jobTagId: 8 }))).toBeNull();
    expect(untagged(movie({ tags: [] }), context({ jobTagId: null }))).toBeNull();
    expect(seriesUntagged(tagged, context({ jobTagId: 3 }))?.text).toBe('series tagged this cycle');
  });

  it('profile must allow upgrades, naming the profile', () => {
    const ctx = context();
    expect(profileAllowsUpgrades(movie({ qualityProfileId: NO_UPGRADES.id }), ctx)?.text).toBe('upgrades disabled in profile "Any"');
    expect(profileAllowsUpgrades(movie({ qualityProfileId: HD.id }), ctx)).toBeNull();
    expect(profileAllowsUpgrades(movie({ qualityProfileId: 99 }), ctx)?.text).toBe('quality profile 99 not found');
  });

  it('refresh is due when never refreshed or older than refreshAfterDays', () => {
    const ctx = context({ job: job({ type: 'refresh', refreshAfterDays: 30 }), refreshedAt: new Map([[1, NOW - 3 * DAY], [2, NOW - 30 * DAY]]) });
    expect(refreshDue(movie({ id: 1 }), ctx)?.text).toBe('refreshed 3 d ago (every 30 d)');
    expect(refreshDue(movie({ id: 2 }), ctx)).toBeNull();
    expect(refreshDue(movie({ id: 3 }), ctx)).toBeNull();
  });

  it('rename needs a non-empty preview; in-flight entries wait', () => {
    const ctx = context({ inFlight: [4] });
    ctx.renames.set(1, [{ movieId: 1, existingPath: 'a.mkv', newPath: 'A (2000).mkv' }]);
    ctx.renames.set(2, []);
    expect(renamePending(movie({ id: 1 }), ctx)).toBeNull();
    expect(renamePending(movie({ id: 2 }), ctx)?.text).toBe('nothing to rename');
    expect(renamePending(movie({ id: 3 }), ctx)?.code).toBe('nothing-to-rename');
    expect(notInFlight(movie({ id: 4 }), ctx)?.text).toBe('search still in progress');
    expect(notInFlight(movie({ id: 5 }), ctx)).toBeNull();
  });
});
