// Every failure the clients can meet, against real sockets on 127.0.0.1: the exact user-facing
// message, the kind, and that the API key appears nowhere on the error (message, stack, inspect, JSON).
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ArrError, RadarrClient, SonarrClient, type ArrInstance } from '../../src/arr';
import { API_KEY, freePort, radarrStatus, sendJson, sonarrStatus, startServer, type Handler, type TestServer } from './support/test-server';

const servers: TestServer[] = [];
const clients: { close(): void }[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler, tls = false): Promise<TestServer> {
  const s = await startServer(handler, { tls });
  servers.push(s);
  return s;
}

const noSleep = async () => {};

function radarr(url: string, extra: Partial<ArrInstance> = {}, options: ConstructorParameters<typeof RadarrClient>[1] = {}): RadarrClient {
  const c = new RadarrClient({ name: 'Main', kind: 'radarr', url, apiKey: API_KEY, ...extra }, { sleep: noSleep, ...options });
  clients.push(c);
  return c;
}

/** Awaits the rejection and checks it is a key-free ArrError. */
async function failure(p: Promise<unknown>): Promise<ArrError> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ArrError);
  const e = err as ArrError;
  for (const text of [e.message, String(e.stack), inspect(e, { depth: Infinity, showHidden: true }), JSON.stringify(e)]) {
    expect(text).not.toContain(API_KEY);
    expect(text.toLowerCase()).not.toMatch(/apikey=(?!\*\*\*)/);
  }
  return e;
}

describe('network failures', () => {
  it('connection refused', async () => {
    const port = await freePort();
    const e = await failure(radarr(`http://127.0.0.1:${port}`).systemStatus());
    expect(e.kind).toBe('connection-refused');
    expect(e.message).toBe(`Radarr "Main": connection refused at http://127.0.0.1:${port}. Is Radarr running, and is the port right?`);
  });

  it('DNS: no such host', async () => {
    const e = await failure(radarr('http://trawlarr-test.invalid:7878/radarr/').systemStatus());
    expect(e.kind).toBe('dns');
    expect(e.message).toBe('Radarr "Main": the host name "trawlarr-test.invalid" could not be resolved (no such host). Check the address.');
  });

  it('TLS: a self-signed certificate without the opt-in names the setting', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()), true);
    const e = await failure(radarr(s.url).systemStatus());
    expect(e.kind).toBe('tls');
    expect(e.message).toBe(
      `Radarr "Main": the TLS certificate of ${s.url} is self-signed, so it is not trusted. If this is your server, turn on "Trust self-signed certificate" for this instance.`,
    );
  });

  it('TLS: the opt-in trusts the certificate for that instance only', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()), true);
    const trusting = radarr(s.url, { trustSelfSignedCert: true });
    const strict = radarr(s.url);
    expect((await trusting.connect()).appName).toBe('Radarr');
    expect((await failure(strict.systemStatus())).kind).toBe('tls');
    // and the trusting one still works afterwards: the agents are separate
    expect((await trusting.systemStatus()).version).toBe('6.0.3.10276');
  });

  it('TLS: https to a plain-HTTP port says so', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()));
    const address = s.url.replace('http:', 'https:');
    const e = await failure(radarr(address).systemStatus());
    expect(e.kind).toBe('tls');
    expect(e.message).toBe(`Radarr "Main": the secure connection to ${address} failed: the server did not answer with TLS; if it serves plain HTTP, use an http:// address.`);
  });

  it('timeout on a small call uses the short timeout', async () => {
    const s = await serve(() => {
      /* never answers */
    });
    const e = await failure(radarr(s.url, {}, { timeouts: { shortMs: 150, longMs: 60_000 } }).tags());
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('Radarr "Main": no complete answer from Radarr within 0.15 s (GET /api/v3/tag).');
  });

  it('timeout covers the whole body of a list call, not just the headers', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[\n  {\n    "id": 1,\n'); // then stalls
    });
    const e = await failure(radarr(s.url, {}, { timeouts: { shortMs: 60_000, longMs: 200 } }).movies());
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('Radarr "Main": no complete answer from Radarr within 0.2 s (GET /api/v3/movie).');
  });

  it('the connection dropping mid-body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[\n  {\n    "id": 1,\n    "title": "A"\n  },\n  {\n    "id": 2,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const e = await failure(radarr(s.url).movies());
    expect(e.kind).toBe('connection-reset');
    expect(e.message).toBe('Radarr "Main": the connection closed before Radarr finished answering (GET /api/v3/movie).');
  });

  it('a kept-alive socket the server closed is retried once on a new connection', async () => {
    const served = new WeakSet<object>();
    const s = await serve((req, res) => {
      // the second request on a socket meets a server that has dropped it (as after a restart)
      if (served.has(res.socket!)) return void res.socket!.destroy();
      served.add(res.socket!);
      sendJson(res, 200, req.path.endsWith('/system/status') ? radarrStatus() : []);
    });
    const client = radarr(s.url);
    await client.connect();
    expect(await client.tags()).toEqual([]);
    expect(s.requests.map((r) => r.path)).toEqual(['/api/v3/system/status', '/api/v3/tag', '/api/v3/tag']);
  });

  it('the caller cancelling a list call', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
    });
    const controller = new AbortController();
    const pending = radarr(s.url).movies({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await failure(pending);
    expect(e.kind).toBe('cancelled');
    expect(e.message).toBe('Radarr "Main": request cancelled (GET /api/v3/movie).');
  });
});

