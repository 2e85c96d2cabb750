import { afterEach, describe, expect, it } from 'vitest';
import { matchGrabs } from '../../../src/engine/run/grabs';
import { RADARR_QUALITIES } from '../../../src/simulator/library/qualities';
import type { EngineEvent } from '../../../src/shared/status';
import { harness, jobOf, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

describe('grabs after a search', () => {
  it('are looked up in the app history and recorded with release title and scores', async () => {
    h = await harness({ app: 'radarr', seed: 4, size: { movies: 150 }, grabChance: 1 });
    const job = jobOf({ type: 'upgrade', order: 'alphabetical' });
    const events: EngineEvent[] = [];
    const report = await h.run(job, { limit: 5, emit: (e) => events.push(e) });
    expect(report.commands[0].status).toBe('grabbed');
    const grabs = report.commands[0].grabs;
    expect(grabs.map((g) => g.itemId).sort()).toEqual(report.commands[0].items.map((i) => i.id).sort());
    for (const g of grabs) {
      expect(g.releaseTitle.length).toBeGreaterThan(5);
      const movie = h.sim.library.movies.get(g.itemId)!;
      expect(g.itemTitle).toBe(`${movie.title} (${movie.year})`);
      expect(typeof g.scoreBefore).toBe('number');
      expect(typeof g.scoreAfter).toBe('number');
      // quality names as the app reports them, so a lower score after can be read as the upgrade it is
      expect(RADARR_QUALITIES.map((q) => q.name)).toContain(g.qualityBefore);
      expect(RADARR_QUALITIES.map((q) => q.name)).toContain(g.qualityAfter);
    }
    const entries = await h.history.query({ status: ['grabbed'] });
    expect(entries.entries[0].grabs).toEqual(grabs);
    expect(events.filter((e) => e.type === 'grabs')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'history').length).toBeGreaterThanOrEqual(2);
  });
});

describe('matching grab records to a command', () => {
  const entry = { items: [{ id: 1, title: 'A', score: 10, quality: 'Bluray-720p' }, { id: 2, title: 'B' }] };
  it('keeps records of the searched items once each', () => {
    const records = [
      { id: 7, date: '', movieId: 1, sourceTitle: 'A.2020.1080p', customFormatScore: 1500, quality: 'Bluray-1080p' },
      { id: 7, date: '', movieId: 1, sourceTitle: 'A.2020.1080p', customFormatScore: 1500, quality: 'Bluray-1080p' },
      { id: 8, date: '', movieId: 3, sourceTitle: 'Other' },
      { id: 9, date: '', movieId: 2, sourceTitle: 'B.2019' },
    ];
    expect(matchGrabs(records, entry)).toEqual([
      { itemId: 1, itemTitle: 'A', releaseTitle: 'A.2020.1080p', scoreBefore: 10, scoreAfter: 1500, qualityBefore: 'Bluray-720p', qualityAfter: 'Bluray-1080p' },
      { itemId: 2, itemTitle: 'B', releaseTitle: 'B.2019' },
    ]);
  });
  it('episode commands match on episode ids, not on series ids', () => {
    const records = [
      { id: 1, date: '', seriesId: 2, episodeId: 5, sourceTitle: 'S01E01' },
      { id: 2, date: '', seriesId: 5, episodeId: 9, sourceTitle: 'x' },
    ];
    expect(matchGrabs(records, { items: [{ id: 5, title: 'Show S01E01' }], progress: { seasons: [], episodes: [5] } }).map((g) => g.releaseTitle)).toEqual(['S01E01']);
  });
});
