/**
 * A clock that only moves when told to. `advance`/`runUntil` fire due timers in time order (ties in
 * the order they were set) and let the promise chains they start settle before the next one fires,
 * so the interleaving of async code is the same on every run. Used by tests and by simulations
 * (the daemon against the simulator, bench/), so it lives with the engine rather than in test/.
 */
import { type Cancel, type Clock, sleepWith } from './clock';

interface PendingTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Lets every pending promise reaction run: macrotasks come after the whole microtask queue. */
export function settle(rounds = 3): Promise<void> {
  let p = Promise.resolve();
  for (let i = 0; i < rounds; i++) p = p.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  return p;
}

export class FakeClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 12)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepWith(this, ms, signal);
  }

  setTimer(at: number, fn: () => void): Cancel {
    if (!Number.isFinite(at)) throw new Error(`FakeClock.setTimer: not a time: ${at}`);
    const timer: PendingTimer = { at, seq: this.seq++, fn };
    // keep sorted by (at, seq): insertion after every timer that is due no later
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > at) i--;
    this.timers.splice(i, 0, timer);
    return () => {
      const index = this.timers.indexOf(timer);
      if (index >= 0) this.timers.splice(index, 1);
    };
  }

  /** timers not yet fired */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** the instant of the next pending timer, if any */
  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  advance(ms: number): Promise<void> {
    if (ms < 0) throw new Error('FakeClock.advance: time does not go backwards');
    return this.runUntil(this.current + ms);
  }

  /**
   * Fires every timer due at or before `t`, each with the clock set to its own instant (or to now,
   * for one that was already overdue), then leaves the clock at `t`. Timers set while this runs
   * fire too when they fall within `t`.
   */
  async runUntil(t: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > t) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.at);
      next.fn();
      await settle();
    }
    this.current = Math.max(this.current, t);
    await settle();
  }

  /**
   * Moves time forward without firing anything, like a laptop lid closed: the overdue timers fire,
   * late and all at the new time, on the next `advance`/`runUntil`.
   */
  jump(ms: number): void {
    if (ms < 0) throw new Error('FakeClock.jump: time does not go backwards');
    this.current += ms;
  }
}
