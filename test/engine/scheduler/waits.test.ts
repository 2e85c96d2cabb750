/**
 * Issue 11 "Waits you can see", at the permit: each refusal (and each sleep) says what the job
 * waits for and until when, and a budget wait names what binds: "next command costs 5, 1 left"
 * waits for the hour although the hour reads 29/30 used.
 */
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { BudgetLedger, HOUR_MS } from '../../../src/engine/scheduler/budget';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { healthGate, queueGate } from '../../../src/engine/scheduler/gates';
import { InstancePermit, type PermitGate, type Refusal } from '../../../src/engine/scheduler/permit';
import { waitText } from '../../../src/shared/waits';

const T0 = Date.UTC(2026, 0, 5, 12);
const MIN = 60_000;
const hhmm = (iso: string) => iso.slice(11, 16);

function setup(over: { perHour?: number; perDay?: number; gapMs?: number; windows?: { start: string; end: string }[]; gates?: PermitGate[] } = {}) {
  const clock = new FakeClock(T0);
  const ledger = new BudgetLedger({ k: { maxPerHour: over.perHour ?? 30, maxPerDay: over.perDay ?? 100 } });
  const permit = new InstancePermit({ clock, ledger, budgetKey: 'k', minGapMs: over.gapMs ?? 0, activeHours: new ActiveHours(over.windows ?? [], 'UTC'), gates: over.gates });
  const spend = (cost: number, at: number) => ledger.reserve('k', cost, at)!.commit();
  return { clock, ledger, permit, spend };
}

const refused = (r: unknown) => {
  expect((r as Refusal).ok).toBe(false);
  return r as Refusal;
};

describe('waits at the permit', () => {
  it('a command costing 5 with 1 left this hour waits for the hourly budget until 5 free up', async () => {
    const { permit, spend } = setup();
    spend(10, T0 - 50 * MIN); // frees at 13:10
    spend(19, T0 - 10 * MIN); // 29 of 30 used
    const r = refused(await permit.acquire(5));
    expect(r.wait).toEqual({ reason: 'budget-hour', detail: 'next command costs 5, 1 left', until: new Date(T0 - 50 * MIN + HOUR_MS).toISOString() });
    expect(waitText(r.wait!, hhmm)).toBe('waiting for the hourly budget (next command costs 5, 1 left) until 12:10');
    // the run's message says the same, not "budget used: 29/30 this hour"
    expect(r.reason).toContain('waiting for the hourly budget (next command costs 5, 1 left)');
  });

  it('the daily budget, when the day is what binds', async () => {
    const { permit, spend } = setup({ perHour: 30, perDay: 40 });
    spend(20, T0 - 5 * HOUR_MS);
    spend(18, T0 - 3 * HOUR_MS);
    const r = refused(await permit.acquire(3));
    expect(r.wait).toEqual({ reason: 'budget-day', detail: 'next command costs 3, 2 left', until: new Date(T0 + 19 * HOUR_MS).toISOString() });
  });

  it('outside active hours: until the next window opens', async () => {
    const { permit } = setup({ windows: [{ start: '22:00', end: '06:00' }] });
    const r = refused(await permit.acquire(1));
    expect(r.wait).toEqual({ reason: 'active-hours', detail: '', until: new Date(Date.UTC(2026, 0, 5, 22)).toISOString() });
  });

  it('a full download queue and indexer back-off: the gate says until when', async () => {
    const clock0 = new FakeClock(T0);
    const queue = queueGate(async () => ({ totalCount: 25 }), 20, clock0);
    const { permit } = setup({ gates: [queue] });
    const q = refused(await permit.acquire(1));
    expect(q.wait).toMatchObject({ reason: 'queue-full', until: new Date(T0 + 2 * MIN).toISOString() });
    expect(q.wait!.detail).toBe('25 items, limit 20');
    expect(waitText(q.wait!, hhmm)).toBe('waiting for the download queue to drain (25 items, limit 20) until 12:02');

    const health = healthGate(async () => [{ source: 'IndexerStatusCheck', type: 'warning', message: 'Indexers unavailable due to failures', wikiUrl: '' }], clock0);
    const h = refused(await setup({ gates: [health] }).permit.acquire(1));
    expect(h.wait).toMatchObject({ reason: 'indexers-backed-off', until: new Date(T0 + 5 * MIN).toISOString() });
  });

  it('while a grant sleeps for the minimum gap, the permit says so until the gap ends', async () => {
    const { clock, permit } = setup({ gapMs: 30_000 });
    const first = await permit.acquire(1);
    if (!first.ok) throw new Error('refused');
    first.commit();
    const second = permit.acquire(1);
    await clock.advance(1000);
    expect(permit.waiting).toEqual({ reason: 'min-gap', detail: '', until: new Date(T0 + 30_000).toISOString() });
    await clock.advance(29_000);
    const g = await second;
    expect(g.ok).toBe(true);
    expect(permit.waiting).toBeUndefined();
  });
});
