/**
 * Waits for a command to end: GET /command/{id} with a growing delay, until it completes, fails,
 * or the timeout passes. A stop request does not cut this short: the runner stops after the
 * current command, never in the middle of one. Passing network trouble is waited out within the
 * timeout; a 404 means the app forgot the command (it keeps ended commands about a day).
 */
import { ArrError } from '../../arr';
import type { Command } from '../../arr/model';
import type { Clock } from '../scheduler/clock';
import type { ArrPort } from './ports';

export interface PollOptions {
  firstDelayMs: number;
  maxDelayMs: number;
  factor: number;
  timeoutMs: number;
}

export const DEFAULT_POLL: PollOptions = { firstDelayMs: 2_000, maxDelayMs: 30_000, factor: 1.5, timeoutMs: 30 * 60_000 };

export type CommandOutcome =
  | { kind: 'completed'; command: Command }
  | { kind: 'failed'; command: Command; reason: string }
  | { kind: 'timeout'; command?: Command; reason: string }
  | { kind: 'gone'; reason: string };

const FAILED = new Set(['failed', 'aborted', 'cancelled', 'orphaned']);
const PASSING = new Set(['timeout', 'connection-reset', 'connection-refused', 'server-error', 'unavailable', 'starting-up', 'network', 'dns']);

export function commandOutcome(command: Command): CommandOutcome | undefined {
  if (command.status === 'completed') return { kind: 'completed', command };
  if (FAILED.has(command.status)) {
    const detail = command.message || command.exception;
    return { kind: 'failed', command, reason: `command ${command.status}${detail ? `: ${detail}` : ''}` };
  }
  return undefined;
}

export async function waitForCommand(client: Pick<ArrPort, 'getCommand'>, id: number, clock: Clock, options: PollOptions = DEFAULT_POLL): Promise<CommandOutcome> {
  const deadline = clock.now() + options.timeoutMs;
  let delay = options.firstDelayMs;
  let last: Command | undefined;
  let lastError = '';
  for (;;) {
    try {
      last = await client.getCommand(id);
      const outcome = commandOutcome(last);
      if (outcome) return outcome;
    } catch (error) {
      if (error instanceof ArrError && error.kind === 'not-found') return { kind: 'gone', reason: `command ${id} is no longer known to the app` };
      if (!(error instanceof ArrError && PASSING.has(error.kind))) throw error;
      lastError = error.message;
    }
    const left = deadline - clock.now();
    if (left <= 0) {
      const state = last ? `still ${last.status}` : `no answer${lastError ? ` (${lastError})` : ''}`;
      return { kind: 'timeout', command: last, reason: `command ${id} ${state} after ${Math.round(options.timeoutMs / 60_000)} min` };
    }
    await clock.sleep(Math.min(delay, left));
    delay = Math.min(options.maxDelayMs, delay * options.factor);
  }
}
