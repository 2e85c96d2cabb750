/**
 * Fault switches, settable at runtime by tests (`sim.faults.flaky500 = { count: 2 }`,
 * `sim.faults.unreliable = { rate: 0.2, seed: 7 }`).
 * `down` closes the listener and reopens it on the same port when cleared; await
 * `sim.faults.settled()` after flipping it when the next step needs the port state.
 */
import { createRng, type Rng } from './library/rng';
import type { CountOrChance, FaultSettings, Unreliable, UnreliableKind } from './types';

const UNRELIABLE_KINDS: readonly UnreliableKind[] = ['500', 'drop', 'drop-after-work'];

export class Faults implements FaultSettings {
  startingUp: boolean | number = false;
  flaky500: CountOrChance | null = null;
  dropConnections: CountOrChance | null = null;
  latencyMs = 0;
  htmlInsteadOfJson = false;
  failCommands: boolean | number = false;
  indexersBackedOff = false;
  queueFull: number | null = null;
  #down = false;
  #unreliable: Unreliable | null = null;
  #unreliableRng: Rng | undefined;
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly rng: Rng,
    private readonly setListening: (listening: boolean) => Promise<void>,
  ) {}

  get down(): boolean {
    return this.#down;
  }

  set down(value: boolean) {
    if (value === this.#down) return;
    this.#down = value;
    this.#pending = this.#pending.then(() => this.setListening(!value));
  }

  get unreliable(): Unreliable | null {
    return this.#unreliable;
  }

  /** setting it (again) restarts its generator from the seed */
  set unreliable(value: Unreliable | null) {
    if (value && !(value.rate >= 0 && value.rate <= 1)) throw new RangeError(`unreliable.rate must be between 0 and 1, got ${value.rate}`);
    if (value?.kinds && value.kinds.length === 0) throw new RangeError('unreliable.kinds must name at least one kind');
    this.#unreliable = value;
    this.#unreliableRng = value ? createRng((value.seed ?? 1) ^ 0xfa17) : undefined;
  }

  /** @internal how this API request fails under `unreliable`, if it does: one roll per request */
  takeUnreliable(): UnreliableKind | undefined {
    const u = this.#unreliable;
    const rng = this.#unreliableRng;
    if (!u || !rng) return undefined;
    const roll = rng.next();
    const kind = rng.pick(u.kinds ?? UNRELIABLE_KINDS);
    return roll < u.rate ? kind : undefined;
  }

  /** resolves once the listener matches `down` */
  settled(): Promise<void> {
    return this.#pending;
  }

  /** everything off (the listener reopens if it was down) */
  clear(): void {
    this.startingUp = false;
    this.flaky500 = null;
    this.dropConnections = null;
    this.latencyMs = 0;
    this.htmlInsteadOfJson = false;
    this.failCommands = false;
    this.indexersBackedOff = false;
    this.queueFull = null;
    this.unreliable = null;
    this.down = false;
  }

  /** @internal consumes one firing of the starting-up fault */
  takeStartingUp(): boolean {
    if (this.startingUp === true) return true;
    if (typeof this.startingUp === 'number' && this.startingUp > 0) {
      this.startingUp--;
      if (this.startingUp === 0) this.startingUp = false;
      return true;
    }
    return false;
  }

  /** @internal consumes one firing of a count-or-chance fault */
  take(name: 'flaky500' | 'dropConnections'): boolean {
    const f = this[name];
    if (!f) return false;
    if ('count' in f) {
      if (f.count <= 0) return false;
      const left = f.count - 1;
      this[name] = left > 0 ? { count: left } : null;
      return true;
    }
    return this.rng.next() < f.probability;
  }

  /** @internal consumes one firing of failCommands */
  takeFailCommand(): boolean {
    if (this.failCommands === true) return true;
    if (typeof this.failCommands === 'number' && this.failCommands > 0) {
      this.failCommands--;
      if (this.failCommands === 0) this.failCommands = false;
      return true;
    }
    return false;
  }
}
