/**
 * Security finding 9.1: with a valid UI session (or a compromised renderer) a stored API key could
 * be sent anywhere. Each path of the finding is replayed against the real browser-mode server
 * (session token and all), backed by a real engine host and a simulated Radarr, while a trap
 * listener on 127.0.0.1 records every request it gets: no X-Api-Key, no environment value, no
 * request at all may arrive there.
 */
import dns from 'node:dns';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../src/engine/host';
import { forbiddenHost } from '../../src/arr';
import { httpPath, type ChannelName, type Envelope } from '../../src/shared/contract';
import { startUiServer, type UiServer } from '../../src/server';
import { startSimulator, type Simulator } from '../../src/simulator';
import { instanceOf, openHost, settingsOf, tempDir } from '../engine/host/support';
import { apiHeaders, raw } from './http-helpers';

const ENV = { TRAWLARR_TEST_RADARR_KEY: '', HOME: '/home/trawlarr-private-home', SECRET_VAR: 'secret-env-value-0123456789abcdef' };

interface Trap {
  port: number;
  url: string;
  seen: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A listener that answers like Radarr would, so a leaked request would even "succeed". */
async function startTrap(): Promise<Trap> {
  const seen: Trap['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ appName: 'Radarr', instanceName: 'Trap', version: '5.14.0.9383' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Names a test DNS would answer (this machine has no DNS of its own); anything else: the system's lookup. */
const NAMES: Record<string, string[]> = {
  'radarr.example.test': ['169.254.169.254', '127.0.0.1'],
  'metadata.google.internal': ['127.0.0.1'],
  'nas.example.test': ['127.0.0.1'],
};
const testLookup: LookupFunction = (hostname, options, callback) => {
  const answer = NAMES[hostname];
  if (!answer) return dns.lookup(hostname, options, callback);
  if (options.all) return callback(null, answer.map((address) => ({ address, family: isIP(address) })));
  callback(null, answer[0], isIP(answer[0]));
};

let radarr: Simulator;
let trap: Trap;
let host: EngineHost;
let ui: UiServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 91, size: 'tiny' });
  trap = await startTrap();
  ENV.TRAWLARR_TEST_RADARR_KEY = radarr.apiKey;
  const tmp = await tempDir();
  const settings = settingsOf([
    instanceOf(radarr, 'radarr', { name: 'Radarr' }),
    instanceOf(radarr, 'radarr-env', { name: 'Radarr from env', apiKey: 'env:TRAWLARR_TEST_RADARR_KEY' }),
  ]);
  host = (await openHost(settings, tmp.dir, { env: ENV, lookup: testLookup })).host;
  ui = await startUiServer({ service: host.service, staticDir: tmp.dir });
  cleanup = async () => {
    await ui.close();
    await host.stop();
    await Promise.all([radarr.close(), trap.close()]);
    await tmp.remove();
  };
});
afterAll(() => cleanup());

// every path: nothing at all reached the trap (so no key and no environment value either)
afterEach(() => {
  const seen = trap.seen.splice(0);
  const arrived = JSON.stringify(seen);
  for (const secret of [radarr.apiKey, ENV.HOME, ENV.SECRET_VAR]) expect(arrived).not.toContain(secret);
  expect(seen).toEqual([]);
});

/** One channel through the browser-mode server with a valid session, as the renderer calls it. */
async function call(channel: ChannelName, request: unknown): Promise<Envelope<unknown>> {
  const res = await raw(ui.port, 'POST', httpPath(channel), apiHeaders(ui.token), JSON.stringify(request));
  for (const secret of [radarr.apiKey, ENV.HOME, ENV.SECRET_VAR]) expect(res.body).not.toContain(secret);
  return JSON.parse(res.body) as Envelope<unknown>;
}

const stored = (id: string) => host.settings().instances.find((i) => i.id === id);

