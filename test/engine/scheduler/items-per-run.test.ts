import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { allocateShares, itemsPerRun, runsPerDay, simulateRunStarts } from '../../../src/engine/scheduler/items-per-run';

const T0 = Date.UTC(2026, 0, 5, 12);
const H = 3_600_000;
const always = new ActiveHours([], 'UTC');

describe('allocateShares', () => {
  it('splits equally when every job wants more than its share', () => {
    expect(allocateShares(90, [undefined, undefined, undefined])).toEqual([30, 30, 30]);
  });

  it('gives a small job what it needs and the rest to the others', () => {
    expect(allocateShares(100, [10, undefined, undefined])).toEqual([10, 45, 45]);
    expect(allocateShares(100, [10, 30, undefined])).toEqual([10, 30, 60]);
    expect(allocateShares(100, [10, 20])).toEqual([10, 20]);
    expect(allocateShares(100, [])).toEqual([]);
  });

  it('property: never more than the total, never more than asked, fair to the ones left wanting', () => {
    const demand = fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(demand, { maxLength: 8 }), (total, demands) => {
        const shares = allocateShares(total, demands);
        const sum = shares.reduce((a, b) => a + b, 0);
        expect(sum).toBeLessThanOrEqual(total + 1e-6);
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          if (demands[i] !== undefined) expect(s).toBeLessThanOrEqual(demands[i]! + 1e-6);
        });
        const wanting = shares.filter((s, i) => demands[i] === undefined || s < demands[i]! - 1e-6);
        // anyone left wanting gets at least as much as anyone else, and the total is used up
        for (const w of wanting) for (const s of shares) expect(w).toBeGreaterThanOrEqual(s - 1e-6);
        if (wanting.length) expect(sum).toBeCloseTo(total, 6);
      }),
    );
  });

  it('rejects a negative total', () => {
    expect(() => allocateShares(-1, [])).toThrow(/total must be ≥ 0/);
  });
});

describe('runs per day', () => {
  it('an interval without active hours', () => {
    expect(runsPerDay({ every: '1h' }, always, T0)).toBe(24);
    expect(runsPerDay({ every: '168h' }, always, T0)).toBeCloseTo(1 / 7, 5);
  });

  it('an hourly job in a 01:00–07:00 window runs six times a night', () => {
    const hours = new ActiveHours([{ start: '01:00', end: '07:00' }], 'UTC');
    const starts = simulateRunStarts({ every: '1h' }, hours, T0, T0 + 24 * H);
    expect(starts.map((t) => new Date(t).getUTCHours())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(runsPerDay({ every: '1h' }, hours, T0)).toBeCloseTo(6, 5);
  });

  it('missed slots outside the window make one run at its start', () => {
    const hours = new ActiveHours([{ start: '01:00', end: '02:00' }], 'UTC');
    expect(runsPerDay({ every: '15m' }, hours, T0)).toBeCloseTo(4, 5);
    expect(runsPerDay({ cron: '0 */4 * * *' }, hours, T0)).toBeCloseTo(1, 5); // 04:00..00:00 slots fold into 01:00
  });

  it('cron schedules are counted from their slots', () => {
    expect(runsPerDay({ cron: '0 3 * * *' }, always, T0)).toBeCloseTo(1, 5);
    expect(runsPerDay({ cron: '0 3 * * 1' }, always, T0)).toBeCloseTo(1 / 7, 2);
  });
});

describe('itemsPerRun', () => {
  it('a number is taken as is', () => {
    expect(itemsPerRun({ setting: 7, dailyShare: 100, avgCostPerItem: 1, runsPerDay: 24 })).toBe(7);
  });

  it('auto spreads the daily share over the runs of a day', () => {
    expect(itemsPerRun({ setting: 'auto', dailyShare: 60, avgCostPerItem: 1, runsPerDay: 6 })).toBe(10);
    expect(itemsPerRun({ setting: 'auto', dailyShare: 100, avgCostPerItem: 1, runsPerDay: 1 })).toBe(100);
    expect(itemsPerRun({ setting: 'auto', dailyShare: 100, avgCostPerItem: 2, runsPerDay: 24 })).toBe(3); // 2.08 rounded up
    expect(itemsPerRun({ setting: 'auto', dailyShare: 5, avgCostPerItem: 1, runsPerDay: 24 })).toBe(1); // at least one
    // rounded up so no budget is left idle: 30 queries over 8 runs at 2 each
    expect(itemsPerRun({ setting: 'auto', dailyShare: 30, avgCostPerItem: 2, runsPerDay: 8 })).toBe(2);
  });

  it('rejects a non-positive cost per item', () => {
    expect(() => itemsPerRun({ setting: 'auto', dailyShare: 5, avgCostPerItem: 0, runsPerDay: 24 })).toThrow(/cost per item must be positive/);
  });
});
