/**
 * The request pipeline: URL base, faults, API-key auth (spec/arr/NOTES.md §2), routing, error shapes,
 * recording (with the bytes served) and the onExchange hook.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimState } from '../state';
import type { Exchange, RecordedRequest } from '../types';
import { bindingProblem, HttpError, serverError } from './errors';
import { Query } from './query';
import type { Reply, Router } from './router';
import { JSON_TYPE, LOGIN_PAGE, writeJson, writeList } from './write';

export interface ServerHooks {
  apiKey: string;
  onExchange?: (x: Exchange) => void;
  record: (r: RecordedRequest) => void;
  sampleLimit: number;
}

const MAX_BODY = 20 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, undefined);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** ApiKeyAuthenticationHandler: the `apikey` query parameter first, then X-Api-Key, then Bearer. */
function presentedKey(req: IncomingMessage, query: Query): string | undefined {
  const fromQuery = query.get('apikey');
  if (fromQuery !== undefined) return fromQuery;
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return m ? m[1].trim() : undefined;
}

export function createSimServer(sim: SimState, router: Router, hooks: ServerHooks): Server {
  const versionHeader = { 'X-Application-Version': sim.version.text };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const time = sim.now();
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const base = sim.urlBase.toLowerCase();
    const rawPath = decodeURIComponent(url.pathname);
    const query = new Query(url.searchParams);
    let path = rawPath;
    let status = 0;
    let requestBody: unknown;
    // bytes served: the body as handed to the socket, and everything the socket was handed for this
    // response (status line, headers, chunk framing, body). HTTP/1.1 answers one request at a time
    // per connection, so the socket's counter moves for this response only until it is recorded.
    const socket = req.socket;
    const written = () => socket.bytesWritten ?? 0; // undefined once the socket is gone
    const wireStart = written();
    let bodyBytes = 0;
    const wireBytes = () => Math.max(0, written() - wireStart);
    const exchange: Exchange = { app: sim.app, method, path, query: query.raw, status: 0 };
    const finish = () => {
      hooks.record({ method, path, query: query.raw, body: requestBody, status, time, bodyBytes, wireBytes: wireBytes() });
      if (hooks.onExchange) {
        exchange.status = status;
        exchange.path = path;
        exchange.requestBody = requestBody;
        try {
          hooks.onExchange(exchange);
        } catch (e) {
          console.error('simulator onExchange hook failed:', e);
        }
      }
    };

    // one roll per API request (the URL base is not stripped yet: look for /api anywhere in the path)
    const fate = /\/api(\/|$)/i.test(rawPath) ? sim.faults.takeUnreliable() : undefined;
    if (fate === 'drop' || sim.faults.take('dropConnections')) {
      req.socket.destroy();
      // logged, but not an exchange: there is no response for the contract recorder to check
      hooks.record({ method, path, query: query.raw, body: undefined, status: 0, time, bodyBytes: 0, wireBytes: 0 });
      return;
    }
    if (sim.faults.latencyMs > 0) await sleep(sim.faults.latencyMs);

    const reply = (s: number, body: unknown, contentType = JSON_TYPE) => {
      status = s;
      exchange.contentType = body === undefined ? undefined : contentType;
      exchange.responseBody = body;
      bodyBytes = writeJson(res, s, versionHeader, body);
    };

    try {
      const text = await readBody(req);
      if (text.trim() !== '') {
        try {
          requestBody = JSON.parse(text);
        } catch (e) {
          requestBody = text;
          if (path.toLowerCase().startsWith(`${base}/api`)) throw bindingProblem({ $: [`'${(e as Error).message}'`] });
        }
      }
      if (base && !(path.toLowerCase() === base || path.toLowerCase().startsWith(`${base}/`))) {
        reply(404, undefined);
        return finish();
      }
      path = path.slice(sim.urlBase.length) || '/';
      const isApi = /^\/api(\/|$)/i.test(path);

      if (isApi && sim.faults.takeStartingUp()) {
        reply(503, { errorMessage: `${sim.appName} is starting up, please try again later` });
        return finish();
      }
      if (sim.faults.htmlInsteadOfJson) {
        status = 200;
        exchange.contentType = 'text/html';
        exchange.responseBody = LOGIN_PAGE;
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(LOGIN_PAGE);
        bodyBytes = Buffer.byteLength(LOGIN_PAGE);
        return finish();
      }
      if (/^\/ping\/?$/i.test(path) && method === 'GET') {
        reply(200, { status: 'OK' });
        return finish();
      }
      if (!isApi) {
        reply(404, undefined);
        return finish();
      }
      if (presentedKey(req, query) !== hooks.apiKey) {
        reply(401, undefined);
        return finish();
      }
      if (fate === '500' || sim.faults.take('flaky500')) throw serverError('database is locked\ndatabase is locked', 'System.Data.SQLite.SQLiteException');

      const route = router.match(method, path);
      if (route === undefined) {
        reply(404, undefined);
        return finish();
      }
      if (route === 'method') {
        reply(405, undefined);
        return finish();
      }
      const out: Reply = await route.handler({ sim, method, path, query, body: requestBody, params: route.params, req });
      if (fate === 'drop-after-work') {
        // the work is done (a command queued, tags changed); the answer is lost on the way
        req.socket.destroy();
        hooks.record({ method, path, query: query.raw, body: requestBody, status: 0, time, bodyBytes: 0, wireBytes: wireBytes() });
        return;
      }
      if ('list' in out) {
        status = out.status;
        exchange.contentType = JSON_TYPE;
        const sample = await writeList(res, versionHeader, out.list, out.total, hooks.sampleLimit, !!hooks.onExchange);
        bodyBytes = sample.bytes;
        if (sample.all) exchange.responseBody = sample.all;
        else exchange.responseSample = { elements: sample.elements, total: sample.total };
      } else if ('html' in out) {
        status = out.status;
        res.writeHead(out.status, { ...versionHeader, 'Content-Type': 'text/html; charset=utf-8' });
        res.end(out.html);
        bodyBytes = Buffer.byteLength(out.html);
      } else {
        reply(out.status, out.json);
      }
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
      } else if (e instanceof HttpError) {
        reply(e.status, e.body);
      } else {
        const err = serverError((e as Error).message ?? String(e), 'System.Exception');
        reply(err.status, err.body);
      }
    }
    finish();
  };
  return createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('simulator request failed:', e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
