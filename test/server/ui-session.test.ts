/**
 * The browser mode's sessions on the real server with a data directory: a one-time login link is
 * exchanged for an HttpOnly SameSite=Strict cookie that then authorises any request (a new tab),
 * survives a restart on the same port, and ends with a rotation of the secret; the CSRF header,
 * Origin and Host checks still apply with the cookie; no response holds a key or the secret.
 */
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type UiServer } from '../../src/server';
import { rotateSecret } from '../../src/server/secret-store';
import { createLoginCode, createSessionValue } from '../../src/server/session-crypto';
import { createFakeService, STORED_KEYS } from '../contract/fake-service';
import { raw, type RawResponse } from './http-helpers';

let dir: string;
let dataDir: string;
let server: UiServer;
const seen: RawResponse[] = [];
/** every secret a test read (a rotation makes a new one), for the final check of all responses */
const secrets = new Set<string>();
const secret = async () => {
  const s = (await readFile(join(dataDir, 'ui', 'secret'), 'utf8')).trim();
  secrets.add(s);
  return s;
};
const start = (port = 0, over: Partial<Parameters<typeof startUiServer>[0]> = {}) =>
  startUiServer({ service: createFakeService({ leaky: true }), staticDir: dir, dataDir, port, ...over });

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: string, port = server.port): Promise<RawResponse> {
  const res = await raw(port, method, path, headers, body);
  seen.push(res);
  return res;
}
const JSON_CSRF = { 'content-type': 'application/json', 'x-trawlarr-request': '1' };
const codeOf = (link: string) => new URL(link).hash.slice('#login='.length);
const login = (code: string, extra: Record<string, string> = {}, port?: number) => call('POST', '/api/login', { ...JSON_CSRF, ...extra }, JSON.stringify({ code }), port);
/** "name=value" of the Set-Cookie line, to send back as a browser would */
const cookieOf = (res: RawResponse) => String((res.headers['set-cookie'] as string[] | undefined)?.[0] ?? '').split(';')[0];
const status = (cookie: string, extra: Record<string, string> = {}, port?: number) => call('POST', '/api/getStatus', { ...JSON_CSRF, cookie, ...extra }, '{}', port);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-session-'));
  dataDir = join(dir, 'data');
  await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  server = await start();
});
afterAll(async () => {
  await server?.close();
  // every response of this file, from a backend that leaks keys into its answers: no stored key, no secret
  await secret();
  expect(seen.length).toBeGreaterThan(40);
  for (const res of seen) {
    const text = JSON.stringify(res.headers) + res.body;
    for (const key of [...STORED_KEYS, ...secrets]) expect(text).not.toContain(key);
  }
  await rm(dir, { recursive: true, force: true });
});

/** Opens the event stream with only a cookie: its status, and a promise of its end (the caller may end it). */
function openStream(cookie: string): Promise<{ status: number; ended: Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, cookie } }, (res) => {
      const ended = new Promise<void>((r) => res.on('close', () => r()));
      res.resume();
      resolve({ status: res.statusCode ?? 0, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the secret in the data directory', () => {
  it('is created once, mode 600 in a directory of mode 700, and is not in the printed URL', async () => {
    const s = await secret();
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(join(dataDir, 'ui', 'secret'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'ui'))).mode & 0o777).toBe(0o700);
    const link = await server.loginUrl();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(link + server.url).not.toContain(s);
    const second = await start();
    await second.close();
    expect(await secret()).toBe(s);
  });

  it('a secret other users can read is refused, naming the fix', async () => {
    const other = join(dir, 'loose');
    await start(0, { dataDir: other }).then((s) => s.close());
    await chmod(join(other, 'ui', 'secret'), 0o644);
    await expect(start(0, { dataDir: other })).rejects.toThrow(`run "chmod 600 ${join(other, 'ui', 'secret')}"`);
  });
});

