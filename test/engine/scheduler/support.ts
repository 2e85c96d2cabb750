/** Shared checks for the scheduler's tests. */
import type { Grant, Refusal } from '../../../src/engine/scheduler/permit';

/** The largest total cost in any window [s, s + size) (budget spends, searches): the worst such window starts at a spend. */
export function worstWindow(spends: readonly { at: number; cost: number }[], size: number): number {
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

/** A small seeded generator for the random choices inside async property runs (the engine's own). */
export { seededRandom as prng } from '../../../src/engine/plan/order';

/** The grant, or a failure naming why the permit refused. */
export function granted(r: Grant | Refusal): Grant {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}
