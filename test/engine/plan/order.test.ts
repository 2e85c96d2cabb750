import { describe, expect, it } from 'vitest';
import { orderItems, seededRandom } from '../../../src/engine/plan/order';

const items = [
  { id: 1, sortTitle: 'charlie', added: '2024-01-03T00:00:00Z', last: 300 },
  { id: 2, sortTitle: 'alpha', added: '2024-01-01T00:00:00Z', last: undefined },
  { id: 3, sortTitle: 'bravo', added: '2024-01-05T00:00:00Z', last: 100 },
  { id: 4, sortTitle: 'alpha', added: '2024-01-05T00:00:00Z', last: undefined },
  { id: 5, sortTitle: 'delta', added: 'not a date', last: 100 },
];
const ids = (list: { id: number }[]) => list.map((i) => i.id);

describe('search order', () => {
  it('alphabetical by sortTitle, ties by id', () => {
    expect(ids(orderItems(items, 'alphabetical'))).toEqual([2, 4, 3, 1, 5]);
  });

  it('newest added first, ties by id, unparseable dates last', () => {
    expect(ids(orderItems(items, 'newest-added'))).toEqual([3, 4, 1, 2, 5]);
  });

  it('least recently searched: never searched first, then oldest search', () => {
    expect(ids(orderItems(items, 'least-recently-searched', { lastSearched: (i) => i.last }))).toEqual([2, 4, 3, 5, 1]);
  });

  it('random is a permutation, the same for a seed and different across seeds', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, sortTitle: '', added: '' }));
    const a = ids(orderItems(many, 'random', { seed: 42 }));
    expect(ids(orderItems(many, 'random', { seed: 42 }))).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(ids(many));
    expect(ids(orderItems(many, 'random', { seed: 43 }))).not.toEqual(a);
    expect(a).not.toEqual(ids(many));
  });

  it('does not reorder the input array', () => {
    const copy = [...items];
    orderItems(items, 'alphabetical');
    expect(items).toEqual(copy);
  });

  it('the generator spreads over [0, 1)', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 2000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const low = values.filter((v) => v < 0.5).length;
    expect(low).toBeGreaterThan(900);
    expect(low).toBeLessThan(1100);
  });
});
