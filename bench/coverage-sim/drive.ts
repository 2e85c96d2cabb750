/**
 * Drives a FakeClock through weeks while the engine talks to an in-process simulator over real
 * sockets. FakeClock.runUntil lets promise chains settle, but real I/O (HTTP, files) takes longer
 * than that; moving the clock during it would make fake time pass while a request is in flight.
 * So every object that does I/O is wrapped to count its calls in flight, and the clock only jumps
 * to its next timer when nothing is in flight: fake time moves only while everything waits on it.
 */
import { settle, type FakeClock } from '../../src/engine/scheduler/fake-clock';

export class Inflight {
  count = 0;

  track<T>(promise: Promise<T>): Promise<T> {
    this.count++;
    return promise.finally(() => {
      this.count--;
    });
  }
}

function trackIterator<T>(iterator: AsyncIterator<T> & AsyncIterable<T>, inflight: Inflight): AsyncIterableIterator<T> {
  const wrapped: AsyncIterableIterator<T> = {
    next: (...args: [] | [unknown]) => inflight.track(iterator.next(...args)),
    return: (value?: unknown) => inflight.track(iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined as T })),
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}

/** The object with every method that returns a promise or an async iterator counted in `inflight`. */
export function tracked<T extends object>(target: T, inflight: Inflight): T {
  return new Proxy(target, {
    get(t, prop) {
      // the target as receiver: getters and methods reading #private fields need the real object
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(t, args);
        if (out instanceof Promise) return inflight.track(out);
        if (out && typeof out === 'object' && Symbol.asyncIterator in out && 'next' in out) {
          return trackIterator(out as AsyncIterator<unknown> & AsyncIterable<unknown>, inflight);
        }
        return out;
      };
    },
  });
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves once nothing is in flight and the promise chains have settled (twice in a row). */
export async function idle(inflight: Inflight): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    await settle();
    if (inflight.count === 0) quiet++;
    else {
      quiet = 0;
      await turn();
    }
  }
}

/** Fires the clock's timers one instant at a time up to `end`, each only when nothing is in flight. */
export async function driveUntil(clock: FakeClock, end: number, inflight: Inflight): Promise<void> {
  for (;;) {
    await idle(inflight);
    const next = clock.nextTimerAt();
    if (next === undefined || next > end) break;
    await clock.runUntil(Math.max(next, clock.now()));
  }
  await clock.runUntil(end);
  await idle(inflight);
}
