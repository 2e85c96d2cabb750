/** The shared words: one name per thing on every surface, counts that read as English. */
import { describe, expect, it } from 'vitest';
import { grabChange, instanceLabel, jobLabel, libraryStatusLabel, plural } from '../src/shared/words';

describe('shared words', () => {
  it('plurals', () => {
    expect(plural(1, 'query', 'queries')).toBe('1 query');
    expect(plural(2, 'query', 'queries')).toBe('2 queries');
    expect(plural(0, 'item')).toBe('0 items');
  });

  it('a job by its label, with its id only when the id says more', () => {
    expect(jobLabel({ id: 'cutoff-unmet', type: 'cutoff-unmet' })).toBe('Cutoff unmet');
    expect(jobLabel({ id: 'missing-anime', type: 'missing' })).toBe('Missing (missing-anime)');
  });

  it('an instance named like its app is not named twice', () => {
    expect(instanceLabel('radarr', 'Radarr')).toBe('Radarr');
    expect(instanceLabel('radarr', 'Radarr 4K')).toBe('Radarr 4K');
    expect(instanceLabel('sonarr', 'TV')).toBe('Sonarr "TV"');
  });

  it('a grab: quality before → after beside the score, so an upgrade never reads as a downgrade', () => {
    expect(grabChange({ qualityBefore: 'Bluray-720p', qualityAfter: 'Bluray-1080p', scoreBefore: 150, scoreAfter: 25 })).toBe('Bluray-720p → Bluray-1080p, score 150 → 25');
    expect(grabChange({ qualityAfter: 'WEBDL-1080p', scoreAfter: 40 })).toBe('WEBDL-1080p, score 40');
    expect(grabChange({})).toBe('');
  });

  it('library statuses in the apps’ words', () => {
    expect(libraryStatusLabel('inCinemas')).toBe('In cinemas');
    expect(libraryStatusLabel('continuing')).toBe('Continuing');
  });
});
