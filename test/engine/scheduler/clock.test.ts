import { describe, expect, it } from 'vitest';
import { isAbortError, systemClock } from '../../../src/engine/scheduler/clock';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';

const T0 = Date.UTC(2026, 0, 5, 12);

describe('FakeClock', () => {
  it('fires due timers in time order, ties in the order they were set, each at its own instant', async () => {
    const clock = new FakeClock(T0);
    const fired: string[] = [];
    clock.setTimer(T0 + 300, () => fired.push(`c@${clock.now() - T0}`));
    clock.setTimer(T0 + 100, () => fired.push(`a@${clock.now() - T0}`));
    clock.setTimer(T0 + 100, () => fired.push(`b@${clock.now() - T0}`));
    clock.setTimer(T0 + 500, () => fired.push('late'));
    await clock.advance(300);
    expect(fired).toEqual(['a@100', 'b@100', 'c@300']);
    expect(clock.now()).toBe(T0 + 300);
    expect(clock.pendingTimers).toBe(1);
  });

  it('does not fire a cancelled timer', async () => {
    const clock = new FakeClock(T0);
    let fired = false;
    const cancel = clock.setTimer(T0 + 10, () => (fired = true));
    cancel();
    await clock.advance(1000);
    expect(fired).toBe(false);
  });

  it('fires timers set by a timer when they fall inside the same advance', async () => {
    const clock = new FakeClock(T0);
    const at: number[] = [];
    const tick = () => {
      at.push(clock.now() - T0);
      if (at.length < 5) clock.setTimer(clock.now() + 60_000, tick);
    };
    clock.setTimer(T0 + 60_000, tick);
    await clock.advance(10 * 60_000);
    expect(at).toEqual([60_000, 120_000, 180_000, 240_000, 300_000]);
  });

  it('resolves sleeps only when time is advanced past them', async () => {
    const clock = new FakeClock(T0);
    let woke = false;
    const sleeping = clock.sleep(5_000).then(() => (woke = true));
    await clock.advance(4_999);
    expect(woke).toBe(false);
    await clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
  });

  it('rejects an aborted sleep with an AbortError and drops its timer', async () => {
    const clock = new FakeClock(T0);
    const controller = new AbortController();
    const sleeping = clock.sleep(60_000, controller.signal);
    controller.abort();
    const error = await sleeping.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
    await expect(clock.sleep(1, controller.signal)).rejects.toSatisfy(isAbortError);
  });

  it('interleaves async loops the same way every time', async () => {
    const run = async () => {
      const clock = new FakeClock(T0);
      const log: string[] = [];
      const loop = async (name: string, gap: number) => {
        for (let i = 0; i < 4; i++) {
          await clock.sleep(gap);
          await Promise.resolve();
          log.push(`${name}${i}@${clock.now() - T0}`);
        }
      };
      const done = Promise.all([loop('a', 30), loop('b', 45), loop('c', 30)]);
      await clock.advance(200);
      await done;
      return log;
    };
    const first = await run();
    expect(first).toEqual([
      'a0@30', 'c0@30', 'b0@45', 'a1@60', 'c1@60', 'b1@90', 'a2@90', 'c2@90', 'a3@120', 'c3@120', 'b2@135', 'b3@180',
    ]);
    expect(await run()).toEqual(first);
  });

  it('jump moves time without firing; the overdue timers then fire at the new time', async () => {
    const clock = new FakeClock(T0);
    const seen: number[] = [];
    clock.setTimer(T0 + 1_000, () => seen.push(clock.now()));
    clock.setTimer(T0 + 2_000, () => seen.push(clock.now()));
    clock.jump(10_000);
    expect(seen).toEqual([]);
    await clock.advance(0);
    expect(seen).toEqual([T0 + 10_000, T0 + 10_000]);
  });
});

describe('systemClock', () => {
  it('does not fire a timer 30 days away at once (setTimeout would overflow and fire now)', async () => {
    let fired = false;
    const cancel = systemClock.setTimer(Date.now() + 30 * 86_400_000, () => (fired = true));
    await new Promise((r) => setTimeout(r, 30));
    cancel();
    expect(fired).toBe(false);
  });

  it('fires a timer already due on the next macrotask, and sleeps for real', async () => {
    const fired = await new Promise<boolean>((resolve) => {
      systemClock.setTimer(Date.now() - 1_000, () => resolve(true));
    });
    expect(fired).toBe(true);
    const start = Date.now();
    await systemClock.sleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
  });
});
