import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type UiServer } from '../../src/server';
import { createFakeService } from '../contract/fake-service';
import { apiHeaders, corsHeaders, raw, type RawResponse } from './http-helpers';

let dir: string;
let staticDir: string;
let server: UiServer;
const seen: RawResponse[] = [];
const call = async (...args: Parameters<typeof raw>) => {
  const res = await raw(...args);
  seen.push(res);
  return res;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-ui-'));
  staticDir = join(dir, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
  await symlink(join(dir, 'secret.txt'), join(staticDir, 'link.txt'));
  server = await startUiServer({ service: createFakeService(), staticDir });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  // no response of any test ever carries a CORS header
  for (const res of seen.splice(0)) expect(corsHeaders(res)).toEqual([]);
});

describe('binding', () => {
  it('listens on 127.0.0.1 only by default, with a plain URL to bookmark and a random secret', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startUiServer({ service: createFakeService(), staticDir });
    expect(other.token).not.toBe(server.token);
    await other.close();
    // 127.0.0.2 is also this machine: a server bound to every address would answer there
    await expect(raw(server.port, 'GET', '/', {}, undefined, '127.0.0.2')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('API authentication', () => {
  it('no session → 401, saying how to log in', async () => {
    const res = await call(server.port, 'POST', '/api/getStatus', { 'content-type': 'application/json', 'x-trawlarr-request': '1' }, '{}');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(res.body).error.message).toContain('open the login link printed by "trawlarr ui-url');
  });

  it('wrong token → 401, also one of the same length', async () => {
    for (const token of ['nope', server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A')]) {
      const res = await call(server.port, 'POST', '/api/getStatus', apiHeaders(token), '{}');
      expect(res.status).toBe(401);
      expect(res.body).not.toContain('"ok":true');
    }
  });

  it('the event stream needs the token too', async () => {
    const res = await call(server.port, 'GET', '/api/events', {});
    expect(res.status).toBe(401);
  });

  it('the right token → 200', async () => {
    const res = await call(server.port, 'POST', '/api/getStatus', apiHeaders(server.token), '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).value.instances[0].id).toBe('radarr');
  });
});

describe('cross-origin and CSRF', () => {
  it('a cross-origin request is refused even with the token', async () => {
    const res = await call(server.port, 'POST', '/api/runJobNow', { ...apiHeaders(server.token), origin: 'http://evil.example' }, '{"instanceId":"radarr","jobId":"upgrade"}');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toBe('cross-origin request refused');
  });

  it('a cross-site fetch is refused by Sec-Fetch-Site', async () => {
    const res = await call(server.port, 'POST', '/api/getStatus', { ...apiHeaders(server.token), 'sec-fetch-site': 'cross-site' }, '{}');
    expect(res.status).toBe(403);
  });

  it('a same-origin request is accepted', async () => {
    const res = await call(server.port, 'POST', '/api/getStatus', { ...apiHeaders(server.token), origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' }, '{}');
    expect(res.status).toBe(200);
  });

  it('a CORS preflight gets no CORS headers', async () => {
    const res = await call(server.port, 'OPTIONS', '/api/saveInstance', { origin: 'http://evil.example', 'access-control-request-method': 'POST' });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('a foreign Host header (DNS rebinding) is refused', async () => {
    const res = await call(server.port, 'POST', '/api/getStatus', { ...apiHeaders(server.token), host: `evil.example:${server.port}` }, '{}');
    expect(res.status).toBe(403);
  });

  it('missing CSRF header → 403, and nothing changes', async () => {
    const headers = apiHeaders(server.token);
    delete headers['x-trawlarr-request'];
    const res = await call(server.port, 'POST', '/api/runJobNow', headers, '{"instanceId":"radarr","jobId":"upgrade"}');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toBe('missing x-trawlarr-request header');
  });

  it('a form-style content type → 415', async () => {
    const res = await call(server.port, 'POST', '/api/runJobNow', { ...apiHeaders(server.token), 'content-type': 'text/plain' }, '{"instanceId":"radarr","jobId":"upgrade"}');
    expect(res.status).toBe(415);
  });

  it('GET on a channel is refused: every channel is POST', async () => {
    const res = await call(server.port, 'GET', '/api/getSettings', { authorization: `Bearer ${server.token}` });
    expect(res.status).toBe(405);
  });
});

describe('requests', () => {
  it('a bad payload → 400 naming the field', async () => {
    const res = await call(server.port, 'POST', '/api/saveJob', apiHeaders(server.token), JSON.stringify({ instanceId: 'radarr', job: { id: 'x', type: 'nope' } }));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.error.issues[0].field).toBe('job.type');
  });

  it('invalid JSON → 400, unknown channel → 404, body too large → 413', async () => {
    expect((await call(server.port, 'POST', '/api/getStatus', apiHeaders(server.token), '{oops')).status).toBe(400);
    expect((await call(server.port, 'POST', '/api/readKeys', apiHeaders(server.token), '{}')).status).toBe(404);
    const small = await startUiServer({ service: createFakeService(), staticDir, maxBodyBytes: 100 });
    const res = await raw(small.port, 'POST', '/api/importSettings', apiHeaders(small.token), JSON.stringify({ json: 'x'.repeat(200) }));
    await small.close();
    expect(res.status).toBe(413);
  });
});

describe('security headers', () => {
  it('API responses carry the strict headers and no-store', async () => {
    for (const res of [
      await call(server.port, 'POST', '/api/getStatus', apiHeaders(server.token), '{}'),
      await call(server.port, 'POST', '/api/getStatus', {}, '{}'),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('static files carry them too', async () => {
    const res = await call(server.port, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('static files', () => {
  it('serves assets with their type and the app shell for client routes', async () => {
    const js = await call(server.port, 'GET', '/assets/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1)');
    expect((await call(server.port, 'GET', '/history')).body).toContain('<div id="root">');
    expect((await call(server.port, 'GET', '/assets/missing.js')).status).toBe(404);
  });

  it('path traversal never reaches a file outside the root', async () => {
    const attempts = ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/link.txt', '/index.html%00.js', '/%E0%A4%A'];
    for (const path of attempts) {
      const res = await call(server.port, 'GET', path);
      expect(res.body, path).not.toContain('outside the root');
      expect([400, 403, 404], path).toContain(res.status);
    }
  });

  it('only GET and HEAD', async () => {
    expect((await call(server.port, 'POST', '/index.html', {}, 'x')).status).toBe(405);
  });
});
