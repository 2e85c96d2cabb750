import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { backoffDelay, DEFAULT_BACKOFF, OutageTracker, type OutageEvent } from '../../../src/engine/scheduler/backoff';
import { BudgetLedger } from '../../../src/engine/scheduler/budget';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { InstancePermit } from '../../../src/engine/scheduler/permit';

const T0 = Date.UTC(2026, 0, 5, 12);

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, DEFAULT_BACKOFF, noJitter))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(40, DEFAULT_BACKOFF, noJitter)).toBe(3_600_000);
  });

  it('jitter stays within [(1 - jitter)·d, d] and actually varies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const nominal = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (n - 1));
        const d = backoffDelay(n, DEFAULT_BACKOFF, () => r);
        expect(d).toBeLessThanOrEqual(nominal);
        expect(d).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - DEFAULT_BACKOFF.jitter)));
      }),
    );
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('rejects a failure count below 1', () => {
    expect(() => backoffDelay(0)).toThrow(/failures must be a whole number ≥ 1/);
  });
});

describe('OutageTracker', () => {
  function tracked() {
    const clock = new FakeClock(T0);
    const events: OutageEvent[] = [];
    const tracker = new OutageTracker({ clock, random: () => 0, onEvent: (e) => events.push(e) });
    return { clock, events, tracker };
  }

  it('one "down" on the first failure, none on later ones, one "recovered" on success', async () => {
    const { clock, events, tracker } = tracked();
    tracker.recordSuccess(); // up and fine: nothing to say
    expect(tracker.recordFailure('down', 'connect ECONNREFUSED 127.0.0.1:7878')).toBe(T0 + 30_000);
    await clock.advance(30_000);
    expect(tracker.recordFailure('key-rejected', '401 Unauthorized')).toBe(T0 + 30_000 + 60_000);
    tracker.recordFailure('down', 'timeout');
    expect(tracker.consecutiveFailures).toBe(3);
    expect(events).toEqual([{ type: 'down', state: 'down', message: 'connect ECONNREFUSED 127.0.0.1:7878', at: T0 }]);
    await clock.advance(1000);
    tracker.recordSuccess();
    tracker.recordSuccess();
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({ type: 'recovered', at: T0 + 31_000, downSince: T0 });
    expect(tracker.isDown).toBe(false);
    // the next outage is a new one: one more "down"
    tracker.recordFailure('down', 'again');
    expect(events.map((e) => e.type)).toEqual(['down', 'recovered', 'down']);
  });

  it('an outage spans a restart: no second "down", the backoff goes on, one "recovered"', async () => {
    const { clock, events, tracker } = tracked();
    tracker.recordFailure('down', 'ECONNREFUSED');
    tracker.recordFailure('down', 'ECONNREFUSED');
    const saved = JSON.parse(JSON.stringify(tracker.snapshot()));
    const after: OutageEvent[] = [];
    const restarted = new OutageTracker({ clock, random: () => 0, onEvent: (e) => after.push(e), snapshot: saved });
    expect(restarted.isDown).toBe(true);
    expect(restarted.retryAt).toBe(T0 + 60_000);
    expect(restarted.recordFailure('down', 'ECONNREFUSED')).toBe(T0 + 120_000); // third failure: 2 min
    restarted.recordSuccess();
    expect(events.map((e) => e.type)).toEqual(['down']);
    expect(after).toEqual([{ type: 'recovered', at: T0, downSince: T0 }]);
    expect(restarted.snapshot()).toEqual({ state: 'ok', failures: 0 });
  });

  it('track() classifies errors; unclassified ones leave the tracker alone', async () => {
    const { tracker } = tracked();
    const classify = (e: unknown) => ((e as Error).message.includes('ECONN') ? ('down' as const) : undefined);
    await expect(tracker.track(() => Promise.reject(new Error('400 bad request')), classify)).rejects.toThrow();
    expect(tracker.isDown).toBe(false);
    await expect(tracker.track(() => Promise.reject(new Error('ECONNRESET')), classify)).rejects.toThrow();
    expect(tracker.isDown).toBe(true);
    expect(await tracker.track(async () => 42, classify)).toBe(42);
    expect(tracker.isDown).toBe(false);
  });

  it('while down, permits are refused and no budget is reserved; from retryAt on, the next call probes', async () => {
    const { clock, events, tracker } = tracked();
    const ledger = new BudgetLedger({ k: { maxPerHour: 10, maxPerDay: 100 } });
    let reachable = false;
    const classify = () => 'down' as const;
    const probe = {
      name: 'queue',
      check: () => tracker.track(async () => {
        if (!reachable) throw new Error('connect ECONNREFUSED');
        return { ok: true as const };
      }, classify),
    };
    const permit = new InstancePermit({ clock, ledger, budgetKey: 'k', minGapMs: 2000, activeHours: new ActiveHours([], 'UTC'), gates: [tracker.gate(), probe] });

    expect(await permit.acquire(1)).toMatchObject({ ok: false, code: 'gate', reason: 'queue: connect ECONNREFUSED' });
    expect(await permit.acquire(1)).toMatchObject({ ok: false, state: 'down', retryAt: T0 + 30_000 });
    await clock.advance(30_000);
    expect(await permit.acquire(1)).toMatchObject({ ok: false, reason: 'queue: connect ECONNREFUSED' }); // probed, still down
    expect(tracker.retryAt).toBe(T0 + 30_000 + 60_000);
    reachable = true;
    expect(await permit.acquire(1)).toMatchObject({ ok: false, state: 'down' }); // not yet time to probe
    await clock.advance(60_000);
    const grant = await permit.acquire(1);
    expect(grant.ok).toBe(true);
    expect(ledger.usage('k', clock.now()).lastDay).toBe(1); // only the one after recovery
    expect(events.map((e) => e.type)).toEqual(['down', 'recovered']);
  });
});
