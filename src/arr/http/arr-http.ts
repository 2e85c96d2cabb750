/**
 * The HTTP layer both clients share: one axios instance and one connection pool per Radarr/Sonarr
 * instance, the API key in the X-Api-Key header (never the apikey query parameter), a User-Agent
 * that identifies Trawlarr, a deadline per attempt, bounded retries of passing faults (./retry.ts,
 * through axios-retry), and every failure turned into an ArrError.
 *
 * Bodies are always read as streams: small answers are read whole and parsed, the big lists
 * (/movie, /series) go through the streaming array splitter so the full text never sits in memory.
 */
import http from 'node:http';
import https from 'node:https';
import { type Readable } from 'node:stream';
import axios, { isAxiosError, type AxiosInstance } from 'axios';
import packageJson from '../../../package.json';
import { type ArrError } from '../errors';
import { ForbiddenAddressError, forbiddenHost, guardedLookup, type LookupFunction } from './address-guard';
import { collectJsonArray } from '../stream/json-array-items';
import { drain, htmlTitle, readText } from './body';
import { resolveEndpoint, type ArrInstance, type Endpoint } from './endpoint';
import { arrError, type ErrorContext } from './messages';
import { queryString, type ListStyle, type Query } from './query';
import { attemptsOf, DEFAULT_RETRY, DEFAULT_STARTUP_RETRY, errorBodyOf, installRetry, retryConfig, type RetryClass, type RetryPolicy, type RetrySettings, type StartupRetry } from './retry';
import { DeadlineError, HtmlPageError, HttpStatusError, problemOf } from './translate';

export const USER_AGENT = `Trawlarr/${packageJson.version}`;

export interface Timeouts {
  /** small calls: status, tags, commands, one series' episodes... */
  shortMs: number;
  /** whole-library lists and paged walks: a 40k-movie /movie can take minutes on a NAS */
  longMs: number;
}

export { DEFAULT_RETRY, DEFAULT_STARTUP_RETRY, type RetryPolicy, type StartupRetry };

export interface ArrHttpOptions {
  timeouts?: Partial<Timeouts>;
  /** 503 (starting up, or a proxy's backend down): any method */
  startupRetry?: Partial<StartupRetry>;
  /** passing faults of reads and idempotent writes */
  retry?: Partial<RetryPolicy>;
  /** injected so tests need not wait for real backoff delays (the engine passes its clock's sleep) */
  sleep?: (ms: number) => Promise<void>;
  /** the DNS lookup under the address guard (default: the system's); tests resolve names to chosen addresses */
  lookup?: LookupFunction;
  /** [0, 1) for the jitter; injected so tests can pin it */
  random?: () => number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { shortMs: 15_000, longMs: 10 * 60_000 };

export interface Call {
  method: 'GET' | 'POST' | 'PUT';
  /** path below /api/v3, e.g. "/movie" */
  path: string;
  query?: Query;
  body?: unknown;
  /** use the long timeout */
  long?: boolean;
  /** this is the API-root probe: a 404 means a wrong URL base */
  apiRoot?: boolean;
  /**
   * a write that may be sent twice with the result of once (the bulk editor's tag add/remove), so
   * it is retried like a read; GET always is
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ArrHttp {
  readonly instance: Readonly<Omit<ArrInstance, 'apiKey'>>;
  readonly endpoint: Omit<Endpoint, 'base'>;
  readonly timeouts: Timeouts;
  /** Sonarr v3 binds lists comma-separated; set by the client once it knows the version */
  listStyle: ListStyle = 'repeat';
  // private (#) fields stay out of util.inspect and JSON, so logging a client never shows the key
  readonly #apiKey: string;
  /** may hold user:password from the address, so it is private like the key */
  readonly #base: string;
  readonly #axios: AxiosInstance;
  readonly #agent: http.Agent;
  readonly #retry: RetrySettings;
  /** set when the configured host itself is a link-local or metadata address (address-guard.ts) */
  readonly #forbidden: string | undefined;

