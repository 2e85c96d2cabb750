/**
 * When a request to Radarr/Sonarr is sent again, and after how long. axios-retry does the
 * re-sending (one interceptor on the instance's axios, per-request state in the request config)
 * rather than a hand-written loop: its state survives axios' own config merging, and the policy
 * below is the only thing this module decides.
 *
 * Policy:
 * - Reads (GET) and calls the client marks idempotent (the bulk tag editor's add/remove: applying
 *   it twice is applying it once) are retried on passing faults: a dropped or reset connection, a
 *   connect timeout, 5xx and 429. One exception: the editors answer 500 for an id that no longer
 *   exists (spec/arr/NOTES.md §8), which no retry cures and ../../engine/run/tagging.ts handles by
 *   splitting the batch; so an editor's 500 is retried only when its body names database
 *   contention ("database is locked"). `retries` times (3), after `baseDelayMs · 2^(n-1)` with jitter
 *   (half to all of it, so clients that failed together do not come back together), capped at
 *   `maxDelayMs`. A Retry-After on 429/503 is honoured when it is within `maxRetryAfterMs`; a
 *   longer one ends the retries (the app asked for more patience than a run should spend).
 * - Any method, a 503 (the app starting up, spec/arr/NOTES.md §2, or a proxy whose backend is down: either
 *   way the request was not processed) follows the startup policy: more patient, no jitter (1, 2,
 *   4, 8 s), or the Retry-After within the cap.
 * - Writes otherwise are not re-sent here: a POST /command that failed may or may not have
 *   queued a search, which only the engine's journal can resolve (src/engine/run/recover.ts).
 *   A PUT on a kept-alive socket the server had already closed never reached the app, so it is
 *   sent once more (the old stale-socket rule, https://nodejs.org/api/http.html#requestreusedsocket).
 * - 4xx (401, 403, 404, 400, 409…) are answers, never retried; neither is a request cancelled
 *   by the caller or past its own deadline.
 *
 * The wait goes through the injected `sleep` in `onRetry` (axios-retry awaits it), and axios-retry's
 * own timer is given 0 ms, so tests with a fake clock never wait for real.
 */
import { type AxiosError, type AxiosInstance, type AxiosRequestConfig } from 'axios';
import axiosRetry, { type IAxiosRetryConfig } from 'axios-retry';
import { type Readable } from 'node:stream';
import { readText } from './body';

export interface RetryPolicy {
  /** re-sends after the first attempt */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** a Retry-After longer than this is not waited for: the error is reported instead */
  maxRetryAfterMs: number;
}

export interface StartupRetry {
  /** how many times a 503 "starting up" is retried before giving up */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 0.5–1 s, 1–2 s, 2–4 s: a locked SQLite database or a dropped connection is over within seconds. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 30_000 };
/** 1 + 2 + 4 + 8 s: Radarr on a slow NAS needs a few seconds after its port opens */
export const DEFAULT_STARTUP_RETRY: StartupRetry = { retries: 4, baseDelayMs: 1000, maxDelayMs: 8000 };

/**
 * What kind of request this is, for the policy: a read, a write that is safe to repeat (the bulk
 * tag editor), another PUT, a POST.
 */
export type RetryClass = 'read' | 'idempotent-write' | 'write' | 'post';

export interface RetrySettings {
  policy: RetryPolicy;
  startup: StartupRetry;
  sleep: (ms: number) => Promise<void>;
  /** [0, 1): injected so tests can pin the jitter */
  random: () => number;
}

/** Socket-level failures where no answer arrived: worth sending an idempotent request again. */
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Installs the interceptor; the per-request part comes from `retryConfig`. */
export function installRetry(instance: AxiosInstance): void {
  // retries 0 by default: only requests that carry a retryConfig are ever re-sent
  axiosRetry(instance, { retries: 0 });
}

/** SQLite (Radarr/Sonarr's default database) busy with another writer: over in a moment. */
const CONTENTION = /database is locked|database is busy|SQLITE_BUSY|deadlock/i;

const bodies = new WeakMap<object, Promise<string>>();