describe('HTTP statuses', () => {
  it('401 with an empty body: API key rejected', async () => {
    const s = await serve((_req, res) => {
      res.statusCode = 401;
      res.end();
    });
    const e = await failure(radarr(s.url).connect());
    expect(e).toMatchObject({ kind: 'unauthorized', status: 401, instance: 'Main', app: 'radarr' });
    expect(e.message).toBe('Radarr "Main": API key rejected (HTTP 401). Copy the key from Radarr: Settings → General → Security → API Key.');
  });

  it('404 on the API root: wrong URL base', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><title>404</title></html>');
    });
    const e = await failure(radarr(`${s.url}/movies/`).connect());
    expect(e.kind).toBe('wrong-url-base');
    expect(e.message).toBe(
      `Radarr "Main": no Radarr API at ${s.url}/movies (HTTP 404 for GET /api/v3/system/status). Check the URL base: if Radarr runs under a path such as /radarr, include it in the address.`,
    );
  });

  it('404 elsewhere: not found', async () => {
    const s = await serve((_req, res) => sendJson(res, 404, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: 'Not Found', status: 404 }));
    const e = await failure(radarr(s.url).getCommand(99));
    expect(e.kind).toBe('not-found');
    expect(e.message).toBe('Radarr "Main": not found (HTTP 404) for GET /api/v3/command/99.');
  });

  it('503 while starting is retried with exponential backoff, then succeeds', async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      if (++calls <= 3) sendJson(res, 503, { errorMessage: 'Radarr is starting up, please try again later' });
      else sendJson(res, 200, radarrStatus());
    });
    const slept: number[] = [];
    const info = await radarr(s.url, {}, { sleep: async (ms) => void slept.push(ms) }).connect();
    expect(info.major).toBe(6);
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(s.requests).toHaveLength(4);
  });

  it('503 that outlasts the retries: still starting up', async () => {
    const s = await serve((_req, res) => sendJson(res, 503, { errorMessage: 'Radarr is starting up, please try again later' }));
    const slept: number[] = [];
    const e = await failure(radarr(s.url, {}, { sleep: async (ms) => void slept.push(ms), startupRetry: { retries: 4, baseDelayMs: 1000, maxDelayMs: 5000 } }).connect());
    expect(slept).toEqual([1000, 2000, 4000, 5000]);
    expect(s.requests).toHaveLength(5);
    expect(e.kind).toBe('starting-up');
    expect(e.message).toBe('Radarr "Main": Radarr is still starting up (HTTP 503 on 5 attempts). Try again in a minute.');
  });

  it('another 503 (a proxy whose backend is down): unavailable', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>503 Service Temporarily Unavailable</title></head></html>');
    });
    const e = await failure(radarr(s.url, {}, { startupRetry: { retries: 1 } }).tags());
    expect(e.kind).toBe('unavailable');
    expect(e.message).toBe('Radarr "Main": service unavailable (HTTP 503 on 2 attempts) for GET /api/v3/tag.');
  });

  it('an HTML login page where JSON was expected (content type text/html)', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html>\n<html><head><title>Sign in – Authelia</title></head><body>…</body></html>');
    });
    const e = await failure(radarr(s.url).connect());
    expect(e.kind).toBe('html');
    expect(e.message).toBe(
      'Radarr "Main": expected JSON but got an HTML page ("Sign in – Authelia") for GET /api/v3/system/status. A login page or reverse proxy is answering instead of Radarr: use Radarr\'s own address, or let /api through the proxy.',
    );
  });

  it('an HTML page served as JSON on a streamed list', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('\n<html><head><title>Login</title></head></html>');
    });
    const e = await failure(radarr(s.url).movies());
    expect(e.kind).toBe('html');
    expect(e.message).toBe(
      'Radarr "Main": expected JSON but got an HTML page ("Login") for GET /api/v3/movie. A login page or reverse proxy is answering instead of Radarr: use Radarr\'s own address, or let /api through the proxy.',
    );
  });

  it('a redirect is not followed (the key would go with it) and its query is not shown', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { Location: `https://sso.example.com/login?rd=%2Fapi&apikey=${API_KEY}` });
      res.end();
    });
    const e = await failure(radarr(s.url).connect());
    expect(e.kind).toBe('redirect');
    expect(s.requests).toHaveLength(1);
    expect(e.message).toBe(
      'Radarr "Main": redirected to https://sso.example.com/login (HTTP 302) instead of answering GET /api/v3/system/status. Use the address Radarr itself answers at: Trawlarr does not follow redirects, so the API key is never sent elsewhere.',
    );
  });

  it('400 validation array: every propertyName: errorMessage pair', async () => {
    const s = await serve((req, res) => {
      if (req.method === 'GET') return sendJson(res, 200, []);
      sendJson(res, 400, [
        { propertyName: 'Label', errorMessage: 'Allowed characters a-z, 0-9 and -', attemptedValue: 'x', severity: 'error', errorCode: 'RegularExpressionValidator' },
        { propertyName: 'Label', errorMessage: "'Label' must not be empty.", severity: 'error' },
      ]);
    });
    const e = await failure(radarr(s.url).ensureTag('trawlarr-missing'));
    expect(e.kind).toBe('bad-request');
    expect(e.failures).toEqual([
      { propertyName: 'Label', errorMessage: 'Allowed characters a-z, 0-9 and -' },
      { propertyName: 'Label', errorMessage: "'Label' must not be empty." },
    ]);
    expect(e.message).toBe("Radarr \"Main\": Radarr rejected POST /api/v3/tag (HTTP 400): Label: Allowed characters a-z, 0-9 and -; Label: 'Label' must not be empty.");
  });

  it('400 with {message}', async () => {
    const s = await serve((_req, res) => sendJson(res, 400, { message: 'movieId or movieFileIds must be provided' }));
    const e = await failure(radarr(s.url).movieFiles([1]));
    expect(e.message).toBe('Radarr "Main": Radarr rejected GET /api/v3/moviefile (HTTP 400): movieId or movieFileIds must be provided.');
  });

  it('400 from model binding (ProblemDetails errors map)', async () => {
    const s = await serve((_req, res) =>
      sendJson(res, 400, { title: 'One or more validation errors occurred.', status: 400, errors: { '$.movieIds[0]': ['The JSON value could not be converted to System.Int32.'] } }),
    );
    const e = await failure(radarr(s.url).sendCommand({ name: 'MoviesSearch', movieIds: [1] }));
    expect(e.message).toBe('Radarr "Main": Radarr rejected POST /api/v3/command (HTTP 400): $.movieIds[0]: The JSON value could not be converted to System.Int32.');
  });

  it('409 that a re-read does not resolve', async () => {
    const s = await serve((req, res) => {
      if (req.method === 'GET') return sendJson(res, 200, [{ id: 1, label: 'other' }]);
      sendJson(res, 409, { message: 'constraint failed\r\nUNIQUE constraint failed: Tags.Label', description: 'System.Data.SQLite.SQLiteException (0x800027AF): constraint failed\r\n   at System.Data...' });
    });
    const e = await failure(radarr(s.url).ensureTag('trawlarr-missing'));
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe('Radarr "Main": conflict (HTTP 409) on POST /api/v3/tag: constraint failed UNIQUE constraint failed: Tags.Label.');
  });

  it('500 with {message}: the message, never the stack trace in description', async () => {
    const s = await serve((_req, res) =>
      sendJson(res, 500, { message: 'Expected query to return 2 rows but returned 1', description: 'System.ApplicationException: Expected query...\n   at NzbDrone.Core.Datastore.BasicRepository`1.Get(IEnumerable`1 ids)' }),
    );
    const e = await failure(radarr(s.url).editTags([5, 6], [3], 'add'));
    expect(e.kind).toBe('server-error');
    expect(e.message).toBe('Radarr "Main": Radarr failed with an internal error (HTTP 500) on PUT /api/v3/movie/editor: Expected query to return 2 rows but returned 1.');
  });

  it('another status', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head></html>');
    });
    const e = await failure(radarr(s.url).health());
    expect(e.kind).toBe('http');
    expect(e.message).toBe('Radarr "Main": unexpected HTTP 502 for GET /api/v3/health: 502 Bad Gateway.');
  });

  it('a server message that echoes the key or an apikey parameter is scrubbed', async () => {
    const s = await serve((_req, res) => sendJson(res, 500, { message: `Invalid request /api/v3/tag?apikey=${API_KEY}&x=1 with key ${API_KEY}` }));
    const e = await failure(radarr(s.url).tags());
    expect(e.message).toBe('Radarr "Main": Radarr failed with an internal error (HTTP 500) on GET /api/v3/tag: Invalid request /api/v3/tag?apikey=***&x=1 with key ***.');
  });
});

