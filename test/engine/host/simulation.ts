/**
 * Driving the real host on a fake clock against a simulator on a real socket: time moves only
 * while the engine waits for it (no call to the instance or the stores in flight), one timer at a
 * time, so weeks of schedule run in seconds and every interleaving is the one real time would give.
 */
import type { EngineHost } from '../../../src/engine/host';
import type { FakeClock } from '../../../src/engine/scheduler';
import type { Simulator } from '../../../src/simulator';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Runs the host until `t` (or until `stop()` says so after a step); returns the time reached. */
export async function driveUntil(clock: FakeClock, host: EngineHost, t: number, stop: () => boolean = () => false): Promise<number> {
  for (;;) {
    await host.whenIdle();
    if (stop()) return clock.now();
    const next = clock.nextTimerAt();
    if (next === undefined || next > t) break;
    await clock.runUntil(Math.max(next, clock.now()));
  }
  await clock.runUntil(t);
  await host.whenIdle();
  return clock.now();
}

export { worstWindow } from '../scheduler/support';

/** Library walks (one per run that got past its first look) in [from, to). */
export function runsBetween(sim: Simulator, from: number, to: number): number[] {
  return sim.requests.filter((r) => r.method === 'GET' && r.path === '/api/v3/movie' && r.time >= from && r.time < to).map((r) => r.time);
}

/** Waits for `work` while moving the fake clock whenever the host waits on it (pacing, polling). */
export async function driven<T>(clock: FakeClock, host: EngineHost, work: Promise<T>): Promise<T> {
  let done = false;
  const settled = work.finally(() => (done = true));
  while (!done) {
    await host.whenIdle();
    const next = clock.nextTimerAt();
    if (next !== undefined && !done) await clock.runUntil(Math.max(next, clock.now()));
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return settled;
}

/** Stops the host while time keeps moving: it finishes its current command first, and that takes polling. */
export async function stopDriven(clock: FakeClock, host: EngineHost): Promise<void> {
  let stopped = false;
  const stopping = host.stop().then(() => {
    stopped = true;
  });
  while (!stopped) {
    await host.whenIdle();
    const next = clock.nextTimerAt();
    // with no timer left, only the stop's own I/O is pending: time must not jump ahead
    if (next !== undefined && !stopped) await clock.runUntil(Math.max(next, clock.now()));
    else await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await stopping;
}
