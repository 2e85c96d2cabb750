// The shared HTTP base: addresses, headers, timeouts per kind of call, and what it refuses to do.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { RadarrClient, USER_AGENT, type ArrInstance } from '../../src/arr';
import { arrError, formatDuration } from '../../src/arr/http/messages';
import { problemOf } from '../../src/arr/http/translate';
import { API_KEY, radarrStatus, routes, sendJson, startServer, type TestServer } from './support/test-server';

const servers: TestServer[] = [];
const clients: RadarrClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function radarrAt(suffix: string, extra: Partial<ArrInstance> = {}, options: ConstructorParameters<typeof RadarrClient>[1] = {}) {
  const server = await startServer(routes({ 'GET /system/status': radarrStatus(), 'GET /tag': [], 'GET /movie': [] }));
  servers.push(server);
  const client = new RadarrClient({ name: 'Main', kind: 'radarr', url: `${server.url}${suffix}`, apiKey: API_KEY, ...extra }, options);
  clients.push(client);
  return { server, client };
}

describe('addresses', () => {
  it.each([
    ['', '/api/v3/system/status'],
    ['/', '/api/v3/system/status'],
    ['/radarr', '/radarr/api/v3/system/status'],
    ['/radarr/', '/radarr/api/v3/system/status'],
    ['/radarr//', '/radarr/api/v3/system/status'],
    ['/radarr/api/v3', '/radarr/api/v3/system/status'],
    ['/radarr/api/', '/radarr/api/v3/system/status'],
    [`/?apikey=${API_KEY}`, '/api/v3/system/status'],
  ])('%j + a path: %s', async (suffix, path) => {
    const { server, client } = await radarrAt(suffix);
    await client.connect();
    expect(server.requests.map((r) => r.url)).toEqual([path]);
  });

  it('rejects an address that is not http(s), naming the instance', () => {
    expect(() => new RadarrClient({ name: 'Main', kind: 'radarr', url: 'ftp://host:7878', apiKey: API_KEY })).toThrow(
      'Radarr "Main": the address must start with http:// or https:// (it starts with "ftp:").',
    );
    expect(() => new RadarrClient({ name: 'Main', kind: 'radarr', url: 'radarr.lan', apiKey: API_KEY })).toThrow(
      'Radarr "Main": the address is not a URL. Use a full address such as http://localhost:7878.',
    );
  });

  it('refuses to be created for an instance of the other kind', () => {
    expect(() => new RadarrClient({ name: 'TV', kind: 'sonarr', url: 'http://localhost:8989', apiKey: API_KEY })).toThrow(
      'Radarr client created for "TV", which is configured as Sonarr',
    );
  });
});

describe('headers', () => {
  it('sends the key in X-Api-Key only, and identifies Trawlarr with its version', async () => {
    const { server, client } = await radarrAt('/radarr');
    await client.connect();
    await client.tags();
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(USER_AGENT).toBe(`Trawlarr/${version}`);
    for (const r of server.requests) {
      expect(r.headers['x-api-key']).toBe(API_KEY);
      expect(r.headers['user-agent']).toBe(`Trawlarr/${version}`);
      expect(r.headers.accept).toBe('application/json');
      expect(r.url.toLowerCase()).not.toContain('apikey');
      expect(r.headers.authorization).toBeUndefined();
    }
  });

  it('logging a client shows neither the key nor credentials from the address', async () => {
    const { client, server } = await radarrAt('', { url: 'http://admin:hunter2@127.0.0.1:1/radarr' });
    for (const text of [inspect(client, { depth: Infinity, showHidden: true }), JSON.stringify(client)]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('hunter2');
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('timeouts', () => {
  it('small calls get the short timeout and list calls the long one', async () => {
    const server = await startServer((req, res) => {
      // every answer takes 300 ms
      setTimeout(() => sendJson(res, 200, req.path.endsWith('/system/status') ? radarrStatus() : []), 300);
    });
    servers.push(server);
    const client = new RadarrClient({ name: 'Main', kind: 'radarr', url: server.url, apiKey: API_KEY }, { timeouts: { shortMs: 100, longMs: 5000 } });
    clients.push(client);
    await expect(client.tags()).rejects.toMatchObject({ kind: 'timeout' });
    await expect(client.movies()).resolves.toEqual([]);
  });

  it('defaults: 15 s for small calls, 10 min for lists', async () => {
    const { client } = await radarrAt('');
    expect((client as unknown as { http: { timeouts: unknown } }).http.timeouts).toEqual({ shortMs: 15_000, longMs: 600_000 });
  });

  it('formats durations for messages', () => {
    expect([formatDuration(150), formatDuration(15_000), formatDuration(90_000), formatDuration(600_000)]).toEqual(['0.15 s', '15 s', '90 s', '10 min']);
  });
});

describe('error translation details', () => {
  const ctx = { instance: 'Main', app: 'sonarr' as const, address: 'http://tv.lan:8989', apiKey: API_KEY };
  const at = { request: 'GET /api/v3/series', apiRoot: false, host: 'tv.lan', attempts: 1 };

  it('EAI_AGAIN (DNS did not answer) is a temporary DNS failure', () => {
    const err = Object.assign(new Error(`getaddrinfo EAI_AGAIN tv.lan`), { code: 'EAI_AGAIN' });
    const e = arrError(ctx, problemOf(err, at));
    expect(e.kind).toBe('dns');
    expect(e.message).toBe('Sonarr "Main": the host name "tv.lan" could not be resolved: the DNS server did not answer. Check the network, or use the IP address.');
  });

  it('an unknown failure keeps only its code, never the error object', () => {
    const err = Object.assign(new Error('boom'), { code: 'EWEIRD', config: { headers: { 'X-Api-Key': API_KEY } } });
    const e = arrError(ctx, problemOf(err, at));
    expect(e.message).toBe('Sonarr "Main": request failed (GET /api/v3/series): EWEIRD.');
    expect(inspect(e, { depth: Infinity, showHidden: true })).not.toContain(API_KEY);
    expect(e.cause).toBeUndefined();
  });

  it('validation failures are scrubbed as well as the message', () => {
    const e = arrError(ctx, { kind: 'bad-request', request: 'POST /api/v3/tag', detail: '', failures: [{ propertyName: 'ApiKey', errorMessage: `${API_KEY} is wrong` }] });
    expect(e.failures).toEqual([{ propertyName: 'ApiKey', errorMessage: '*** is wrong' }]);
    expect(e.message).toBe('Sonarr "Main": rejected POST /api/v3/tag (HTTP 400): ApiKey: *** is wrong.');
  });

  it('marks transient kinds', () => {
    expect(arrError(ctx, { kind: 'timeout', request: 'GET /x', timeoutMs: 1000 }).transient).toBe(true);
    expect(arrError(ctx, { kind: 'unauthorized', request: 'GET /x' }).transient).toBe(false);
  });
});
