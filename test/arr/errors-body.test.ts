// Broken bodies and the wrong app at the address: the exact user-facing message, the kind, and
// that the API key appears nowhere on the error.
import { describe, expect, it } from 'vitest';
import { errorHarness, failure } from './support/failures';
import { radarrStatus, sendJson, sonarrStatus } from './support/test-server';

const { serve, radarr, sonarr } = errorHarness();

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
    const e = await failure(sonarr(s.url).connect());
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
