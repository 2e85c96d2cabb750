/**
 * The renderer's one API over its two transports: the preload bridge when present, otherwise HTTP
 * to the real browser-mode server (127.0.0.1, login link exchanged for a session cookie, CSRF
 * header, event stream), with a browser's cookie jar around Node's fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { CHANNEL_NAMES, ContractError, dispatch, type TrawlarrBridge } from '../../src/shared/contract';
import { startUiServer, type UiServer } from '../../src/server/index';
import { NO_SESSION_MESSAGE, openSession, selectTransport } from '../../src/renderer/api/select';
import { cookieJar } from '../server/cookie-jar';
import { createFakeService } from './fake/service';

describe('transport selection', () => {
  const service = createFakeService({ instances: 2, historyEntries: 300 });
  let server: UiServer;
  beforeAll(async () => {
    server = await startUiServer({ service, staticDir: resolve('out/renderer') });
  });
  afterAll(() => server.close());

  it('uses the preload bridge when window.trawlarr exists', async () => {
    // an in-process bridge doing what main does with each IPC message: validate, call, validate
    const bridge = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (req?: unknown) => dispatch(service, name, req)])) as unknown as TrawlarrBridge;
    bridge.on = () => () => undefined;
    const selected = selectTransport({ bridge });
    expect(selected.mode).toBe('desktop');
    const settings = await selected.api.getSettings();
    expect(settings.instances.map((i) => i.id)).toEqual(['radarr', 'sonarr']);
    await expect(selected.api.removeJob({ instanceId: 'nope', jobId: 'missing' })).rejects.toThrow('no instance "nope"');
  });

  it('exchanges a login link for a cookie, removes it from the address bar, and a used link is refused', async () => {
    const jar = cookieJar();
    const hash = new URL(await server.loginUrl()).hash;
    const hashes: string[] = [];
    expect(await openSession({ hash, replaceHash: (h) => hashes.push(h), fetch: jar.fetch, baseUrl: server.origin })).toBeUndefined();
    expect(hashes).toEqual(['#/dashboard']);
    expect(jar.cookies.size).toBe(1);
    // a reload: no code in the URL any more, the cookie is enough
    expect(await openSession({ hash: '#/jobs', replaceHash: (h) => hashes.push(h), fetch: jar.fetch, baseUrl: server.origin })).toBeUndefined();
    expect(hashes).toHaveLength(1);
    // the same link in another browser
    const other = cookieJar();
    const problem = await openSession({ hash, replaceHash: () => undefined, fetch: other.fetch, baseUrl: server.origin });
    expect(problem).toContain('already used');
    expect(other.cookies.size).toBe(0);
  });

  it('speaks HTTP to the browser-mode server with the session cookie', async () => {
    const jar = cookieJar();
    await openSession({ hash: new URL(await server.loginUrl()).hash, replaceHash: () => undefined, fetch: jar.fetch, baseUrl: server.origin });
    const selected = selectTransport({ bridge: undefined, fetch: jar.fetch, baseUrl: server.origin });
    expect(selected.mode).toBe('browser');
    const status = await selected.api.getStatus();
    expect(status.instances).toHaveLength(2);
    const page = await selected.api.queryHistory({ limit: 10 });
    expect(page.entries).toHaveLength(10);
    expect(page.total).toBe(300);
    // a field-level rejection arrives as a ContractError carrying the field
    const err = await selected.api.saveJob({ instanceId: 'radarr', job: { id: 'missing', type: 'missing', tag: 'Bad Tag' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).issueFor(['job', 'tag'])).toBe('tag may contain only a-z, 0-9 and -');
  });

  it('says how to log in when the browser has no session, and the server refuses its calls', async () => {
    const jar = cookieJar();
    expect(await openSession({ hash: '', replaceHash: () => undefined, fetch: jar.fetch, baseUrl: server.origin })).toBe(NO_SESSION_MESSAGE);
    const selected = selectTransport({ bridge: undefined, fetch: jar.fetch, baseUrl: server.origin });
    await expect(selected.api.getStatus()).rejects.toBeInstanceOf(ContractError);
  });

  it('delivers pushed status events over the HTTP event stream, and unsubscribes', async () => {
    const jar = cookieJar();
    await openSession({ hash: new URL(await server.loginUrl()).hash, replaceHash: () => undefined, fetch: jar.fetch, baseUrl: server.origin });
    const selected = selectTransport({ bridge: undefined, fetch: jar.fetch, baseUrl: server.origin });
    const before = (await selected.api.getStatus()).instances[0].jobs[0];
    const received = new Promise<number>((resolveDone) => {
      const off = selected.api.on('status', (s) => {
        const job = s.instances[0].jobs[0];
        if (job.done !== before.done) {
          off();
          resolveDone(job.done);
        }
      });
    });
    // give the stream a moment to connect before the event is pushed
    await new Promise((r) => setTimeout(r, 200));
    await selected.api.runJobNow({ instanceId: before.instanceId, jobId: before.jobId });
    expect(await received).toBe(Math.min(before.eligible, before.done + 10));
  });
});
