/** Shared checks for the scheduler's property tests. */
import type { SpendRecord } from '../../../src/engine/scheduler/budget';

/** The largest total of spends in any window [s, s + size): the worst such window starts at a spend. */
export function worstWindow(spends: readonly SpendRecord[], size: number): number {
  const sorted = [...spends].sort((a, b) => a.at - b.at);
  let worst = 0;
  let total = 0;
  let end = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (end < sorted.length && sorted[end].at < sorted[i].at + size) total += sorted[end++].cost;
    worst = Math.max(worst, total);
    total -= sorted[i].cost;
  }
  return worst;
}

/** A small seeded generator (mulberry32) for the random choices inside async property runs. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
