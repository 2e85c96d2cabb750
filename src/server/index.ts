/**
 * Browser mode: the renderer and the typed contract over HTTP for `trawlarr run --ui`.
 * Bound to 127.0.0.1 by default; a random session token (printed in the URL's fragment, which
 * browsers never send or log) is required on every API request; no CORS headers, ever.
 * Static renderer files hold no data and are served without the token (a browser's first
 * navigation cannot carry a header); everything under /api needs it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_HEADERS, HTTP_EVENTS_PATH, HTTP_STATUS, dispatch, isChannelName, type AppService, type Envelope } from '../shared/contract';
import { createSessionToken } from './auth';
import { openEventStream } from './event-stream';
import { allowedHostsFor, guardApiRequest } from './request-guard';
import { serveStatic } from './static-files';

export interface UiServerOptions {
  service: AppService;
  /** the built renderer (out/renderer) */
  staticDir: string;
  /** default 127.0.0.1; anything else exposes the UI beyond this machine */
  host?: string;
  /** default 0: a free port */
  port?: number;
  /** default: 32 random bytes, base64url */
  token?: string;
  /** extra Host header values to accept (e.g. a reverse proxy's name), as "name" */
  allowedHostNames?: string[];
  /** internal errors (never given a key) */
  log?: (line: string) => void;
  /** request body limit in bytes */
  maxBodyBytes?: number;
}

export interface UiServer {
  /** open this: http://127.0.0.1:PORT/#token=… */
  url: string;
  origin: string;
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createSessionToken();
  if (token.length < 16) throw new Error('token must be at least 16 characters');
  const log = options.log ?? (() => {});
  const onInternalError = (channel: string, error: unknown) => log(`${channel}: ${error instanceof Error ? error.message : String(error)}`);
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      onInternalError('http', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/api' && !path.startsWith('/api/')) return serveStatic(req, res, options.staticDir);

    const verdict = guardApiRequest({ method: req.method ?? 'GET', headers: req.headers }, { token, allowedHosts });
    if (!verdict.ok) {
      req.resume();
      const extra: Record<string, string> = verdict.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
      return sendJson(res, verdict.status, { ok: false, error: { code: 'forbidden', message: verdict.message } }, extra);
    }
    if (path === HTTP_EVENTS_PATH) {
      if (req.method !== 'GET') return sendJson(res, 405, failure('invalid-request', 'use GET for the event stream'), { allow: 'GET' });
      return openEventStream(req, res, options.service, { onInternalError });
    }
    const name = path.slice('/api/'.length);
    if (!isChannelName(name)) return sendJson(res, 404, failure('not-found', `unknown channel "${name}"`));
    if (req.method !== 'POST') return sendJson(res, 405, failure('invalid-request', `use POST for ${name}`), { allow: 'POST' });

    const body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    if (body === undefined) return sendJson(res, 413, failure('invalid-request', 'request body too large'));
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body) : undefined;
    } catch {
      return sendJson(res, 400, failure('invalid-request', `${name}: the request body is not valid JSON`));
    }
    const envelope = await dispatch(options.service, name, payload, { onInternalError });
    sendJson(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = allowedHostsFor(host, port, options.allowedHostNames);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    host,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function failure(code: 'invalid-request' | 'not-found', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, ...extraHeaders, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
