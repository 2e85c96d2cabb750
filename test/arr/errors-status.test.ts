// HTTP statuses as Radarr/Sonarr (and proxies in front of them) answer them: the exact user-facing
// message, the kind, and that the API key appears nowhere on the error.
import { describe, expect, it } from 'vitest';
import { errorHarness, failure } from './support/failures';
import { API_KEY, radarrStatus, sendJson } from './support/test-server';

const { serve, radarr } = errorHarness();

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

  it('an instance named like its app is named once: "Radarr: …", not \'Radarr "Radarr": …\'', async () => {
    const s = await serve((_req, res) => {
      res.statusCode = 401;
      res.end();
    });
    const e = await failure(radarr(s.url, { name: 'Radarr' }).connect());
    expect(e.message).toBe('Radarr: API key rejected (HTTP 401). Copy the key from Radarr: Settings → General → Security → API Key.');
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
    expect(e.message).toBe('Radarr "Main": still starting up (HTTP 503 on 5 attempts). Try again in a minute.');
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
    expect(e.message).toBe("Radarr \"Main\": rejected POST /api/v3/tag (HTTP 400): Label: Allowed characters a-z, 0-9 and -; Label: 'Label' must not be empty.");
  });

  it('400 with {message}', async () => {
    const s = await serve((_req, res) => sendJson(res, 400, { message: 'movieId or movieFileIds must be provided' }));
    const e = await failure(radarr(s.url).movieFiles([1]));
    expect(e.message).toBe('Radarr "Main": rejected GET /api/v3/moviefile (HTTP 400): movieId or movieFileIds must be provided.');
  });

  it('400 from model binding (ProblemDetails errors map)', async () => {
    const s = await serve((_req, res) =>
      sendJson(res, 400, { title: 'One or more validation errors occurred.', status: 400, errors: { '$.movieIds[0]': ['The JSON value could not be converted to System.Int32.'] } }),
    );
    const e = await failure(radarr(s.url).sendCommand({ name: 'MoviesSearch', movieIds: [1] }));
    expect(e.message).toBe('Radarr "Main": rejected POST /api/v3/command (HTTP 400): $.movieIds[0]: The JSON value could not be converted to System.Int32.');
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
    expect(e.message).toBe('Radarr "Main": internal error (HTTP 500) on PUT /api/v3/movie/editor: Expected query to return 2 rows but returned 1.');
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
    expect(e.message).toBe('Radarr "Main": internal error (HTTP 500) on GET /api/v3/tag: Invalid request /api/v3/tag?apikey=***&x=1 with key ***.');
  });
});
