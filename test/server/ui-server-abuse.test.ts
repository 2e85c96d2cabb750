/**
 * The browser-mode server against a hostile or careless client (issue 9, finding 7, and the API
 * bodies of finding 6): the real server on 127.0.0.1, raw sockets where an HTTP client would not
 * misbehave, and behaviour measured from outside (bytes the server accepted, time to answer).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type UiServer } from '../../src/server';
import { createFakeService, sampleStatus } from '../contract/fake-service';
import { apiHeaders, raw } from './http-helpers';
import { openRaw, requestHead } from './raw-socket';

const MB = 1024 * 1024;
let dir: string;
let staticDir: string;
let server: UiServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-ui-abuse-'));
  staticDir = join(dir, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  server = await startUiServer({ service: createFakeService(), staticDir });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const head = (path: string, extra: Record<string, string>, token = server.token) =>
  requestHead('POST', path, { host: `127.0.0.1:${server.port}`, ...(token ? apiHeaders(token) : {}), ...extra });

describe('security finding 9.7: the body limit stops reading', () => {
  it('a body over the limit is answered 413 and the connection closed, without reading the rest', async () => {
    const conn = await openRaw(server.port);
    conn.socket.write(head('/api/importSettings', { 'transfer-encoding': 'chunked' }));
    const accepted = await conn.stream(100 * MB, true);
    await conn.closedWithin(5000);
    expect(conn.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(conn.received()).toContain('request body too large');
    // the largest limit (the import, 2 MB) plus what the kernel buffers on both ends; before: all 100 MB
    expect(accepted).toBeLessThan(24 * MB);
  });

  it('a Content-Length over the limit is refused before any of the body is read', async () => {
    const conn = await openRaw(server.port);
    conn.socket.write(head('/api/importSettings', { 'content-length': String(200 * MB) }));
    await conn.closedWithin(3000);
    expect(conn.received()).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('a refused request (no token) does not get its body drained either', async () => {
    const conn = await openRaw(server.port);
    conn.socket.write(head('/api/getStatus', { 'content-length': String(100 * MB) }, ''));
    const accepted = await conn.stream(100 * MB, false);
    await conn.closedWithin(5000);
    expect(conn.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(accepted).toBeLessThan(24 * MB);
  });

  it('an ordinary channel takes a few kB, not megabytes', async () => {
    const res = await raw(server.port, 'POST', '/api/saveAppSettings', apiHeaders(server.token), JSON.stringify({ horizonDays: 30, pad: 'x'.repeat(100 * 1024) }));
    expect(res.status).toBe(413);
  });
});

describe('security finding 9.7: nesting is limited before JSON.parse', () => {
  it('a 12 MB deeply nested body does not hold up other requests', async () => {
    const hostile = await openRaw(server.port);
    hostile.socket.write(head('/api/getStatus', { 'transfer-encoding': 'chunked' }));
    // under the old 16 MB limit: JSON.parse alone took about 6 s on it
    const body = '['.repeat(6 * MB) + ']'.repeat(6 * MB);
    hostile.socket.write(`${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
    let slowest = 0;
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const answer = raw(server.port, 'POST', '/api/getStatus', apiHeaders(server.token), '{}').then((r) => r.status);
      const late = new Promise<string>((r) => setTimeout(() => r('no answer within 2.5 s'), 2500).unref());
      expect(await Promise.race([answer, late])).toBe(200);
      slowest = Math.max(slowest, Date.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    await hostile.closedWithin(10_000).catch(() => undefined);
    // a request takes milliseconds (more on a loaded machine); parsing the hostile body blocked everything for seconds
    expect(slowest).toBeLessThan(2500);
    expect(hostile.received()).toMatch(/^HTTP\/1\.1 4\d\d /);
  });

  it('a small body nested too deep is refused naming the limit, not parsed', async () => {
    const res = await raw(server.port, 'POST', '/api/getStatus', apiHeaders(server.token), '{"a":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/^getStatus: a\[0\]\[0\].*: nested deeper than 32 levels$/);
  });
});

describe('security finding 9.6: API bodies with prototype keys', () => {
  it('constructor, toString or __proto__ in a request is refused naming the field, and pollutes nothing', async () => {
    const bodies = [
      { text: JSON.stringify({ instanceId: 'radarr', job: { id: 'x', type: 'missing', constructor: { enabled: false } } }), field: 'job', key: 'constructor' },
      { text: '{"instanceId":"radarr","job":{"id":"x","type":"missing","__proto__":{"polluted":true}}}', field: 'job', key: '__proto__' },
      { text: '{"instanceId":"radarr","job":{"id":"x","type":"missing","filters":{"toString":1}}}', field: 'job.filters', key: 'toString' },
    ];
    for (const { text, field, key } of bodies) {
      const res = await raw(server.port, 'POST', '/api/saveJob', apiHeaders(server.token), text);
      expect(res.status, text).toBe(400);
      expect(JSON.parse(res.body).error.message).toBe(`saveJob: ${field}: unknown field "${key}"`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('security finding 9.7: slow requests are dropped, the event stream is not', () => {
  let quick: UiServer;
  const service = createFakeService();
  beforeAll(async () => {
    quick = await startUiServer({ service, staticDir, timeouts: { headersMs: 500, requestMs: 1500, bodyIdleMs: 500 } });
  });
  afterAll(async () => quick.close());
  const quickHead = (extra: Record<string, string>) => requestHead('POST', '/api/getStatus', { host: `127.0.0.1:${quick.port}`, ...apiHeaders(quick.token), ...extra });

  it('headers that never end are dropped', async () => {
    const conn = await openRaw(quick.port);
    conn.socket.write(`POST /api/getStatus HTTP/1.1\r\nhost: 127.0.0.1:${quick.port}\r\n`);
    await conn.closedWithin(4000);
  });

  it('a body that stops arriving is dropped with 408', async () => {
    const conn = await openRaw(quick.port);
    conn.socket.write(quickHead({ 'content-length': '1000' }) + '{"a":');
    await conn.closedWithin(4000);
    expect(conn.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a body trickling in below the idle time is dropped at the request timeout', async () => {
    const conn = await openRaw(quick.port);
    conn.socket.write(quickHead({ 'content-length': '1000' }));
    const trickle = setInterval(() => conn.isClosed() || conn.socket.write(' '), 200);
    try {
      await conn.closedWithin(5000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('the event stream stays open past every timeout and still delivers events', async () => {
    const conn = await openRaw(quick.port);
    conn.socket.write(requestHead('GET', '/api/events', { host: `127.0.0.1:${quick.port}`, authorization: `Bearer ${quick.token}` }));
    await new Promise((r) => setTimeout(r, 2500));
    expect(conn.isClosed()).toBe(false);
    service.emit({ event: 'status', payload: sampleStatus('2025-03-01T00:00:00.000Z') });
    const end = Date.now() + 3000;
    while (!conn.received().includes('2025-03-01T00:00:00.000Z') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(conn.received()).toContain('event: status');
    expect(conn.received()).toContain('2025-03-01T00:00:00.000Z');
    conn.socket.destroy();
  });
});

/** An address of this machine that is not loopback: connecting to it makes this process a LAN peer. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((nic) => nic && !nic.internal && nic.family === 'IPv4')?.address;

describe('security finding 9.7: binding beyond loopback is opt-in, and Host is not spoofable', () => {
  it('a non-loopback address is refused without allowRemote', async () => {
    const started = startUiServer({ service: createFakeService(), staticDir, host: '0.0.0.0' });
    const outcome = await started.then(
      async (s) => (await s.close(), 'listening'),
      (e: Error) => e.message,
    );
    expect(outcome).toBe('0.0.0.0 is not a loopback address: serving the UI beyond this machine needs allowRemote');
  });

  it.skipIf(!lanAddress)('bound to every address: loopback names only from this machine, the machine\'s addresses and declared names from the LAN', async () => {
    const wide = await startUiServer({ service: createFakeService(), staticDir, host: '0.0.0.0', allowRemote: true, allowedHostNames: ['nas.lan'] });
    try {
      const fromLan = (host: string) => raw(wide.port, 'POST', '/api/getStatus', { ...apiHeaders(wide.token), host: `${host}:${wide.port}` }, '{}', lanAddress);
      expect((await fromLan('127.0.0.1')).status).toBe(403);
      expect((await fromLan('localhost')).status).toBe(403);
      expect((await fromLan('evil.example')).status).toBe(403);
      expect((await fromLan(lanAddress!)).status).toBe(200);
      expect((await fromLan('nas.lan')).status).toBe(200);
      // an SSH tunnel arrives on loopback with a loopback Host
      expect((await raw(wide.port, 'POST', '/api/getStatus', apiHeaders(wide.token), '{}')).status).toBe(200);
      expect(wide.url).toBe(`http://127.0.0.1:${wide.port}/`);
      expect(wide.remoteOrigins).toEqual(expect.arrayContaining([`http://${lanAddress}:${wide.port}`, `http://nas.lan:${wide.port}`]));
    } finally {
      await wide.close();
    }
  });

  it.skipIf(!lanAddress)('bound to one LAN address: that address, not a spoofed loopback name', async () => {
    const one = await startUiServer({ service: createFakeService(), staticDir, host: lanAddress, allowRemote: true });
    try {
      const call = (host: string) => raw(one.port, 'POST', '/api/getStatus', { ...apiHeaders(one.token), host: `${host}:${one.port}` }, '{}', lanAddress);
      expect((await call('127.0.0.1')).status).toBe(403);
      expect((await call(lanAddress!)).status).toBe(200);
    } finally {
      await one.close();
    }
  });
});
