/**
 * Small real HTTP(S) servers on 127.0.0.1 for client tests: each test says exactly how the server
 * answers, and every request the client sent is recorded for assertions.
 */
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface Received {
  method: string;
  /** path + query as sent */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: Received, res: http.ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: string;
  port: number;
  requests: Received[];
  close(): Promise<void>;
}

const tlsDir = fileURLToPath(new URL('../../fixtures/tls/', import.meta.url));

export async function startServer(handler: Handler, options: { tls?: boolean } = {}): Promise<TestServer> {
  const requests: Received[] = [];
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const received: Received = { method: req.method ?? '', url: req.url ?? '', path: u.pathname, query: u.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(received);
      Promise.resolve(handler(received, res)).catch((e: unknown) => {
        res.statusCode = 599;
        res.end(String(e));
      });
    });
  };
  const server = options.tls
    ? https.createServer({ key: readFileSync(`${tlsDir}self-signed.key`), cert: readFileSync(`${tlsDir}self-signed.crt`) }, listener)
    : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Answers like Radarr/Sonarr: JSON, pretty-printed, with the version header. */
export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Application-Version': '6.0.3.10276' });
  res.end(JSON.stringify(value, null, 2));
}

export const API_KEY = '0123456789abcdef0123456789abcdef';

export function radarrStatus(version = '6.0.3.10276'): Record<string, unknown> {
  return { appName: 'Radarr', instanceName: 'Radarr', version, urlBase: '', isDocker: true, databaseType: 'sqLite', authentication: 'forms' };
}

export function sonarrStatus(version = '4.0.19.2979'): Record<string, unknown> {
  return { appName: 'Sonarr', instanceName: 'Sonarr', version, urlBase: '', isDocker: true, databaseType: 'sqLite', authentication: 'forms' };
}

export type Route = (req: Received, res: http.ServerResponse) => void;

/** A handler dispatching on "METHOD /path" (path without the query); anything else is a 404. */
export function routes(table: Record<string, Route | unknown>): Handler {
  return (req, res) => {
    const path = req.path.replace(/^.*?\/api\/v3/, '');
    const entry = table[`${req.method} ${path}`];
    if (entry === undefined) return sendJson(res, 404, { title: 'Not Found', status: 404 });
    if (typeof entry === 'function') return (entry as Route)(req, res);
    sendJson(res, req.method === 'POST' ? 201 : 200, entry);
  };
}

/** Serves `records` as Radarr/Sonarr paging resources, honouring page and pageSize. */
export function pagedRoute(records: readonly unknown[]): Route {
  return (req, res) => {
    const page = Number(req.query.get('page') ?? 1);
    const pageSize = Number(req.query.get('pageSize') ?? 10);
    sendJson(res, 200, {
      page,
      pageSize,
      sortKey: req.query.get('sortKey') ?? 'default',
      sortDirection: req.query.get('sortDirection') ?? 'descending',
      totalRecords: records.length,
      records: records.slice((page - 1) * pageSize, page * pageSize),
    });
  };
}
