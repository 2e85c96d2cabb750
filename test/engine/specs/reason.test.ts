import { describe, expect, it } from 'vitest';
import { EXAMPLES_PER_REASON, ReasonCounts, reasonKey, skip } from '../../../src/engine/specs/reason';

describe('skip reasons', () => {
  it('count specific texts under their stable label', () => {
    const counts = new ReasonCounts();
    counts.add(skip('season-unmonitored', 'season 2 unmonitored'), 'Show S02E01');
    counts.add(skip('season-unmonitored', 'season 3 unmonitored'), 'Show S03E01');
    counts.add(skip('tagged'));
    expect(counts.toRecord()).toEqual({ 'season unmonitored': 2, 'tagged this cycle': 1 });
    expect(counts.get('season-unmonitored')).toBe(2);
    expect(counts.get('in-queue')).toBe(0);
    expect(counts.total).toBe(3);
    expect(counts.examples()['season unmonitored']).toEqual(['Show S02E01: season 2 unmonitored', 'Show S03E01: season 3 unmonitored']);
  });

  it('a reason without a text reads as its label', () => {
    expect(skip('in-queue').text).toBe('already downloading');
    expect(reasonKey(skip('at-cutoff', 'at cutoff: Bluray-1080p, score 1250 ≥ 1000'))).toBe('at cutoff');
  });

  it('keeps only a few examples per reason and merges counts', () => {
    const a = new ReasonCounts();
    for (let i = 0; i < 10; i++) a.add(skip('tagged'), `Movie ${i}`);
    expect(a.examples()['tagged this cycle']).toHaveLength(EXAMPLES_PER_REASON);
    const b = new ReasonCounts();
    b.add(skip('tagged'), 'Other');
    b.add(skip('no-file'));
    a.merge(b);
    expect(a.toRecord()).toEqual({ 'tagged this cycle': 11, 'no file': 1 });
    expect(a.examples()['tagged this cycle']).toHaveLength(EXAMPLES_PER_REASON);
  });
});
