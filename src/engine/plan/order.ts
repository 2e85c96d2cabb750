/**
 * Search order of the candidates. Every order ends in a tie-break on id, so a plan is the same for
 * the same data; "random" takes a seed (tests pass a fixed one, the runner a fresh one per run).
 */
import type { SearchOrder } from '../../shared/settings';

export interface Orderable {
  id: number;
  sortTitle: string;
  added: string;
}

export interface OrderOptions<T> {
  seed?: number;
  /** when the item was last searched (ms), undefined when never: never-searched items come first */
  lastSearched?: (item: T) => number | undefined;
}

export function orderItems<T extends Orderable>(items: readonly T[], order: SearchOrder, options: OrderOptions<T> = {}): T[] {
  const list = [...items];
  switch (order) {
    case 'random':
      return shuffle(list, options.seed ?? Math.floor(Math.random() * 2 ** 32));
    case 'alphabetical':
      return list.sort((a, b) => compareText(a.sortTitle, b.sortTitle) || a.id - b.id);
    case 'newest-added':
      return list.sort((a, b) => newestFirst(Date.parse(a.added), Date.parse(b.added)) || a.id - b.id);
    case 'least-recently-searched': {
      const last = options.lastSearched ?? (() => undefined);
      const keyed = list.map((item) => ({ item, at: last(item) }));
      keyed.sort((a, b) => {
        if (a.at === undefined || b.at === undefined) return (a.at === undefined ? 0 : 1) - (b.at === undefined ? 0 : 1) || a.item.id - b.item.id;
        return a.at - b.at || a.item.id - b.item.id;
      });
      return keyed.map((k) => k.item);
    }
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Later first; NaN (an unparseable date) sorts last. */
function newestFirst(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return (Number.isNaN(a) ? 1 : 0) - (Number.isNaN(b) ? 1 : 0);
  return b - a;
}

/** mulberry32: a small seeded generator, good enough to shuffle a work list. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], seed: number): T[] {
  const random = seededRandom(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