describe('broken bodies', () => {
  it('truncated JSON array', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('[\n  {"id": 1, "title": "A"},\n  {"id": 2');
    });
    const e = await failure(radarr(s.url).movies());
    expect(e.kind).toBe('invalid-response');
    expect(e.message).toBe('Radarr "Main": the response to GET /api/v3/movie is not the JSON Radarr sends (the response ended before the JSON array was complete, at byte 39).');
  });

  it('an object where the list was expected', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { message: 'hello' }));
    const e = await failure(radarr(s.url).tags());
    expect(e.message).toBe('Radarr "Main": the response to GET /api/v3/tag is not the JSON Radarr sends (the response is not a JSON array, at byte 0).');
  });

  it('an item without an id', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, [{ label: 'x' }]));
    const e = await failure(radarr(s.url).tags());
    expect(e.message).toBe('Radarr "Main": the response to GET /api/v3/tag is not the JSON Radarr sends (a tag without a valid id).');
  });
});

describe('the wrong app at the address', () => {
  it('a Sonarr configured as Radarr', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, sonarrStatus()));
    const e = await failure(radarr(s.url).connect());
    expect(e.kind).toBe('wrong-app');
    expect(e.message).toBe(`Radarr "Main": the address ${s.url} is Sonarr 4.0.19.2979, not Radarr. Check the address and port (Radarr's default port is 7878).`);
  });

  it('a Radarr configured as Sonarr', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, radarrStatus()));
    const sonarr = new SonarrClient({ name: 'TV', kind: 'sonarr', url: s.url, apiKey: API_KEY });
    clients.push(sonarr);
    const e = await failure(sonarr.connect());
    expect(e.message).toBe(`Sonarr "TV": the address ${s.url} is Radarr 6.0.3.10276, not Sonarr. Check the address and port (Sonarr's default port is 8989).`);
  });

  it('a fork (Whisparr)', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { appName: 'Whisparr', version: '2.0.0.548' }));
    const e = await failure(radarr(s.url).connect());
    expect(e.message).toBe(`Radarr "Main": the address ${s.url} is Whisparr 2.0.0.548, not Radarr. Check the address and port (Radarr's default port is 7878).`);
  });

  it('some other JSON service', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { status: 'ok' }));
    const e = await failure(radarr(s.url).connect());
    expect(e.message).toBe(
      `Radarr "Main": the address ${s.url} did not identify itself as Radarr (no app name in /api/v3/system/status). Check the address and port (Radarr's default port is 7878).`,
    );
  });
});
