/**
 * The cross-job rule's parts: what the history says the instance's other jobs searched within the
 * window (a real history store), the specification's skip reason naming the job and the date, and
 * the overlap sentences the job form and the Preview show.
 */
import { describe, expect, it } from 'vitest';
import { searchedByOthers } from '../../../src/engine/run/cross-job';
import { episodeNotSearchedByOtherJob, notSearchedByOtherJob } from '../../../src/engine/specs/cross-job';
import { HistoryStore } from '../../../src/engine/store';
import { jobOverlaps } from '../../../src/shared/cross-job';
import { entry, fakeClock, tempDir } from '../store/history-helpers';
import { context, DAY, episode, movie, NOW, series } from './fixtures';

describe('what the other jobs searched', () => {
  it('reads searched and grabbed entries of the other jobs of the instance since the window start, the latest per item', async () => {
    const clock = fakeClock('2026-03-10T12:00:00.000Z');
    const history = await HistoryStore.open({ dir: await tempDir(), fsync: 'never', now: clock.now });
    const at = (daysAgo: number) => new Date(clock.now() - daysAgo * DAY).toISOString();
    await history.append(entry({ at: at(9), jobId: 'cutoff-unmet', jobType: 'cutoff-unmet', items: [{ id: 1, title: 'old' }] })); // outside the window
    await history.append(entry({ at: at(5), jobId: 'cutoff-unmet', jobType: 'cutoff-unmet', items: [{ id: 2, title: 'b' }, { id: 3, title: 'c' }] }));
    await history.append(entry({ at: at(4), jobId: 'missing', jobType: 'missing', status: 'grabbed', items: [{ id: 4, title: 'd' }] }));
    await history.append(entry({ at: at(3), jobId: 'upgrade', jobType: 'upgrade', items: [{ id: 5, title: 'own' }] })); // the job itself
    await history.append(entry({ at: at(3), jobId: 'cutoff-unmet', jobType: 'cutoff-unmet', status: 'failed', items: [{ id: 6, title: 'failed' }] }));
    await history.append(entry({ at: at(2), jobId: 'rename', jobType: 'rename', items: [{ id: 7, title: 'renamed' }] })); // no indexer
    await history.append(entry({ at: at(2), instanceId: 'radarr-4k', jobId: 'missing', jobType: 'missing', items: [{ id: 8, title: 'other instance' }] }));
    await history.append(entry({ at: at(1), jobId: 'missing', jobType: 'missing', items: [{ id: 3, title: 'c' }] }));
    const found = await searchedByOthers(history, 'radarr', 'upgrade', clock.now() - 7 * DAY);
    expect([...found.keys()].sort()).toEqual([2, 3, 4]);
    expect(found.get(3)).toEqual({ jobId: 'missing', at: clock.now() - DAY });
    expect(found.get(2)).toEqual({ jobId: 'cutoff-unmet', at: clock.now() - 5 * DAY });
    await history.close();
  });

  it('pages through more entries than one page holds', async () => {
    const clock = fakeClock('2026-03-10T12:00:00.000Z');
    const history = await HistoryStore.open({ dir: await tempDir(), fsync: 'never', now: clock.now });
    await Promise.all(Array.from({ length: 2500 }, (_, i) => history.append(entry({ at: clock.iso(), jobId: 'cutoff-unmet', jobType: 'cutoff-unmet', items: [{ id: i, title: `m${i}` }] }))));
    expect((await searchedByOthers(history, 'radarr', 'upgrade', clock.now() - DAY)).size).toBe(2500);
    await history.close();
  });
});

describe('the specification', () => {
  const searchedByOthersMap = new Map([[10, { jobId: 'cutoff-unmet', at: NOW - 2 * DAY }]]);

  it('skips a movie another job searched, naming the job and the date', () => {
    const ctx = context({ searchedByOthers: searchedByOthersMap });
    expect(notSearchedByOtherJob(movie({ id: 10 }), ctx)).toEqual({ code: 'searched-by-other-job', text: 'searched by job cutoff-unmet on 2026-06-13' });
    expect(notSearchedByOtherJob(movie({ id: 11 }), ctx)).toBeNull();
    expect(notSearchedByOtherJob(movie({ id: 10 }), context())).toBeNull();
  });

  it('skips a Sonarr episode by its episode id', () => {
    const ctx = context({ searchedByOthers: searchedByOthersMap });
    const show = series({ id: 10 });
    expect(episodeNotSearchedByOtherJob({ episode: episode({ id: 10 }), series: show }, ctx)?.code).toBe('searched-by-other-job');
    expect(episodeNotSearchedByOtherJob({ episode: episode({ id: 11 }), series: show }, ctx)).toBeNull();
  });
});

describe('overlapping jobs', () => {
  const jobs = [
    { id: 'missing', type: 'missing' as const, enabled: true },
    { id: 'cutoff-unmet', type: 'cutoff-unmet' as const, enabled: true },
    { id: 'upgrade', type: 'upgrade' as const, enabled: true },
    { id: 'old-upgrade', type: 'upgrade' as const, enabled: false },
    { id: 'rename', type: 'rename' as const, enabled: true },
  ];

  it('names the enabled jobs that can search the same items, and the window', () => {
    expect(jobOverlaps(jobs[2], jobs, 7)).toEqual(['overlaps with cutoff-unmet: items it searched in the last 7 days are skipped']);
    expect(jobOverlaps(jobs[0], jobs, 7)).toEqual([]);
    expect(jobOverlaps(jobs[4], jobs, 7)).toEqual([]);
    expect(jobOverlaps(jobs[1], jobs, 0)).toEqual(["overlaps with upgrade: both may search the same items (the instance's cross-job window is off)"]);
    expect(jobOverlaps({ id: 'new', type: 'new-episodes' }, jobs, 7)[0]).toMatch(/^overlaps with missing: new releases are searched regardless/);
  });
});
