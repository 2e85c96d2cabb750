/**
 * Counts the engine's calls in flight (to an instance, to the stores), so a simulation on a fake
 * clock can tell "the engine waits for time" from "the engine waits for I/O" and only move time in
 * the first case: `whenIdle()` resolves once nothing is in flight and the promise chains that ended
 * have had their turn. Production code never waits on it; it only counts.
 */
import { settle } from '../scheduler/fake-clock';

export class Activity {
  private pending = 0;

  get inFlight(): number {
    return this.pending;
  }

  /** Counts `call` while its promise is pending. */
  track<T>(call: () => Promise<T>): Promise<T> {
    this.pending++;
    let promise: Promise<T>;
    try {
      promise = call();
    } catch (error) {
      this.pending--;
      return Promise.reject(error);
    }
    return promise.finally(() => {
      this.pending--;
    });
  }

  /** Resolves when no call has been in flight for a few turns of the event loop in a row. */
  async whenIdle(also: () => Promise<unknown> = async () => undefined): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      await also();
      await settle(2);
      quiet = this.pending === 0 ? quiet + 1 : 0;
    }
  }
}

/**
 * The same object with every method that returns a promise (or an async generator) counted by
 * `activity`, and passed through `wrap` (e.g. the outage tracker). Getters and plain fields pass.
 */
export function instrument<T extends object>(target: T, activity: Activity, wrap: <R>(call: () => Promise<R>) => Promise<R> = (c) => c()): T {
  return new Proxy(target, {
    get(obj, prop) {
      // the target as receiver: getters of private (#) fields refuse a proxy
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // the call starts here; what it returns decides how it is counted
        const first = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (isAsyncGenerator(first)) return trackGenerator(first, activity, wrap);
        if (first instanceof Promise) return activity.track(() => wrap(() => first as Promise<unknown>));
        return first;
      };
    },
  });
}

function isAsyncGenerator(value: unknown): value is AsyncGenerator<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncGenerator).next === 'function' && Symbol.asyncIterator in value;
}

async function* trackGenerator<T>(gen: AsyncGenerator<T>, activity: Activity, wrap: <R>(call: () => Promise<R>) => Promise<R>): AsyncGenerator<T> {
  try {
    for (;;) {
      const step = await activity.track(() => wrap(() => gen.next()));
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await gen.return(undefined);
  }
}