describe('the login exchange', () => {
  it('sets an HttpOnly SameSite=Strict cookie for this port (no Secure over http), and the cookie alone opens a new tab', async () => {
    const res = await login(codeOf(await server.loginUrl()));
    expect(res.status).toBe(200);
    const line = (res.headers['set-cookie'] as string[])[0];
    const attrs = line.split(';').map((a) => a.trim());
    expect(attrs[0]).toMatch(new RegExp(`^trawlarr_session_${server.port}=`));
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attrs.some((a) => /^Max-Age=\d+$/.test(a) && Number(a.slice(8)) >= 7 * 86_400)).toBe(true);
    expect(attrs).not.toContain('Secure');
    const cookie = cookieOf(res);
    // a new tab: a fresh request carrying nothing but the cookie (and the page's own headers)
    const ok = await status(cookie);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value.instances[0].id).toBe('radarr');
    expect((await call('GET', '/api/session', { cookie })).status).toBe(200);
    const stream = await openStream(cookie);
    expect(stream.status).toBe(200);
    stream.close();
    expect((await openStream(`${cookie}x`)).status).toBe(401);
  });

  it('a link works once: a replay is refused, also after a restart', async () => {
    const code = codeOf(await server.loginUrl());
    expect((await login(code)).status).toBe(200);
    const again = await login(code);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body).error.message).toContain('already used');
    expect(again.headers['set-cookie']).toBeUndefined();
    const port = server.port;
    await server.close();
    server = await start(port);
    const afterRestart = await login(code);
    expect(afterRestart.status).toBe(401);
    expect(JSON.parse(afterRestart.body).error.message).toContain('already used');
  });

  it('an expired, forged or malformed code is refused', async () => {
    const s = await secret();
    const expired = await login(createLoginCode(s, Date.now() - 11 * 60_000));
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body).error.message).toContain('has expired');
    for (const code of [createLoginCode('another secret entirely, 32 chars+', Date.now()), 'nope', '']) {
      const res = await login(code);
      expect(res.status).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('the exchange itself needs the CSRF header, JSON, a same-origin caller and a known Host; a refused attempt does not use the code', async () => {
    const code = codeOf(await server.loginUrl());
    const body = JSON.stringify({ code });
    expect((await call('POST', '/api/login', { 'content-type': 'application/json' }, body)).status).toBe(403);
    expect((await call('POST', '/api/login', { 'x-trawlarr-request': '1', 'content-type': 'text/plain' }, body)).status).toBe(415);
    expect((await login(code, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await login(code, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await login(code, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await call('GET', `/api/login?code=${code}`)).status).toBe(405);
    expect((await login(code, { origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('the session cookie', () => {
  it('a wrong, forged, other-port or secret-shaped cookie is 401; the secret itself only works as a Bearer token', async () => {
    const s = await secret();
    const name = `trawlarr_session_${server.port}`;
    const forged = createSessionValue('another secret entirely, 32 chars+', Date.now());
    for (const cookie of [`${name}=nope`, `${name}=${forged}`, `${name}=${s}`, `trawlarr_session_1=${createSessionValue(s, Date.now())}`]) {
      const res = await status(cookie);
      expect(res.status).toBe(401);
      expect(res.body).not.toContain('"ok":true');
    }
    expect((await call('POST', '/api/getStatus', { ...JSON_CSRF, authorization: `Bearer ${s}` }, '{}')).status).toBe(200);
    const cookie = cookieOf(await login(codeOf(await server.loginUrl())));
    expect((await call('POST', '/api/getStatus', { ...JSON_CSRF, authorization: `Bearer ${cookie.split('=')[1]}` }, '{}')).status).toBe(401);
  });

  it('with the cookie, state-changing requests still need the CSRF header and JSON, and cross-origin callers are refused', async () => {
    const cookie = cookieOf(await login(codeOf(await server.loginUrl())));
    const run = (headers: Record<string, string>) => call('POST', '/api/runJobNow', { cookie, ...headers }, '{"instanceId":"radarr","jobId":"upgrade"}');
    expect((await run({ 'content-type': 'application/json' })).status).toBe(403);
    expect((await run({ 'x-trawlarr-request': '1', 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await run({ ...JSON_CSRF, origin: 'http://evil.example' })).status).toBe(403);
    expect((await run({ ...JSON_CSRF, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await run({ ...JSON_CSRF, host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await run({ ...JSON_CSRF, origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('survives a restart on the same port and data directory', async () => {
    const cookie = cookieOf(await login(codeOf(await server.loginUrl())));
    const port = server.port;
    await server.close();
    server = await start(port);
    expect((await status(cookie)).status).toBe(200);
  });

  it('an old session is renewed when the page asks for it, a fresh one is left alone', async () => {
    const s = await secret();
    const name = `trawlarr_session_${server.port}`;
    const old = await call('GET', '/api/session', { cookie: `${name}=${createSessionValue(s, Date.now() - 2 * 86_400_000)}` });
    expect(old.status).toBe(200);
    expect(cookieOf(old)).toMatch(new RegExp(`^${name}=`));
    const expired = await call('GET', '/api/session', { cookie: `${name}=${createSessionValue(s, Date.now() - 31 * 86_400_000)}` });
    expect(expired.status).toBe(401);
    const fresh = await call('GET', '/api/session', { cookie: cookieOf(await login(codeOf(await server.loginUrl()))) });
    expect(fresh.headers['set-cookie']).toBeUndefined();
  });

  it('rotating the secret revokes every session and every unused link, and ends open event streams', async () => {
    const cookie = cookieOf(await login(codeOf(await server.loginUrl())));
    const unused = codeOf(await server.loginUrl());
    const oldSecret = await secret();
    const stream = await openStream(cookie);
    expect(stream.status).toBe(200);
    await rotateSecret(dataDir);
    expect(await secret()).not.toBe(oldSecret);
    const after = await status(cookie);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body).error.message).toContain('expired or was revoked');
    expect((await login(unused)).status).toBe(401);
    await stream.ended;
    expect((await call('POST', '/api/getStatus', { ...JSON_CSRF, authorization: `Bearer ${oldSecret}` }, '{}')).status).toBe(401);
    expect((await status(cookieOf(await login(codeOf(await server.loginUrl()))))).status).toBe(200);
  });
});
