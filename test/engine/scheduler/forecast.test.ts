import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { DAY_MS } from '../../../src/engine/scheduler/budget';
import { forecastCycle, type ForecastInput } from '../../../src/engine/scheduler/forecast';

const T0 = Date.UTC(2026, 0, 5, 12);
const base: ForecastInput = {
  jobLabel: 'upgrade',
  cycle: 2,
  remainingItems: 1000,
  avgCostPerItem: 1,
  dailyShare: 100,
  hourlyShare: 10,
  budgetPerDay: 100,
  budgetPerHour: 10,
  itemsPerRun: 'auto',
  schedule: { every: '24h' },
  hours: new ActiveHours([], 'UTC'),
  now: T0,
  horizonDays: 90,
};

describe('forecastCycle', () => {
  it('remaining queries over the daily share give the ETA', () => {
    const f = forecastCycle(base);
    expect(f).toMatchObject({ queriesPerDay: 100, limitedBy: 'daily budget', days: 10, etaAt: T0 + 10 * DAY_MS });
    expect(f.warning).toBeUndefined();
  });

  it('counts the cost per item (Sonarr season searches of anime, series searches…)', () => {
    expect(forecastCycle({ ...base, avgCostPerItem: 2.5 }).days).toBe(25);
  });

  it('warns past the horizon and says what daily budget would do it', () => {
    const f = forecastCycle({ ...base, remainingItems: 41_200 });
    expect(f.days).toBe(412);
    expect(f.warning).toBe('Cycle 2 of upgrade needs 412 days at 100 queries/day; 458 queries/day would finish it in 90 days');
  });

  it('a suggestion keeps the shares of the other jobs on the same budget', () => {
    const f = forecastCycle({ ...base, remainingItems: 9_000, dailyShare: 50, hourlyShare: 5 });
    expect(f.days).toBe(180);
    expect(f.warning).toMatch(/at 50 queries\/day; 150 queries\/day would finish it in 90 days$/);
  });

  it('short active hours make the hourly budget the limit, and the warning says so', () => {
    const hours = new ActiveHours([{ start: '01:00', end: '05:00' }], 'UTC');
    const f = forecastCycle({ ...base, hours, remainingItems: 4_000 });
    expect(f).toMatchObject({ queriesPerDay: 40, limitedBy: 'hourly budget', days: 100 });
    expect(f.warning).toBe('Cycle 2 of upgrade needs 100 days at 40 queries/day (10/hour over 4 active hours); 12 queries/hour would finish it in 90 days');
  });

  it('a fixed item count per run can be the limit', () => {
    const f = forecastCycle({ ...base, itemsPerRun: 5, remainingItems: 1_000 });
    expect(f).toMatchObject({ queriesPerDay: 5, limitedBy: 'items per run', days: 200 });
    expect(f.warning).toBe('Cycle 2 of upgrade needs 200 days at 5 queries/day (5 items per run, 1 run/day); 12 items per run would finish it in 90 days');
  });

  it('counts of one read in the singular: 1 query/day, 1 item per run', () => {
    const f = forecastCycle({ ...base, itemsPerRun: 1, remainingItems: 119 });
    expect(f.warning).toBe('Cycle 2 of upgrade needs 119 days at 1 query/day (1 item per run, 1 run/day); 2 items per run would finish it in 90 days');
  });

  it('runs per day follow the schedule and the active hours', () => {
    const hours = new ActiveHours([{ start: '22:00', end: '04:00' }], 'Europe/Berlin');
    // hourly runs, six active hours: six runs a day of 3 items
    const f = forecastCycle({ ...base, hours, schedule: { every: '1h' }, itemsPerRun: 3, remainingItems: 180, hourlyShare: 10 });
    expect(f.queriesPerDay).toBeCloseTo(18, 0);
    expect(f.days).toBeCloseTo(10, 0);
  });

  it('beyond the hard limits it says no setting would do it', () => {
    const f = forecastCycle({ ...base, remainingItems: 200_000 });
    expect(f.warning).toMatch(/even 1000 queries\/day \(the most Trawlarr allows\) would not finish it in 90 days/);
  });

  it('nothing left: the cycle ends now', () => {
    expect(forecastCycle({ ...base, remainingItems: 0 })).toMatchObject({ days: 0, etaAt: T0 });
  });

  it('no share at all: never, with a warning (the other jobs keep the 100 they have)', () => {
    const f = forecastCycle({ ...base, dailyShare: 0, hourlyShare: 0 });
    expect(f.days).toBe(Infinity);
    expect(f.etaAt).toBeUndefined();
    expect(f.warning).toMatch(/^Cycle 2 of upgrade never finishes: it gets no queries; 112 queries\/day would finish it in 90 days$/);
  });

  it('rejects nonsense', () => {
    expect(() => forecastCycle({ ...base, avgCostPerItem: 0 })).toThrow(/average cost per item must be positive/);
    expect(() => forecastCycle({ ...base, remainingItems: -1 })).toThrow(/remaining items must be ≥ 0/);
  });
});