/** The (start of the) body of a failed answer, read once: the retry policy and the error message both need it. */
export function errorBodyOf(error: AxiosError): Promise<string> {
  const res = error.response;
  if (!res) return Promise.resolve('');
  let text = bodies.get(res);
  if (!text) {
    text = readText(res.data as Readable, 64 * 1024).catch(() => '');
    bodies.set(res, text);
  }
  return text;
}

/**
 * The wait before re-send `n` (1-based), or undefined when this error is not to be retried.
 * `body`: the failed answer's body, needed only for an editor's 500.
 */
export function retryDelay(error: AxiosError, n: number, cls: RetryClass, s: RetrySettings, body = ''): number | undefined {
  const status = error.response?.status;
  if (status === 503) {
    if (n > s.startup.retries) return undefined;
    const after = retryAfterMs(error);
    if (after !== undefined) return after <= s.policy.maxRetryAfterMs ? after : undefined;
    return Math.min(s.startup.maxDelayMs, s.startup.baseDelayMs * 2 ** (n - 1));
  }
  const retryable =
    cls === 'read' || cls === 'idempotent-write'
      ? isPassingFault(error) && !(cls === 'idempotent-write' && status === 500 && !CONTENTION.test(body))
      : cls === 'write' && status === undefined && n === 1 && isStaleSocket(error);
  if (!retryable || n > s.policy.retries) return undefined;
  // a kept-alive socket the server had closed: the request never left, so a fresh connection at once
  if (status === undefined && n === 1 && isStaleSocket(error)) return 0;
  const after = status === 429 ? retryAfterMs(error) : undefined;
  if (after !== undefined) return after <= s.policy.maxRetryAfterMs ? after : undefined;
  const full = Math.min(s.policy.maxDelayMs, s.policy.baseDelayMs * 2 ** (n - 1));
  return Math.round(full / 2 + (full / 2) * s.random());
}

export interface RetryHooks {
  /** the attempt is over: true when it was cancelled or ran past its deadline (never re-sent) */
  canceled: () => boolean;
  /** around the wait: the per-attempt deadline stops, and starts again for the next attempt */
  beforeWait: () => void;
  afterWait: () => void;
}

/** The axios-retry options of one request. */
export function retryConfig(cls: RetryClass, s: RetrySettings, hooks: RetryHooks): IAxiosRetryConfig {
  let wait: number | undefined;
  return {
    retries: Math.max(s.policy.retries, s.startup.retries),
    retryCondition: async (error) => {
      if (hooks.canceled()) return false;
      const n = ((error.config as AxiosRequestConfig & { 'axios-retry'?: { retryCount?: number } })?.['axios-retry']?.retryCount ?? 0) + 1;
      const body = cls === 'idempotent-write' && error.response?.status === 500 ? await errorBodyOf(error) : '';
      wait = retryDelay(error, n, cls, s, body);
      return wait !== undefined;
    },
    retryDelay: () => 0,
    onRetry: async (_count, error) => {
      // the failed answer's body is not needed: let its socket go back to the pool
      (error.response?.data as { resume?: () => void } | undefined)?.resume?.();
      hooks.beforeWait();
      if (wait) await s.sleep(wait);
      hooks.afterWait();
    },
  };
}

/** How many attempts a failed request made (for "HTTP 503 on 5 attempts"). */
export function attemptsOf(error: unknown): number {
  const counted = (error as { attempts?: unknown })?.attempts;
  if (typeof counted === 'number') return counted;
  const state = (error as { config?: { 'axios-retry'?: { retryCount?: number } } })?.config?.['axios-retry'];
  return (state?.retryCount ?? 0) + 1;
}

function isPassingFault(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status !== undefined) return status === 429 || (status >= 500 && status <= 599);
  if (error.code === 'ERR_CANCELED') return false;
  const code = error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '';
  return NETWORK_CODES.has(code) || /socket hang up|premature close/i.test(error.message);
}

function isStaleSocket(error: AxiosError): boolean {
  const reused = (error.request as { reusedSocket?: boolean } | undefined)?.reusedSocket === true;
  return reused && (error.code === 'ECONNRESET' || /socket hang up/i.test(error.message));
}

function retryAfterMs(error: AxiosError): number | undefined {
  const header = error.response?.headers?.['retry-after'];
  if (header === undefined || header === null || header === '') return undefined;
  const text = String(header).trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
