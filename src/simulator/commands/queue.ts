/**
 * The command queue: 201 on POST, identical queued/started commands merged (CommandEqualityComparer,
 * collections compared as sets), and a clock-free lifecycle: every GET /command/{id} moves a
 * command one step (queued → started → completed/failed), so tests decide when work happens.
 *
 * The queue knows nothing of the simulator's state: what it needs (the clock, the fault switch,
 * the executor) comes in through QueueHost, wired by ../index.ts. Importing the state and the
 * executors here made import cycles (state → queue → execute → executors → state).
 */
import { findCommand, type CommandDef, type ParamType } from './definitions';
import type { CommandRec } from './record';

/** What the queue asks of the simulator around it. */
export interface QueueHost {
  now(): number;
  /** true when the next completing command should fail (the failCommands fault) */
  takeFailCommand(): boolean;
  /** runs the command's effects; its return is the completion message; throws to fail it */
  execute(cmd: CommandRec): string;
}

export class CommandParamError extends Error {
  constructor(
    readonly param: string,
    readonly value: unknown,
  ) {
    super(`The JSON value could not be converted for ${param}`);
  }
}

function coerce(param: string, type: ParamType, value: unknown): unknown {
  if (value === null) return null;
  const int = (v: unknown) => {
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    throw new CommandParamError(param, value);
  };
  switch (type) {
    case 'int':
      return int(value);
    case 'ints':
      if (!Array.isArray(value)) throw new CommandParamError(param, value);
      return value.map(int);
    case 'bool':
      if (typeof value !== 'boolean') throw new CommandParamError(param, value);
      return value;
    case 'string':
      if (typeof value !== 'string') throw new CommandParamError(param, value);
      return value;
  }
}

/** Reads the command's parameters from a body whose property names may use any case. */
export function readParams(def: CommandDef, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const lower = new Map(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, type] of Object.entries(def.params)) {
    if (lower.has(name.toLowerCase())) out[name] = coerce(name, type, lower.get(name.toLowerCase()));
  }
  return out;
}

function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k] ?? null;
    const y = b[k] ?? null;
    // upstream quirk: a pair that is null on both sides ends the comparison as "equal"
    if (x === null && y === null) return true;
    if (Array.isArray(x) && Array.isArray(y)) {
      const sx = new Set(x);
      const sy = new Set(y);
      if (sx.size !== sy.size || [...sx].some((v) => !sy.has(v))) return false;
    } else if (x !== y) return false;
  }
  return true;
}

export class CommandQueue {
  readonly commands = new Map<number, CommandRec>();
  #nextId = 1;

  constructor(private readonly host: QueueHost) {}

  /** POST /command: the new command, or the identical one already queued/started */
  push(def: CommandDef, params: Record<string, unknown>, clientUserAgent?: string): CommandRec {
    for (const c of this.commands.values()) {
      if ((c.status === 'queued' || c.status === 'started') && c.def.name === def.name && sameParams(c.params, params)) return c;
    }
    const now = this.host.now();
    const cmd: CommandRec = { id: this.#nextId++, def, params, status: 'queued', result: 'unknown', queued: now, clientUserAgent, stateChangeTime: now };
    this.commands.set(cmd.id, cmd);
    return cmd;
  }

  /** one lifecycle step */
  advance(cmd: CommandRec): void {
    const now = this.host.now();
    if (cmd.status === 'queued') {
      cmd.status = 'started';
      cmd.started = now;
      cmd.stateChangeTime = now;
    } else if (cmd.status === 'started') {
      cmd.ended = now;
      cmd.stateChangeTime = now;
      try {
        if (this.host.takeFailCommand()) throw new Error('Simulated failure: indexer returned an unexpected response');
        cmd.message = this.host.execute(cmd);
        cmd.status = 'completed';
        cmd.result = 'successful';
      } catch (e) {
        cmd.status = 'failed';
        cmd.exception = `System.Exception: ${(e as Error).message}`;
        cmd.message = (e as Error).message;
      }
    }
  }

  /** runs every unfinished command to its end (for tests and the demo that do not poll) */
  runAll(): CommandRec[] {
    const done: CommandRec[] = [];
    for (const c of this.commands.values()) {
      if (c.status !== 'queued' && c.status !== 'started') continue;
      while (c.status === 'queued' || c.status === 'started') this.advance(c);
      done.push(c);
    }
    return done;
  }

  cancel(cmd: CommandRec): boolean {
    if (cmd.status !== 'queued') return false;
    this.commands.delete(cmd.id);
    return true;
  }
}

export { findCommand };
