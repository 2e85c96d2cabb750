/**
 * Exponential backoff with jitter for an instance that is unreachable or rejects its key, and the
 * tracker that turns failures into exactly one "down" and one "recovered" event per outage.
 *
 * While an instance is down its gate refuses every permit, so no budget is reserved for it.
 */
import type { InstanceState } from '../../shared/status';
import type { Clock } from './clock';
import type { PermitGate } from './permit';

export interface BackoffPolicy {
  /** first delay (default 30 s) */
  baseMs: number;
  /** cap (default 1 h) */
  maxMs: number;
  /** growth per failure (default 2) */
  factor: number;
  /** fraction of the delay that is random, 0..1 (default 0.2): delays fall in [(1 - jitter)·d, d] */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 3_600_000, factor: 2, jitter: 0.2 };

/** The wait after the `failures`-th consecutive failure (1-based). `random` returns [0, 1). */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (!Number.isInteger(failures) || failures < 1) throw new Error(`backoff: failures must be a whole number ≥ 1, got ${failures}`);
  const nominal = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (failures - 1));
  return Math.round(nominal * (1 - policy.jitter * random()));
}

export type OutageEvent =
  | { type: 'down'; state: InstanceState; message: string; at: number }
  | { type: 'recovered'; at: number; downSince: number };

export type FailureState = Extract<InstanceState, 'down' | 'key-rejected' | 'wrong-app'>;

/** Plain JSON for the state store, so an outage spans a restart: no second "down", no hammering. */
export interface OutageSnapshot {
  state: FailureState | 'ok';
  failures: number;
  since?: number;
  retryAt?: number;
  message?: string;
}

export interface OutageTrackerOptions {
  clock: Clock;
  policy?: BackoffPolicy;
  random?: () => number;
  onEvent?: (event: OutageEvent) => void;
  snapshot?: OutageSnapshot;
}

export class OutageTracker {
  private failures = 0;
  private since: number | undefined;
  private nextTry: number | undefined;
  private currentState: FailureState | 'ok' = 'ok';
  private lastMessage = '';

  constructor(private readonly options: OutageTrackerOptions) {
    const saved = options.snapshot;
    if (saved && saved.failures > 0 && saved.state !== 'ok') {
      this.failures = saved.failures;
      this.currentState = saved.state;
      this.since = saved.since;
      this.nextTry = saved.retryAt;
      this.lastMessage = saved.message ?? '';
    }
  }

  snapshot(): OutageSnapshot {
    if (!this.isDown) return { state: 'ok', failures: 0 };
    return { state: this.currentState, failures: this.failures, since: this.since, retryAt: this.nextTry, message: this.lastMessage };
  }

  get isDown(): boolean {
    return this.failures > 0;
  }

  get state(): FailureState | 'ok' {
    return this.currentState;
  }

  get message(): string {
    return this.lastMessage;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** when the next attempt may be made; undefined while up */
  get retryAt(): number | undefined {
    return this.nextTry;
  }

  get downSince(): number | undefined {
    return this.since;
  }

  /** A failed call. Returns the time to try again. Emits "down" only on the first failure. */
  recordFailure(state: FailureState, message: string): number {
    const now = this.options.clock.now();
    this.failures++;
    this.currentState = state;
    this.lastMessage = message;
    this.nextTry = now + backoffDelay(this.failures, this.options.policy, this.options.random);
    if (this.failures === 1) {
      this.since = now;
      this.options.onEvent?.({ type: 'down', state, message, at: now });
    }
    return this.nextTry;
  }

  /** A successful call. Emits "recovered" only when the instance was down. */
  recordSuccess(): void {
    if (this.failures === 0) return;
    const now = this.options.clock.now();
    const downSince = this.since ?? now;
    this.failures = 0;
    this.since = undefined;
    this.nextTry = undefined;
    this.currentState = 'ok';
    this.lastMessage = '';
    this.options.onEvent?.({ type: 'recovered', at: now, downSince });
  }

  /**
   * Refuses permits while the instance is down and its retry time has not come. From `retryAt` on
   * it lets the next check through: the gates after it (queue, health) then act as the probe, and
   * the client wrapper reports their outcome here.
   */
  gate(): PermitGate {
    return {
      name: 'reachability',
      check: async () => {
        if (!this.isDown || this.options.clock.now() >= (this.nextTry ?? 0)) return { ok: true };
        return { ok: false, reason: this.lastMessage || 'instance unreachable', retryAt: this.nextTry, state: this.currentState as FailureState };
      },
    };
  }

  /** Wraps a call to the instance: its success or failure (classified by `classify`) updates the tracker. */
  async track<T>(call: () => Promise<T>, classify: (error: unknown) => FailureState | undefined): Promise<T> {
    try {
      const result = await call();
      this.recordSuccess();
      return result;
    } catch (error) {
      const state = classify(error);
      if (state) this.recordFailure(state, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}
