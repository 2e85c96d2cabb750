/**
 * Issue 4's acceptance: an instance that goes down and comes back (the simulator's listener
 * closed for eleven hours, a restart of the engine in the middle). The engine backs off
 * exponentially, spends no budget while the instance is down, shows it as down, and tells exactly
 * one "down" and one "recovered", across the restart too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/engine/scheduler';
import type { BackendEvent, EngineEvent, InstanceStatus } from '../../../src/shared/contract';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { DAY, driveUntil, HOUR, stopDriven, worstWindow } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

const T0 = Date.UTC(2026, 4, 4, 0, 0);
const BUDGET = { maxPerHour: 2, maxPerDay: 5 };
const DOWN_AT = T0 + DAY + 30 * 60_000;
const UP_AT = DOWN_AT + 11 * HOUR;

let sim: Simulator;
let dir: { dir: string; remove: () => Promise<void> };
const events: BackendEvent[] = [];
const during: InstanceStatus[] = [];
let budgetAtUp = { usedLastHour: -1, usedLastDay: -1 };

beforeAll(async () => {
  const clock = new FakeClock(T0);
  sim = await startSimulator({ app: 'radarr', seed: 5, size: { movies: 300 }, now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-outage-');
  const settings = settingsOf([
    instanceOf(sim, 'radarr', { name: 'Radarr', throughput: { ...BUDGET, minGapSeconds: 30, queueLimit: 20 }, jobs: [{ id: 'upgrade', type: 'upgrade', schedule: { every: '6h' } }] }),
  ]);
  const open = async () => {
    const opened = await openHost(settings, dir.dir, { clock, random: () => 0.5 });
    opened.host.subscribe((e) => {
      events.push(e);
      if (e.event === 'status' && clock.now() >= DOWN_AT && clock.now() < UP_AT) during.push(e.payload.instances[0]);
    });
    return opened.host;
  };
  let host = await open();
  await host.start();
  await driveUntil(clock, host, DOWN_AT);
  sim.faults.down = true;
  await sim.faults.settled();
  await driveUntil(clock, host, DOWN_AT + 5 * HOUR);
  // a restart while it is down: the outage and its backoff carry over
  await stopDriven(clock, host);
  host = await open();
  await host.start();
  await driveUntil(clock, host, UP_AT);
  budgetAtUp = host.status().instances[0].budget;
  sim.faults.down = false;
  await sim.faults.settled();
  await driveUntil(clock, host, T0 + 3 * DAY);
  await stopDriven(clock, host);
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await dir?.remove();
});

function engineEvents<T extends EngineEvent['type']>(type: T): Extract<EngineEvent, { type: T }>[] {
  return events.flatMap((e) => (e.event === 'engine' && e.payload.type === type ? [e.payload as Extract<EngineEvent, { type: T }>] : []));
}

describe('an instance that goes down and comes back', () => {
  it('tells exactly one "down" and one "recovered", in that order, across a restart', () => {
    const down = engineEvents('instance-down');
    const recovered = engineEvents('instance-recovered');
    expect(down).toHaveLength(1);
    expect(recovered).toHaveLength(1);
    expect(down[0]).toMatchObject({ instanceId: 'radarr', name: 'Radarr', state: 'down' });
    expect(down[0].message).toContain('connection refused');
    expect(Date.parse(down[0].at)).toBeGreaterThanOrEqual(DOWN_AT);
    expect(Date.parse(recovered[0].at)).toBeGreaterThanOrEqual(UP_AT);
  });

  it('shows it down while it is, and backs off exponentially instead of hammering it', () => {
    const down = during.filter((s) => s.state === 'down');
    expect(down.length).toBeGreaterThan(0);
    expect(down[0].message).toContain('connection refused');
    const retries = [...new Set(down.map((s) => s.retryAt!))].map(Date.parse).sort((a, b) => a - b);
    // 30 s doubling to the 1 h cap: a dozen attempts in eleven hours, not hundreds
    expect(retries.length).toBeGreaterThan(5);
    expect(retries.length).toBeLessThan(20);
    const gaps = retries.slice(1).map((t, i) => t - retries[i]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1] * 0.9);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(HOUR + 60_000);
  });

  it('spends no budget while it is down, and searches again within the budget afterwards', () => {
    expect(sim.searches.filter((s) => s.at >= DOWN_AT && s.at < UP_AT)).toEqual([]);
    expect(budgetAtUp.usedLastHour).toBe(0);
    const dayBefore = sim.searches.filter((s) => s.at > UP_AT - DAY && s.at <= UP_AT).reduce((n, s) => n + s.cost, 0);
    expect(budgetAtUp.usedLastDay).toBe(dayBefore);
    expect(sim.searches.filter((s) => s.at >= UP_AT).length).toBeGreaterThan(0);
    expect(worstWindow(sim.searches, HOUR)).toBeLessThanOrEqual(BUDGET.maxPerHour);
    expect(worstWindow(sim.searches, DAY)).toBeLessThanOrEqual(BUDGET.maxPerDay);
  });
});
