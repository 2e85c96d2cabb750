import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetLedger, budgetKeyOf, budgetLimitsOf, DAY_MS, HOUR_MS, type SpendRecord } from '../../../src/engine/scheduler/budget';
import { throughputSchema } from '../../../src/shared/settings';
import { worstWindow } from './support';

const T0 = Date.UTC(2026, 0, 5, 12);
const MIN = 60_000;

describe('BudgetLedger', () => {
  it('allows spending up to the hourly cap, then says when the next query fits', () => {
    const ledger = new BudgetLedger({ k: { maxPerHour: 3, maxPerDay: 100 } });
    ledger.spend('k', 1, T0);
    ledger.spend('k', 2, T0 + 10 * MIN);
    expect(ledger.canSpend('k', 1, T0 + 20 * MIN)).toBe(false);
    expect(ledger.availableAt('k', 1, T0 + 20 * MIN)).toBe(T0 + HOUR_MS); // the first spend ages out
    expect(ledger.availableAt('k', 2, T0 + 20 * MIN)).toBe(T0 + 10 * MIN + HOUR_MS); // both must age out
    expect(ledger.canSpend('k', 1, T0 + HOUR_MS)).toBe(true);
    expect(() => ledger.spend('k', 1, T0 + 20 * MIN)).toThrow(/3\/hour \(used 3\)/);
  });

  it('holds the daily cap over a rolling 24 h, not a calendar day', () => {
    const ledger = new BudgetLedger({ k: { maxPerHour: 10, maxPerDay: 20 } });
    ledger.spend('k', 10, T0);
    ledger.spend('k', 10, T0 + 2 * HOUR_MS);
    expect(ledger.usage('k', T0 + 3 * HOUR_MS)).toEqual({ lastHour: 0, lastDay: 20 });
    expect(ledger.availableAt('k', 5, T0 + 3 * HOUR_MS)).toBe(T0 + DAY_MS);
    expect(ledger.availableAt('k', 15, T0 + 3 * HOUR_MS)).toBe(Infinity); // more than an hour's cap
  });

  it('a command costlier than a cap can never be sent, and says so', () => {
    const ledger = new BudgetLedger({ k: { maxPerHour: 5, maxPerDay: 50 } });
    expect(ledger.maxSingleCost('k')).toBe(5);
    expect(ledger.availableAt('k', 6, T0)).toBe(Infinity);
    expect(() => ledger.spend('k', 6, T0)).toThrow(/costing 6 exceeds the cap of 5 and can never be sent/);
  });

  it('a released reservation gives its cost back; a committed one keeps it', () => {
    const ledger = new BudgetLedger({ k: { maxPerHour: 2, maxPerDay: 10 } });
    const a = ledger.reserve('k', 1, T0)!;
    const b = ledger.reserve('k', 1, T0)!;
    expect(ledger.reserve('k', 1, T0)).toBeUndefined();
    a.release();
    b.commit();
    b.release(); // no effect after commit
    expect(ledger.usage('k', T0)).toEqual({ lastHour: 1, lastDay: 1 });
  });

  it('survives a restart through its snapshot, open reservations included, minus what is older than 24 h', () => {
    const ledger = new BudgetLedger({ k: { maxPerHour: 10, maxPerDay: 30 } });
    ledger.spend('k', 4, T0 - DAY_MS - MIN);
    ledger.spend('k', 3, T0 - 2 * HOUR_MS);
    ledger.reserve('k', 2, T0 - MIN);
    const snapshot = JSON.parse(JSON.stringify(ledger.snapshot(T0)));
    expect(snapshot.spends.k).toHaveLength(2);
    const restored = new BudgetLedger({ k: { maxPerHour: 10, maxPerDay: 30 } }, snapshot);
    expect(restored.usage('k', T0)).toEqual({ lastHour: 2, lastDay: 5 });
  });

  it('rejects a damaged snapshot instead of silently starting from zero', () => {
    const limits = { k: { maxPerHour: 10, maxPerDay: 30 } };
    expect(() => new BudgetLedger(limits, { version: 2 } as never)).toThrow(/unsupported format/);
    expect(() => new BudgetLedger(limits, { version: 1, spends: { k: [{ at: 'x', cost: 1 }] } } as never)).toThrow(/spend 0 of "k"/);
  });

  it('names unknown keys and bad costs', () => {
    const ledger = new BudgetLedger({ k: { maxPerHour: 10, maxPerDay: 30 } });
    expect(() => ledger.canSpend('other', 1, T0)).toThrow(/no budget "other"/);
    expect(() => ledger.canSpend('k', 0, T0)).toThrow(/cost must be a positive number/);
  });
});

