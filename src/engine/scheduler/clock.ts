/**
 * The one source of time for the scheduler and everything that waits. Production code uses
 * `systemClock`; tests use `FakeClock` (./fake-clock.ts) and run weeks of schedule in milliseconds.
 */
import schedule from 'node-schedule';

export type Cancel = () => void;

export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  /** resolves after `ms`; rejects with the signal's reason (an AbortError by default) when aborted */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** calls `fn` once at (or, after a system sleep, soon after) the instant `at`; the result cancels it */
  setTimer(at: number, fn: () => void): Cancel;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** `sleep` in terms of `setTimer`, so both clocks share it and long sleeps work too. */
export function sleepWith(clock: Pick<Clock, 'now' | 'setTimer'>, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (!(ms > 0)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(abortReason(signal!));
    };
    const cancel = clock.setTimer(clock.now() + ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * setTimeout cannot wait longer than 2^31-1 ms (24.8 days): a weekly cron job would fire at once.
 * node-schedule waits on the wall-clock date instead (long-timeout under the hood), so long timers
 * go through it; timers already due run on the next macrotask.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return sleepWith(systemClock, ms, signal);
  },
  setTimer(at, fn) {
    if (at <= Date.now()) {
      const handle = setTimeout(fn, 0);
      return () => clearTimeout(handle);
    }
    const job = schedule.scheduleJob(new Date(at), fn);
    if (!job) {
      // node-schedule refuses a date that passed while we were getting here
      const handle = setTimeout(fn, 0);
      return () => clearTimeout(handle);
    }
    return () => {
      job.cancel();
    };
  },
};
