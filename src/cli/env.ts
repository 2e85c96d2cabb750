/**
 * Environment knobs of the headless command, for development and tests:
 * - TRAWLARR_POLL_MS: first delay between command status polls (default 2000 ms);
 * - TRAWLARR_RETRY_MS: first delay before a failed read is retried (default 1000 ms, halved to
 *   doubled by the jitter); the tests shorten it;
 * - TRAWLARR_RENDERER_DIR: the built renderer served by `run --ui` (default out/renderer).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RetryPolicy } from '../arr';
import type { PollOptions } from '../engine/run/poll';
import { UsageError } from './args';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function pollFromEnv(env: Readonly<Record<string, string | undefined>>): PollOptions | undefined {
  const text = env.TRAWLARR_POLL_MS;
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 1 || ms > 60_000) throw new UsageError(`TRAWLARR_POLL_MS must be a whole number of milliseconds from 1 to 60000, not "${text}"`);
  return { firstDelayMs: ms, maxDelayMs: ms * 10, factor: 1.5, timeoutMs: 30 * 60_000 };
}

export function retryFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<RetryPolicy> | undefined {
  const text = env.TRAWLARR_RETRY_MS;
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 1 || ms > 60_000) throw new UsageError(`TRAWLARR_RETRY_MS must be a whole number of milliseconds from 1 to 60000, not "${text}"`);
  return { baseDelayMs: ms, maxDelayMs: ms * 8 };
}

export function rendererDir(env: Readonly<Record<string, string | undefined>>): string {
  return env.TRAWLARR_RENDERER_DIR ? resolve(env.TRAWLARR_RENDERER_DIR) : resolve(ROOT, 'out/renderer');
}