describe('budget keys', () => {
  const throughput = throughputSchema.parse({ maxPerHour: 7, maxPerDay: 70 });
  it('instances of a group share the group key and limits; others have their own', () => {
    const instances = [
      { id: 'radarr', budgetGroup: 'prowlarr', throughput },
      { id: 'radarr4k', budgetGroup: 'prowlarr', throughput },
      { id: 'sonarr', throughput },
    ];
    const limits = budgetLimitsOf(instances, [{ id: 'prowlarr', name: 'Prowlarr', maxPerHour: 20, maxPerDay: 200 }]);
    expect(budgetKeyOf(instances[0])).toBe(budgetKeyOf(instances[1]));
    expect(limits.get(budgetKeyOf(instances[0]))).toEqual({ maxPerHour: 20, maxPerDay: 200 });
    expect(limits.get(budgetKeyOf(instances[2]))).toEqual({ maxPerHour: 7, maxPerDay: 70 });
    expect(() => budgetLimitsOf([{ id: 'x', budgetGroup: 'nope', throughput }], [])).toThrow(/instance "x": unknown budget group "nope"/);
  });
});

describe('property: no rolling window ever exceeds its cap, across restarts', () => {
  it('holds for random spend attempts and restarts from the snapshot', () => {
    const step = fc.record({
      gap: fc.integer({ min: 0, max: 90 * MIN }),
      cost: fc.integer({ min: 1, max: 8 }),
      restart: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }), fc.array(step, { maxLength: 300 }), (perHour, perDay, steps) => {
        const limits = { k: { maxPerHour: perHour, maxPerDay: perDay } };
        let ledger = new BudgetLedger(limits);
        let now = T0;
        const spent: SpendRecord[] = [];
        for (const s of steps) {
          now += s.gap;
          if (s.restart) ledger = new BudgetLedger(limits, JSON.parse(JSON.stringify(ledger.snapshot(now))));
          const at = ledger.availableAt('k', s.cost, now);
          if (ledger.canSpend('k', s.cost, now)) {
            ledger.spend('k', s.cost, now);
            spent.push({ at: now, cost: s.cost });
          } else {
            // availableAt is exact: the cost fits then and not a moment earlier
            if (at !== Infinity) {
              expect(at).toBeGreaterThan(now);
              expect(ledger.canSpend('k', s.cost, at)).toBe(true);
              expect(ledger.canSpend('k', s.cost, at - 1)).toBe(false);
            } else {
              expect(s.cost > perHour || s.cost > perDay).toBe(true);
            }
          }
        }
        expect(worstWindow(spent, HOUR_MS)).toBeLessThanOrEqual(perHour);
        expect(worstWindow(spent, DAY_MS)).toBeLessThanOrEqual(perDay);
      }),
      { numRuns: 200 },
    );
  });
});

describe('worstWindow (the checker the properties rely on)', () => {
  it('finds the heaviest half-open window', () => {
    const spends = [{ at: 0, cost: 2 }, { at: 59, cost: 3 }, { at: 60, cost: 4 }, { at: 200, cost: 1 }];
    expect(worstWindow(spends, 60)).toBe(7);
    expect(worstWindow(spends, 61)).toBe(9);
    expect(worstWindow([], 60)).toBe(0);
  });
});
