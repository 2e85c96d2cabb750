/**
 * Several instances, some sharing a budget group, each with a few concurrent runners hammering the
 * permit, slow and flaky gates, commands that get rejected, active hours in a DST zone, and restarts
 * (everything rebuilt from the ledger snapshot), and free commands (cost 0) mixed in. Whatever
 * happens: no rolling hour or day over its cap, nothing granted outside active hours, grants of one
 * instance at least minGap apart, and a free command never in the ledger (its snapshot would not
 * load: a spend of 0 is refused).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { BudgetLedger, DAY_MS, HOUR_MS, type BudgetSnapshot, type SpendRecord } from '../../../src/engine/scheduler/budget';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { InstancePermit, type PermitGate } from '../../../src/engine/scheduler/permit';
import { prng, worstWindow } from './support';

const SEC = 1000;
const T0 = Date.parse('2026-03-28T18:00:00Z'); // the night Berlin springs forward


const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const scenario = fc.record({
  seed: fc.integer(),
  instances: fc.array(
    fc.record({ group: fc.constantFrom('a', 'b', 'own'), runners: fc.integer({ min: 1, max: 3 }), gapSec: fc.integer({ min: 2, max: 120 }) }),
    { minLength: 1, maxLength: 4 },
  ),
  limits: fc.record({ perHour: fc.integer({ min: 1, max: 15 }), perDay: fc.integer({ min: 1, max: 80 }) }),
  windows: fc.array(fc.record({ start: hhmm, end: hhmm }).filter((w) => w.start !== w.end), { maxLength: 2 }),
  phases: fc.array(fc.integer({ min: 10 * 60 * SEC, max: 26 * HOUR_MS }), { minLength: 1, maxLength: 4 }),
});

describe('permit property', () => {
  it('budgets hold, active hours hold and pacing holds, whatever runs at once and however often it restarts', async () => {
    let totalGrants = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const random = prng(s.seed);
        const clock = new FakeClock(T0);
        const tz = 'Europe/Berlin';
        const hours = new ActiveHours(s.windows, tz);
        const keyOf = (i: number) => (s.instances[i].group === 'own' ? `own-${i}` : s.instances[i].group);
        const limits = new Map(s.instances.map((_, i) => [keyOf(i), { maxPerHour: s.limits.perHour, maxPerDay: s.limits.perDay }]));
        const spends = new Map<string, SpendRecord[]>();
        const grants: { instance: number; at: number }[] = [];
        let snapshot: BudgetSnapshot | undefined;
        // what the daemon persists with the ledger: each instance's last grant, for pacing
        const lastGrant = new Map<number, number>();

        for (const length of s.phases) {
          const ledger = new BudgetLedger(limits, snapshot);
          const stop = new AbortController();
          const runners: Promise<void>[] = [];
          const permits: InstancePermit[] = [];
          s.instances.forEach((inst, i) => {
            const gate: PermitGate = {
              name: 'flaky',
              check: async (signal) => {
                await clock.sleep(Math.floor(random() * 3 * SEC), signal).catch(() => undefined);
                return random() < 0.1 ? { ok: false, reason: 'queue full', retryAt: clock.now() + 60 * SEC } : { ok: true };
              },
            };
            const permit = new InstancePermit({
              clock,
              ledger,
              budgetKey: keyOf(i),
              minGapMs: inst.gapSec * SEC,
              activeHours: hours,
              gates: [gate],
              lastCommandAt: lastGrant.get(i),
            });
            permits.push(permit);
            for (let r = 0; r < inst.runners; r++) {
              runners.push(
                (async () => {
                  while (!stop.signal.aborted) {
                    // one command in five queries no indexer (rename, refresh): paced and windowed, never budgeted
                    const cost = random() < 0.2 ? 0 : 1 + Math.floor(random() * Math.min(4, s.limits.perHour));
                    const result = await permit.acquire(cost, { signal: stop.signal });
                    if (result.ok) {
                      grants.push({ instance: i, at: result.at });
                      await clock.sleep(Math.floor(random() * 20 * SEC)).catch(() => undefined);
                      if (random() < 0.8) {
                        result.commit();
                        if (cost > 0) spends.set(keyOf(i), [...(spends.get(keyOf(i)) ?? []), { at: result.at, cost }]);
                      } else {
                        result.release();
                      }
                    } else if (result.code === 'stopped') {
                      break;
                    } else {
                      const wait = Math.max(SEC, Math.min((result.retryAt ?? Infinity) - clock.now(), HOUR_MS));
                      await clock.sleep(wait, stop.signal).catch(() => undefined);
                    }
                  }
                })(),
              );
            }
          });
          await clock.advance(length);
          stop.abort();
          await clock.advance(30 * SEC); // grants in flight finish
          await Promise.all(runners);
          snapshot = JSON.parse(JSON.stringify(ledger.snapshot(clock.now())));
          permits.forEach((p, i) => p.lastGrantAt !== undefined && lastGrant.set(i, p.lastGrantAt));
        }

        for (const [, list] of spends) {
          expect(worstWindow(list, HOUR_MS)).toBeLessThanOrEqual(s.limits.perHour);
          expect(worstWindow(list, DAY_MS)).toBeLessThanOrEqual(s.limits.perDay);
        }
        totalGrants += grants.length;
        for (const g of grants) expect(hours.isActive(g.at)).toBe(true);
        s.instances.forEach((inst, i) => {
          const times = grants.filter((g) => g.instance === i).map((g) => g.at);
          for (let k = 1; k < times.length; k++) expect(times[k] - times[k - 1]).toBeGreaterThanOrEqual(inst.gapSec * SEC);
        });
      }),
      { numRuns: 25 },
    );
    // the scenarios really exercise the permit (a run that grants nothing proves nothing)
    expect(totalGrants).toBeGreaterThan(25 * 10);
  });
});
