/**
 * Commands that query no indexer (rename, refresh: cost 0) go through the permit too: active hours,
 * pacing, reachability and pause hold them back; the budget and the search-only gates (download
 * queue, indexer back-off) do not, and their grants never touch the ledger.
 */
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { OutageTracker } from '../../../src/engine/scheduler/backoff';
import { BudgetLedger } from '../../../src/engine/scheduler/budget';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { healthGate, pauseGate, queueGate } from '../../../src/engine/scheduler/gates';
import { InstancePermit, type Grant, type PermitGate } from '../../../src/engine/scheduler/permit';
import { granted } from './support';

const T0 = Date.UTC(2026, 0, 5, 12); // 13:00 in Berlin
const SEC = 1000;

function setup(over: { gapMs?: number; windows?: { start: string; end: string }[]; gates?: (clock: FakeClock) => PermitGate[] } = {}) {
  const clock = new FakeClock(T0);
  const ledger = new BudgetLedger({ k: { maxPerHour: 2, maxPerDay: 10 } });
  const commits: number[] = [];
  const permit = new InstancePermit({
    clock,
    ledger,
    budgetKey: 'k',
    minGapMs: over.gapMs ?? 5 * SEC,
    activeHours: new ActiveHours(over.windows ?? [], 'Europe/Berlin'),
    gates: over.gates?.(clock),
    onCommit: (cost) => commits.push(cost),
  });
  return { clock, ledger, permit, commits };
}


describe('InstancePermit, cost 0 (rename, refresh)', () => {
  it('is refused outside active hours, with the time the window opens', async () => {
    const { permit } = setup({ windows: [{ start: '01:00', end: '07:00' }] });
    expect(await permit.acquire(0)).toEqual({ ok: false, code: 'inactive', reason: 'outside active hours', retryAt: Date.UTC(2026, 0, 6, 0), wait: { reason: 'active-hours', detail: '', until: new Date(Date.UTC(2026, 0, 6, 0)).toISOString() } });
  });

  it('is granted with the budget used up, reserves nothing, and still counts as the instance’s last command', async () => {
    const { clock, ledger, permit, commits } = setup({ gapMs: 0 });
    ledger.spend('k', 2, T0 - 60 * SEC);
    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'budget' });
    const grant = granted(await permit.acquire(0));
    expect(grant).toMatchObject({ cost: 0, at: T0 });
    expect(ledger.usage('k', T0)).toEqual({ lastHour: 2, lastDay: 2 });
    grant.commit();
    expect(commits).toEqual([0]);
    expect(ledger.snapshot(T0).spends).toEqual({ k: [{ at: T0 - 60 * SEC, cost: 2 }] });
    expect(permit.lastGrantAt).toBe(T0);
    granted(await permit.acquire(0)).release();
    expect(ledger.usage('k', clock.now())).toEqual({ lastHour: 2, lastDay: 2 });
  });

  it('is paced like a search, both ways', async () => {
    const { clock, permit } = setup({ gapMs: 30 * SEC });
    granted(await permit.acquire(1)).commit();
    let rename: Grant | undefined;
    const renaming = permit.acquire(0).then((x) => (rename = granted(x)));
    await clock.advance(29 * SEC);
    expect(rename).toBeUndefined();
    await clock.advance(1 * SEC);
    await renaming;
    expect(rename!.at).toBe(T0 + 30 * SEC);
    rename!.commit();
    let search: Grant | undefined;
    const acquiring = permit.acquire(1).then((x) => (search = granted(x)));
    await clock.advance(29 * SEC);
    expect(search).toBeUndefined();
    await clock.advance(1 * SEC);
    await acquiring;
    expect(search!.at).toBe(T0 + 60 * SEC);
  });

  it('waits for an unreachable or paused instance, but not for a full queue or indexer back-off', async () => {
    let totalCount = 500;
    let paused = false;
    const tracker = new OutageTracker({ clock: new FakeClock(T0), random: () => 0 });
    const { permit } = setup({
      gapMs: 0,
      gates: (clock) => [
        tracker.gate(),
        pauseGate(() => paused, clock),
        queueGate(async () => ({ totalCount }), 20, clock),
        healthGate(async () => [{ source: 'IndexerLongTermStatusCheck', type: 'error', message: 'All indexers are unavailable for 6 hours' }], clock),
      ],
    });
    // the search waits for the queue; the rename goes ahead
    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'gate', state: 'queue-full' });
    granted(await permit.acquire(0)).commit();
    totalCount = 0;
    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'gate', state: 'indexers-backed-off' });
    granted(await permit.acquire(0)).commit();

    paused = true;
    expect(await permit.acquire(0)).toMatchObject({ ok: false, code: 'gate', reason: 'paused' });
    paused = false;
    tracker.recordFailure('down', 'connect ECONNREFUSED 127.0.0.1:7878');
    expect(await permit.acquire(0)).toMatchObject({ ok: false, code: 'gate', state: 'down', reason: 'connect ECONNREFUSED 127.0.0.1:7878' });
  });

  it('is stopped by an abort', async () => {
    const { permit } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(await permit.acquire(0, { signal: controller.signal })).toMatchObject({ ok: false, code: 'stopped' });
  });

  it('rejects a negative or non-finite cost', async () => {
    const { permit } = setup();
    await expect(permit.acquire(-1)).rejects.toThrow(/cost must be a number ≥ 0, got -1/);
    await expect(permit.acquire(Number.NaN)).rejects.toThrow(/got NaN/);
  });
});
