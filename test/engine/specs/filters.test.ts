import { describe, expect, it } from 'vitest';
import { FILTER_SPECS, addedInRange, includedTag, notExcludedByTag, qualityProfileSelected, statusSelected } from '../../../src/engine/specs/filters';
import { firstSkip } from '../../../src/engine/specs/context';
import { context, job, movie, series } from './fixtures';

const tags = [
  { id: 1, label: 'keep' },
  { id: 2, label: 'kids' },
  { id: 3, label: '4k' },
];

describe('job filters', () => {
  it('quality profiles: empty selects all, otherwise only the listed ids', () => {
    expect(qualityProfileSelected(movie({ qualityProfileId: 2 }), context())).toBeNull();
    const ctx = context({ job: job({ filters: { qualityProfileIds: [1] } }) });
    expect(qualityProfileSelected(movie({ qualityProfileId: 1 }), ctx)).toBeNull();
    expect(qualityProfileSelected(movie({ qualityProfileId: 2 }), ctx)?.text).toBe('quality profile "Any" not selected');
    expect(qualityProfileSelected(movie({ qualityProfileId: 50 }), ctx)?.text).toBe('quality profile not selected');
  });

  it('include tags by label (case-insensitive): at least one', () => {
    const ctx = context({ tags, job: job({ filters: { includeTags: ['Kids', '4k'] } }) });
    expect(includedTag(movie({ tags: [2] }), ctx)).toBeNull();
    expect(includedTag(movie({ tags: [3, 1] }), ctx)).toBeNull();
    expect(includedTag(movie({ tags: [1] }), ctx)?.text).toBe('has none of the tags "Kids", "4k"');
    // an include label the app does not know matches nothing
    const unknown = context({ tags, job: job({ filters: { includeTags: ['nope'] } }) });
    expect(includedTag(movie({ tags: [1, 2, 3] }), unknown)?.code).toBe('tag-not-included');
  });

  it('exclude tags by label, naming the tag; unknown labels exclude nothing', () => {
    const ctx = context({ tags, job: job({ filters: { excludeTags: ['keep', 'ghost'] } }) });
    expect(notExcludedByTag(movie({ tags: [2, 1] }), ctx)?.text).toBe('excluded by tag "keep"');
    expect(notExcludedByTag(movie({ tags: [2] }), ctx)).toBeNull();
    expect(notExcludedByTag(series({ tags: [1] }), ctx)?.code).toBe('tag-excluded');
  });

  it('statuses', () => {
    const ctx = context({ job: job({ filters: { statuses: ['released'] } }) });
    expect(statusSelected(movie({ status: 'released' }), ctx)).toBeNull();
    expect(statusSelected(movie({ status: 'announced' }), ctx)?.text).toBe('status "Announced" not selected');
    // the app's words, not its API enum
    expect(statusSelected(movie({ status: 'inCinemas' }), ctx)?.text).toBe('status "In cinemas" not selected');
    expect(statusSelected(series({ status: 'continuing' }), context())).toBeNull();
  });

  it('added after / before bound an inclusive range of days', () => {
    const ctx = context({ job: job({ filters: { addedAfter: '2024-01-01', addedBefore: '2024-06-01' } }) });
    expect(addedInRange(movie({ added: '2024-01-01T00:00:00Z' }), ctx)).toBeNull();
    expect(addedInRange(movie({ added: '2024-06-01T23:59:59Z' }), ctx)).toBeNull();
    expect(addedInRange(movie({ added: '2023-12-31T23:59:59Z' }), ctx)?.text).toBe('added before 2024-01-01');
    expect(addedInRange(movie({ added: '2024-06-02T00:00:00Z' }), ctx)?.text).toBe('added after 2024-06-01');
    expect(addedInRange(movie({ added: 'garbage' }), ctx)?.code).toBe('added-filter');
  });

  it('the first failing filter gives the reason', () => {
    const ctx = context({ tags, job: job({ filters: { qualityProfileIds: [1], excludeTags: ['keep'] } }) });
    expect(firstSkip(FILTER_SPECS, movie({ qualityProfileId: 2, tags: [1] }), ctx)?.code).toBe('profile-filter');
    expect(firstSkip(FILTER_SPECS, movie({ qualityProfileId: 1, tags: [1] }), ctx)?.code).toBe('tag-excluded');
    expect(firstSkip(FILTER_SPECS, movie({ qualityProfileId: 1 }), ctx)).toBeNull();
  });
});