  constructor(instance: ArrInstance, options: ArrHttpOptions = {}) {
    const { apiKey, ...rest } = instance;
    const { base, ...endpoint } = resolveEndpoint(instance);
    this.#base = base;
    this.endpoint = endpoint;
    // the display address: no user:password from the configured URL either
    this.instance = { ...rest, url: this.endpoint.address };
    this.#apiKey = apiKey;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.#retry = {
      policy: { ...DEFAULT_RETRY, ...options.retry },
      startup: { ...DEFAULT_STARTUP_RETRY, ...options.startupRetry },
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
    };
    this.#forbidden = forbiddenHost(this.endpoint.host);
    // every address a host name resolves to passes the guard before the socket connects to it
    const lookup = guardedLookup(options.lookup);
    this.#agent = this.endpoint.https
      ? new https.Agent({ keepAlive: true, rejectUnauthorized: !instance.trustSelfSignedCert, lookup })
      : new http.Agent({ keepAlive: true, lookup });
    this.#axios = axios.create({
      responseType: 'stream',
      // 5xx and 429 reject, so axios-retry sees them; every other answer is read below
      validateStatus: (status) => status < 500 && status !== 429,
      // A redirect would carry X-Api-Key to wherever it points: report it instead (kind "redirect").
      maxRedirects: 0,
      // Talk to the instance directly: an HTTP(S)_PROXY from the environment would see the key.
      proxy: false,
      httpAgent: this.endpoint.https ? undefined : this.#agent,
      httpsAgent: this.endpoint.https ? this.#agent : undefined,
    });
    installRetry(this.#axios);
  }

  get errorContext(): ErrorContext {
    return { instance: this.instance.name, app: this.instance.kind, address: this.endpoint.address, apiKey: this.#apiKey };
  }

  /** Builds an ArrError for this instance from a problem found above the HTTP layer. */
  error(problem: Parameters<typeof arrError>[1]): ArrError {
    return arrError(this.errorContext, problem);
  }

  /** A JSON answer, parsed whole and handed to `map` (whose shape errors become ArrErrors too). */
  json<T>(call: Call, map: (value: unknown) => T): Promise<T> {
    return this.exchange(call, async (body) => {
      const text = await readText(body);
      if (/^\s*</.test(text)) throw new HtmlPageError(200, htmlTitle(text));
      return map(JSON.parse(text));
    });
  }

  /** A JSON array answer, parsed as a stream: `map` keeps what it needs of each element. */
  array<T>(call: Call, map: (element: unknown) => T): Promise<T[]> {
    return this.exchange(call, (body) => collectJsonArray(body as AsyncIterable<Buffer>, map));
  }

  /** An answer whose body nobody needs (the editors' 202 echoes every updated item). */
  discard(call: Call): Promise<void> {
    return this.exchange(call, (body) => drain(body));
  }

  /** Closes pooled connections. */
  close(): void {
    this.#agent.destroy();
  }

  private async exchange<R>(call: Call, consume: (body: Readable) => Promise<R>): Promise<R> {
    const request = `${call.method} /api/v3${call.path}`;
    try {
      return await this.attempt(call, consume);
    } catch (err) {
      throw arrError(this.errorContext, problemOf(err, { request, apiRoot: !!call.apiRoot, host: this.endpoint.host, attempts: attemptsOf(err) }));
    }
  }

  private async attempt<R>(call: Call, consume: (body: Readable) => Promise<R>): Promise<R> {
    // an IP literal is never looked up, so the guard's lookup would not see it
    if (this.#forbidden !== undefined) throw new ForbiddenAddressError(this.#forbidden);
    const timeoutMs = call.long ? this.timeouts.longMs : this.timeouts.shortMs;
    const controller = new AbortController();
    let body: Readable | undefined;
    let timedOut = false;
    // one deadline per attempt: re-armed before each re-send, so retry waits do not eat it
    const arm = () =>
      setTimeout(() => {
        timedOut = true;
        controller.abort();
        body?.destroy(new DeadlineError(timeoutMs));
      }, timeoutMs);
    let timer = arm();
    const onCallerAbort = () => {
      controller.abort();
      body?.destroy(Object.assign(new Error('cancelled'), { code: 'ERR_CANCELED' }));
    };
    if (call.signal?.aborted) onCallerAbort();
    call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const res = await this.#axios.request<Readable>({
        url: `${this.#base}/api/v3${call.path}${queryString(call.query, this.listStyle)}`,
        method: call.method,
        data: call.body,
        signal: controller.signal,
        'axios-retry': retryConfig(classOf(call), this.#retry, {
          canceled: () => timedOut || controller.signal.aborted,
          beforeWait: () => clearTimeout(timer),
          afterWait: () => (timer = arm()),
        }),
        headers: {
          'X-Api-Key': this.#apiKey,
          Accept: 'application/json',
          'User-Agent': USER_AGENT,
          ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
      });
      body = res.data;
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.status < 200 || res.status >= 300) {
        throw new HttpStatusError(res.status, String(res.headers.location ?? ''), contentType, await readText(body, 64 * 1024));
      }
      if (/text\/html/i.test(contentType)) throw new HtmlPageError(res.status, htmlTitle(await readText(body, 64 * 1024)));
      return await consume(body);
    } catch (err) {
      if (timedOut) throw new DeadlineError(timeoutMs);
      // a 5xx or 429 after the last retry: read the start of its body for the message
      if (isAxiosError(err) && err.response) {
        const res = err.response;
        body = res.data as Readable;
        throw new HttpStatusError(res.status, String(res.headers.location ?? ''), String(res.headers['content-type'] ?? ''), await errorBodyOf(err), attemptsOf(err));
      }
      throw err;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
      if (body && !body.readableEnded) body.destroy();
    }
  }
}

function classOf(call: Call): RetryClass {
  if (call.method === 'GET') return 'read';
  if (call.idempotent) return 'idempotent-write';
  return call.method === 'PUT' ? 'write' : 'post';
}
