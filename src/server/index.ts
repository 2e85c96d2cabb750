/**
 * Browser mode: the renderer and the typed contract over HTTP for `trawlarr run --ui`.
 * Bound to 127.0.0.1 by default, beyond loopback only with `allowRemote`; every API request needs a
 * session (an HttpOnly cookie a one-time login link is exchanged for, or the secret as a Bearer
 * token: access.ts); no CORS headers, ever. Bodies are small and read with limits (body.ts); headers and
 * bodies that take too long are dropped, the event stream (a long response, not a slow request)
 * is not.
 * Static renderer files hold no data and are served without a session (the page then asks
 * /api/session and explains how to log in); everything under /api needs one.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_HEADERS, HTTP_EVENTS_PATH, HTTP_LOGIN_PATH as LOGIN_PATH, HTTP_SESSION_PATH as SESSION_PATH, HTTP_STATUS, dispatch, isChannelName, type AppService, type Envelope } from '../shared/contract';
import { createAccess, type Access } from './access';
import { createSessionToken } from './auth';
import { openEventStream } from './event-stream';
import { jsonPathText, scanJsonDepth } from '../shared/json-guard';
import { bodyLimitFor, hasBody, readBody, stopReading } from './body';
import { hostPolicy, isLoopbackAddress, isWildcardAddress, type HostPolicy } from './hosts';
import { guardApiRequest } from './request-guard';
import { ensureSecret } from './secret-store';
import { serveStatic } from './static-files';

export interface UiServerOptions {
  service: AppService;
  /** the built renderer (out/renderer) */
  staticDir: string;
  /** default 127.0.0.1; anything but a loopback address exposes the UI beyond this machine and needs `allowRemote` */
  host?: string;
  /** the operator's opt-in to a non-loopback `host` (the session token is then the gate) */
  allowRemote?: boolean;
  /** default 0: a free port */
  port?: number;
  /** the secret (also the Bearer token scripts may send); default: from dataDir, else 32 random bytes */
  token?: string;
  /** keeps the secret and the used login codes in DIR/ui (secret-store.ts), so sessions survive a restart */
  dataDir?: string;
  /** extra Host header values to accept from any peer (names other machines use), as "name" */
  allowedHostNames?: string[];
  /** internal errors (never given a key) */
  log?: (line: string) => void;
  /** caps every channel's request body limit (body.ts), in bytes */
  maxBodyBytes?: number;
  timeouts?: Partial<ServerTimeouts>;
}

export interface ServerTimeouts {
  /** the request line and headers must arrive within this */
  headersMs: number;
  /** the whole request (headers and body) must arrive within this */
  requestMs: number;
  /** a body that sends nothing for this long is dropped */
  bodyIdleMs: number;
}

