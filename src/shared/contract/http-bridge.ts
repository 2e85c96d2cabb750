/**
 * The browser-mode transport on the renderer side: the same TrawlarrBridge as Electron's preload,
 * over `POST /api/<channel>` and a server-sent event stream read with fetch. The page in a browser
 * is authorised by its HttpOnly session cookie (same origin); a script or test may give the secret
 * as a Bearer token instead (and then sends no cookie).
 */
import { CHANNEL_NAMES, CSRF_HEADER, HTTP_EVENTS_PATH, httpPath, isEventName, type EventName } from './channels';
import type { TrawlarrBridge } from './client';
import type { ContractFailure, Envelope } from './errors';

export interface HttpBridgeOptions {
  /** origin of the UI server, e.g. "http://127.0.0.1:8787" ("" = same origin) */
  baseUrl?: string;
  /** the secret as a Bearer token; without it, the browser's session cookie is sent */
  token?: string;
  fetch?: typeof fetch;
  /** delay before the event stream reconnects after a drop */
  reconnectMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** Reads a one-time login code from a URL fragment such as "#login=abc" (fragments are never sent to servers). */
export function loginCodeFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('login') ?? undefined;
}

export function createHttpBridge(options: HttpBridgeOptions): TrawlarrBridge {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl ?? '';
  const auth: Record<string, string> = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const credentials: 'same-origin' | 'omit' = options.token === undefined ? 'same-origin' : 'omit';
  const bridge: Record<string, unknown> = {};

  for (const name of CHANNEL_NAMES) {
    bridge[name] = async (request?: unknown): Promise<Envelope<unknown>> => {
      let response: Response;
      try {
        response = await doFetch(base + httpPath(name), {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', [CSRF_HEADER]: '1' },
          body: JSON.stringify(request ?? {}),
          credentials,
        });
      } catch (error) {
        return failure('unavailable', `cannot reach Trawlarr: ${error instanceof Error ? error.message : String(error)}`);
      }
      const text = await response.text();
      try {
        return JSON.parse(text) as Envelope<unknown>;
      } catch {
        return failure(response.status === 401 ? 'forbidden' : 'internal', `${name}: HTTP ${response.status} ${text.slice(0, 200)}`);
      }
    };
  }

  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let controller: AbortController | undefined;

  const deliver = (event: string, data: string) => {
    if (!isEventName(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  };

  const connect = () => {
    const mine = new AbortController();
    controller = mine;
    const retry = () => {
      if (controller !== mine || mine.signal.aborted) return;
      (options.setTimer ?? setTimeout)(() => {
        if (controller === mine && !mine.signal.aborted) connect();
      }, options.reconnectMs ?? 2000);
    };
    void (async () => {
      try {
        const response = await doFetch(base + HTTP_EVENTS_PATH, { headers: { ...auth, accept: 'text/event-stream' }, signal: mine.signal, credentials });
        if (!response.ok || !response.body) return retry();
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const parser = createSseParser(deliver);
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // dropped or aborted: retry below unless unsubscribed
      }
      retry();
    })();
  };

  bridge.on = (event: EventName, listener: (payload: never) => void) => {
    if (!isEventName(event)) throw new Error(`unknown event "${String(event)}"`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    if (!controller) connect();
    return () => {
      set.delete(listener);
      const any = [...listeners.values()].some((s) => s.size > 0);
      if (!any && controller) {
        controller.abort();
        controller = undefined;
      }
    };
  };
  return bridge as TrawlarrBridge;
}

function failure(code: ContractFailure['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** Incremental text/event-stream parser (only `event:` and `data:` fields; comments ignored). */
export function createSseParser(onEvent: (event: string, data: string) => void) {
  let buffer = '';
  return {
    push(chunk: string) {
      buffer += chunk.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length) onEvent(event, data.join('\n'));
      }
    },
  };
}
