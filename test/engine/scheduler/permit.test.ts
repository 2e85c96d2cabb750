import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { BudgetLedger, HOUR_MS } from '../../../src/engine/scheduler/budget';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { InstancePermit, type Grant, type PermitGate, type Refusal } from '../../../src/engine/scheduler/permit';
import { granted } from './support';

const T0 = Date.UTC(2026, 0, 5, 12); // 13:00 in Berlin
const SEC = 1000;

function setup(over: { perHour?: number; perDay?: number; gapMs?: number; budgetWaitMs?: number; windows?: { start: string; end: string }[]; gates?: PermitGate[] } = {}) {
  const clock = new FakeClock(T0);
  const ledger = new BudgetLedger({ k: { maxPerHour: over.perHour ?? 10, maxPerDay: over.perDay ?? 100 } });
  const commits: number[] = [];
  const permit = new InstancePermit({
    clock,
    ledger,
    budgetKey: 'k',
    minGapMs: over.gapMs ?? 5 * SEC,
    activeHours: new ActiveHours(over.windows ?? [], 'Europe/Berlin'),
    gates: over.gates,
    budgetWaitMs: over.budgetWaitMs,
    onCommit: (cost) => commits.push(cost),
  });
  return { clock, ledger, permit, commits };
}


describe('InstancePermit', () => {
  it('reserves the cost; commit keeps it, release gives it back', async () => {
    const { clock, ledger, permit, commits } = setup();
    const a = granted(await permit.acquire(3));
    expect(ledger.usage('k', clock.now()).lastHour).toBe(3);
    a.release();
    expect(ledger.usage('k', clock.now()).lastHour).toBe(0);
    const acquiring = permit.acquire(2);
    await clock.advance(5 * SEC);
    const b = granted(await acquiring);
    b.commit();
    b.release(); // too late: the search happened
    expect(ledger.usage('k', clock.now()).lastHour).toBe(2);
    expect(commits).toEqual([2]);
  });

  it('paces commands: the next grant waits until minGap after the previous one', async () => {
    const { clock, permit } = setup({ gapMs: 30 * SEC });
    granted(await permit.acquire(1)).commit();
    let second: Grant | undefined;
    const acquiring = permit.acquire(1).then((r) => (second = granted(r)));
    await clock.advance(29 * SEC);
    expect(second).toBeUndefined();
    await clock.advance(1 * SEC);
    await acquiring;
    expect(second!.at).toBe(T0 + 30 * SEC);
  });

  it('grants one at a time: the next waits until the previous is committed or released', async () => {
    const { clock, permit } = setup({ gapMs: 2 * SEC });
    const first = granted(await permit.acquire(1));
    let second: Grant | undefined;
    const acquiring = permit.acquire(1).then((r) => (second = granted(r)));
    await clock.advance(60 * SEC);
    expect(second).toBeUndefined();
    first.commit();
    await clock.advance(0);
    await acquiring;
    expect(second!.at).toBe(T0 + 60 * SEC);
  });

  it('refuses outside active hours and says when the window opens', async () => {
    const { permit, ledger } = setup({ windows: [{ start: '22:00', end: '06:00' }] });
    const r = await permit.acquire(1);
    expect(r).toMatchObject({ ok: false, code: 'inactive', retryAt: Date.UTC(2026, 0, 5, 21) });
    expect(ledger.usage('k', T0).lastDay).toBe(0);
  });

  it('refuses when the budget is used up, with the time it frees up, moved into active hours', async () => {
    const { clock, ledger, permit } = setup({ perHour: 2, gapMs: 2 * SEC, windows: [{ start: '13:00', end: '13:30' }] });
    ledger.spend('k', 2, T0 - 40 * 60 * SEC);
    const r = await permit.acquire(1);
    // frees at 13:20 local: inside the window
    expect(r).toMatchObject({ ok: false, code: 'budget', retryAt: T0 + 20 * 60 * SEC });
    expect((r as Refusal).reason).toMatch(/waiting for the hourly budget \(next command costs 1, 0 left\)/);
    clock.jump(25 * 60 * SEC);
    ledger.spend('k', 2, clock.now());
    // frees at 14:25 local: outside the window, so the next day's 13:00
    expect(await permit.acquire(1)).toMatchObject({ code: 'budget', retryAt: T0 + 24 * HOUR_MS });
  });

  it('waits for a budget that frees within budgetWaitMs, like pacing, instead of ending the run', async () => {
    const { clock, ledger, permit } = setup({ perHour: 100, perDay: 10, gapMs: 0 });
    // yesterday's run spent at its pace: one command every 5 s
    for (let i = 0; i < 10; i++) ledger.spend('k', 1, T0 - 24 * HOUR_MS + i * 5 * SEC);
    ledger.snapshot(T0);
    const grants: number[] = [];
    for (let i = 0; i < 3; i++) {
      const acquiring = permit.acquire(2).then(granted);
      await clock.advance(10 * SEC);
      const g = await acquiring;
      grants.push(g.at - T0);
      g.commit();
      // granted the moment it fits: the rolling day is exactly full, never over
      expect(ledger.usage('k', g.at).lastDay).toBe(10);
    }
    expect(grants).toEqual([5 * SEC, 15 * SEC, 25 * SEC]);
  });

  it('refuses a budget that frees later than budgetWaitMs, and stops waiting on abort', async () => {
    const { clock, ledger, permit } = setup({ perHour: 1, budgetWaitMs: 60 * SEC, gapMs: 0 });
    ledger.spend('k', 1, T0 - HOUR_MS + 61 * SEC);
    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'budget', retryAt: T0 + 61 * SEC });
    clock.jump(2 * SEC);
    const controller = new AbortController();
    const acquiring = permit.acquire(1, { signal: controller.signal });
    await clock.advance(30 * SEC);
    controller.abort();
    expect(await acquiring).toMatchObject({ ok: false, code: 'stopped' });
    expect(ledger.usage('k', clock.now()).lastHour).toBe(1);
  });

  it('refuses a command costlier than the cap for good', async () => {
    const { permit } = setup({ perHour: 5 });
    const r = await permit.acquire(6);
    expect(r).toMatchObject({ ok: false, code: 'too-costly' });
    expect((r as Refusal).retryAt).toBeUndefined();
    expect((r as Refusal).reason).toMatch(/costing 6 queries exceeds the budget's cap of 5/);
  });

  it('a closed gate refuses without spending; a gate that throws is a refusal naming it', async () => {
    let queue = 25;
    const gates: PermitGate[] = [
      { name: 'queue', check: async () => (queue > 20 ? { ok: false, reason: `queue ${queue}`, state: 'queue-full' } : { ok: true }) },
      { name: 'health', check: async () => { throw new Error('socket hang up'); } },
    ];
    const { permit, ledger, clock } = setup({ gates });
    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'gate', reason: 'queue 25', state: 'queue-full', retryAt: T0 + 300 * SEC });
    queue = 3;
    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'gate', reason: 'health: socket hang up' });
    expect(ledger.usage('k', clock.now()).lastDay).toBe(0);
  });

  it('re-checks the budget after slow gates: another instance of the group may have taken it', async () => {
    const clock = new FakeClock(T0);
    const ledger = new BudgetLedger({ g: { maxPerHour: 1, maxPerDay: 10 } });
    const slowGate: PermitGate = { name: 'slow', check: async () => (await clock.sleep(10 * SEC), { ok: true }) };
    const make = (gates: PermitGate[]) =>
      new InstancePermit({ clock, ledger, budgetKey: 'g', minGapMs: 2 * SEC, activeHours: new ActiveHours([], 'UTC'), gates });
    const slow = make([slowGate]).acquire(1);
    const fast = granted(await make([]).acquire(1));
    fast.commit();
    await clock.advance(10 * SEC);
    expect(await slow).toMatchObject({ ok: false, code: 'budget' });
    expect(ledger.usage('g', clock.now()).lastHour).toBe(1);
  });

  it('an abort while waiting for pacing stops without spending', async () => {
    const { clock, permit, ledger } = setup({ gapMs: 60 * SEC });
    granted(await permit.acquire(1)).commit();
    const controller = new AbortController();
    const acquiring = permit.acquire(1, { signal: controller.signal });
    await clock.advance(10 * SEC);
    controller.abort();
    expect(await acquiring).toMatchObject({ ok: false, code: 'stopped' });
    expect(ledger.usage('k', clock.now()).lastHour).toBe(1);
  });
});