describe('security finding 9.1: a stored key never leaves its instance', () => {
  it('testConnection with useStoredKeyOf sends the stored key only to the address it was saved with', async () => {
    for (const [instanceId, url] of [
      ['radarr', trap.url],
      ['radarr-env', trap.url],
      // same host, other base path; same host, other scheme
      ['radarr', `${radarr.url}/elsewhere`],
      ['radarr', radarr.url.replace('http:', 'https:')],
    ]) {
      const refused = await call('testConnection', { url, kind: 'radarr', useStoredKeyOf: instanceId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: ['apiKey'], field: 'apiKey' }] } });
      expect(!refused.ok && refused.error.message).toContain(`instance "${instanceId}" changed from ${radarr.url}`);
    }
    // the saved address, written a little differently, still tests with the stored key
    expect(await call('testConnection', { url: `${radarr.url}/`, kind: 'radarr', useStoredKeyOf: 'radarr' })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('testConnection', { url: radarr.url, kind: 'radarr', useStoredKeyOf: 'radarr-env' })).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('testConnection with a typed env: reference is refused: the backend never reads its environment for the UI', async () => {
    for (const apiKey of ['env:SECRET_VAR', ' env:HOME', 'ENV:SECRET_VAR']) {
      const refused = await call('testConnection', { url: trap.url, kind: 'radarr', apiKey });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(!refused.ok && refused.error.message).toContain('env:VARIABLE references can only be written in the config file');
    }
  });

  it('saveInstance cannot create an env: reference, nor move a stored key or reference to another address', async () => {
    // the attack: store a reference to any variable (or move a stored key) at the trap, then test it
    const created = await call('saveInstance', { id: 'evil', name: 'Evil', kind: 'radarr', url: trap.url, apiKey: 'env:HOME' });
    const tested = await call('testConnection', { url: trap.url, kind: 'radarr', useStoredKeyOf: 'evil' });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: ['apiKey'] }] } });
    expect(tested).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const id of ['radarr', 'radarr-env']) {
      const moved = await call('saveInstance', { id, name: 'Moved', kind: 'radarr', url: trap.url });
      const movedTest = await call('testConnection', { url: trap.url, kind: 'radarr', useStoredKeyOf: id });
      expect(moved).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: ['apiKey'], field: 'apiKey' }] } });
      expect(!moved.ok && moved.error.message).toContain(`apiKey: the address of instance "${id}" changed from ${radarr.url} to ${trap.url}: type the API key again`);
      expect(movedTest).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      const retyped = await call('saveInstance', { id, name: 'Moved', kind: 'radarr', url: trap.url, apiKey: 'env:TRAWLARR_TEST_RADARR_KEY' });
      expect(retyped).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(stored('evil')).toBeUndefined();
    expect(stored('radarr')).toMatchObject({ url: radarr.url, apiKey: radarr.apiKey });
    expect(stored('radarr-env')).toMatchObject({ url: radarr.url, apiKey: 'env:TRAWLARR_TEST_RADARR_KEY' });

    // an env reference stays when the UI sends no key and the address is the same
    expect(await call('saveInstance', { id: 'radarr-env', name: 'Renamed', kind: 'radarr', url: `${radarr.url}/` })).toMatchObject({ ok: true });
    expect(stored('radarr-env')).toMatchObject({ name: 'Renamed', apiKey: 'env:TRAWLARR_TEST_RADARR_KEY' });
    await host.whenIdle();
  });

  it('importSettings cannot move a stored key or add an env: reference either', async () => {
    const doc = { version: 1, instances: [{ id: 'radarr', name: 'Radarr', kind: 'radarr', url: trap.url }] };
    const moved = await call('importSettings', { json: JSON.stringify(doc) });
    const movedTest = await call('testConnection', { url: trap.url, kind: 'radarr', useStoredKeyOf: 'radarr' });
    const added = { version: 1, instances: [{ id: 'imported', name: 'Imported', kind: 'radarr', url: trap.url, apiKey: 'env:SECRET_VAR' }] };
    const addedImport = await call('importSettings', { json: JSON.stringify(added) });
    const addedTest = await call('testConnection', { url: trap.url, kind: 'radarr', useStoredKeyOf: 'imported' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ field: 'instances["radarr"].apiKey' }] } });
    expect(movedTest).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(addedImport).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ field: 'instances["imported"].apiKey' }] } });
    expect(addedTest).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(stored('radarr')?.url).toBe(radarr.url);
  });

  it('connection tests refuse link-local and cloud metadata addresses, also behind a DNS name, and send nothing', { timeout: 60_000 }, async () => {
    const port = trap.port;
    const urls = [
      'http://169.254.169.254/latest/meta-data',
      'http://[fe80::1]:7878',
      'http://100.100.100.200/latest/meta-data',
      'http://[fd00:ec2::254]/',
      'http://[::ffff:169.254.169.254]/',
      // names: one resolving to a link-local address (and the trap), one a metadata service's own name
      `http://radarr.example.test:${port}`,
      `http://metadata.google.internal:${port}/computeMetadata/v1`,
    ];
    const results = await Promise.all(urls.map((url) => call('testConnection', { url, kind: 'radarr', apiKey: radarr.apiKey })));
    for (const [n, result] of results.entries()) {
      expect(result, urls[n]).toMatchObject({ ok: true, value: { ok: false, reason: 'forbidden-address' } });
      expect(JSON.stringify(result), urls[n]).toMatch(/link-local or cloud metadata|cloud metadata service/);
    }
    // a name pointing at this machine is fine: loopback (and the LAN) is where Radarr lives
    expect(await call('testConnection', { url: `http://nas.example.test:${radarr.port}`, kind: 'radarr', apiKey: radarr.apiKey })).toMatchObject({ ok: true, value: { ok: true } });
    for (const allowed of ['127.0.0.1', '::1', 'localhost', '192.168.1.20', '10.0.0.5', '172.16.4.2', 'fd12:3456::1', 'nas.lan']) expect(forbiddenHost(allowed), allowed).toBeUndefined();
  });
});