/** Bodies are at most 2 MB from a browser on this machine or the LAN: generous for that. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, bodyIdleMs: 10_000 };

export interface UiServer {
  /** the UI's address, to bookmark: http://127.0.0.1:PORT/ (on this machine; bound to every address too) */
  url: string;
  /** a new one-time login link for `origin` (default: this machine's): ORIGIN/#login=CODE */
  loginUrl(origin?: string): Promise<string>;
  /** http://ADDRESS:PORT other machines may open, when bound beyond loopback */
  remoteOrigins: string[];
  origin: string;
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host) && !options.allowRemote) throw new Error(`${host} is not a loopback address: serving the UI beyond this machine needs allowRemote`);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  if (options.token !== undefined && options.dataDir !== undefined) throw new Error('token and dataDir are exclusive: the secret comes from one place');
  const token = options.token ?? (options.dataDir ? await ensureSecret(options.dataDir) : createSessionToken());
  if (token.length < 16) throw new Error('token must be at least 16 characters');
  const log = options.log ?? (() => {});
  const onInternalError = (channel: string, error: unknown) => log(`${channel}: ${error instanceof Error ? error.message : String(error)}`);
  let hosts: HostPolicy = { anyPeer: new Set(), loopbackPeer: new Set(), remoteOrigins: [] };
  let access: Access | undefined;
  // open event streams end when the secret is rotated: their sessions are revoked
  const streams = new Set<ServerResponse>();

  // Node checks these timeouts on an interval (30 s by default): often enough to honour them
  const connectionsCheckingInterval = Math.max(10, Math.min(1000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4)));
  const server = createServer({ connectionsCheckingInterval, headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      onInternalError('http', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    // a body nobody reads is not drained either: answer, then close the connection
    const bodyRead = hasBody(req) ? closeUnlessRead(req, res) : () => {};
    if (path !== '/api' && !path.startsWith('/api/')) return serveStatic(req, res, options.staticDir);

    if (!access) throw new Error('not listening yet');
    const credential = path === LOGIN_PATH ? 'not-needed' : await access.credential(req.headers);
    const verdict = guardApiRequest({ method: req.method ?? 'GET', headers: req.headers, remoteAddress: req.socket.remoteAddress }, { credential, hosts });
    if (!verdict.ok) {
      const extra: Record<string, string> = verdict.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
      return sendJson(res, verdict.status, { ok: false, error: { code: 'forbidden', message: verdict.message } }, extra);
    }
    if (path === LOGIN_PATH) return login(req, res, access);
    if (path === SESSION_PATH) {
      if (req.method !== 'GET') return sendJson(res, 405, failure('invalid-request', 'use GET for the session'), { allow: 'GET' });
      const renewal = await access.renewal(req.headers);
      return sendJson(res, 200, { ok: true, value: {} }, renewal ? { 'set-cookie': renewal } : {});
    }
    if (path === HTTP_EVENTS_PATH) {
      if (req.method !== 'GET') return sendJson(res, 405, failure('invalid-request', 'use GET for the event stream'), { allow: 'GET' });
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return openEventStream(req, res, options.service, { onInternalError });
    }
    const name = path.slice('/api/'.length);
    if (!isChannelName(name)) return sendJson(res, 404, failure('not-found', `unknown channel "${name}"`));
    if (req.method !== 'POST') return sendJson(res, 405, failure('invalid-request', `use POST for ${name}`), { allow: 'POST' });

    const body = await readBody(req, bodyLimitFor(name, options.maxBodyBytes), timeouts.bodyIdleMs);
    if (!body.ok) return sendJson(res, body.status, failure('invalid-request', `${name}: ${body.message}`));
    bodyRead();
    // JSON.parse spends about a second per million levels of nesting, blocking everything else
    const deep = scanJsonDepth(body.text);
    if (deep) return sendJson(res, 400, failure('invalid-request', `${name}: ${jsonPathText(deep.path)}: ${deep.message}`));
    let payload: unknown;
    try {
      payload = body.text.length ? JSON.parse(body.text) : undefined;
    } catch {
      return sendJson(res, 400, failure('invalid-request', `${name}: the request body is not valid JSON`));
    }
    const envelope = await dispatch(options.service, name, payload, { onInternalError });
    sendJson(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
  }

  /** The body is {"code": "…"}: the guard already checked Host, Origin and the CSRF header. */
  async function login(req: IncomingMessage, res: ServerResponse, a: Access): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('invalid-request', 'use POST to log in'), { allow: 'POST' });
    const body = await readBody(req, 1024, timeouts.bodyIdleMs);
    if (!body.ok) return sendJson(res, body.status, failure('invalid-request', `login: ${body.message}`));
    let code: unknown;
    try {
      code = (JSON.parse(body.text) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (typeof code !== 'string') return sendJson(res, 400, failure('invalid-request', 'login: the body must be {"code": "…"}'));
    const result = await a.login(code);
    if (!result.ok) return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: result.message } });
    sendJson(res, 200, { ok: true, value: {} }, { 'set-cookie': result.setCookie! });
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = hostPolicy(host, port, options.allowedHostNames);
  const onRotated = () => {
    for (const stream of streams) stream.destroy();
  };
  try {
    access = await createAccess({ port, secret: token, dataDir: options.dataDir, onRotated });
  } catch (error) {
    server.close();
    throw error;
  }
  // an idle page's event stream must also end soon after a rotation, not only at its next request
  const stopRotationCheck = options.dataDir ? access.checkEvery(5000, (e) => onInternalError('secret', e)) : () => {};
  // bound to every address, this machine opens it by its loopback address
  const urlHost = isWildcardAddress(host) ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  return {
    url: `${origin}/`,
    loginUrl: async (at = origin) => `${at}/#login=${await access!.newLoginCode()}`,
    remoteOrigins: hosts.remoteOrigins,
    origin,
    host,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        stopRotationCheck();
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

/**
 * Until the body has been read within its limits, the answer closes the connection (a refused
 * request's body is never read, nor drained); the returned function lifts that once it has been.
 */
function closeUnlessRead(req: IncomingMessage, res: ServerResponse): () => void {
  const keepAlive = res.shouldKeepAlive;
  res.shouldKeepAlive = false;
  const close = () => {
    stopReading(req);
    req.socket.destroy();
  };
  res.once('finish', close);
  return () => {
    res.shouldKeepAlive = keepAlive;
    res.off('finish', close);
  };
}
