/**
 * A command as the simulated queue keeps it. Its own module (not queue.ts) because the queue, the
 * executors and the routes all need the shape, and the executors must not import the queue that
 * runs them (that made an import cycle).
 */
import type { CommandDef } from './definitions';

export type CommandStatus = 'queued' | 'started' | 'completed' | 'failed';

export interface CommandRec {
  id: number;
  def: CommandDef;
  /** the command's own properties, canonical names, as sent (null kept) */
  params: Record<string, unknown>;
  status: CommandStatus;
  result: 'unknown' | 'successful';
  queued: number;
  started?: number;
  ended?: number;
  message?: string;
  exception?: string;
  clientUserAgent?: string;
  stateChangeTime: number;
}
