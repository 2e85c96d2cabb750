/**
 * The renderer's one API over its two transports: the preload bridge when present, otherwise HTTP
 * to the real browser-mode server (127.0.0.1, session token, CSRF header, event stream).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { CHANNEL_NAMES, ContractError, dispatch, type TrawlarrBridge } from '../../src/shared/contract';
import { startUiServer, type UiServer } from '../../src/server/index';
import { selectTransport, takeToken } from '../../src/renderer/api/select';
import { createFakeService } from './fake/service';

const TOKEN = 'test-token-0123456789abcdef0123';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('transport selection', () => {
  const service = createFakeService({ instances: 2, historyEntries: 300 });
  let server: UiServer;
  beforeAll(async () => {
    server = await startUiServer({ service, staticDir: resolve('out/renderer'), token: TOKEN });
  });
  afterAll(() => server.close());

  it('uses the preload bridge when window.trawlarr exists, and never reads a token', async () => {
    // an in-process bridge doing what main does with each IPC message: validate, call, validate
    const bridge = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (req?: unknown) => dispatch(service, name, req)])) as unknown as TrawlarrBridge;
    bridge.on = () => () => undefined;
    const storage = memoryStorage();
    const hashes: string[] = [];
    const selected = selectTransport({ bridge, hash: '#token=abc', storage, replaceHash: (h) => hashes.push(h) });
    expect(selected.mode).toBe('desktop');
    expect(storage.map.size).toBe(0);
    expect(hashes).toEqual([]);
    const settings = await selected.api.getSettings();
    expect(settings.instances.map((i) => i.id)).toEqual(['radarr', 'sonarr']);
    await expect(selected.api.removeJob({ instanceId: 'nope', jobId: 'missing' })).rejects.toThrow('no instance "nope"');
  });

  it('takes the token from the URL fragment, keeps it for reloads, and removes it from the address bar', () => {
    const storage = memoryStorage();
    const hashes: string[] = [];
    expect(takeToken({ hash: `#token=${TOKEN}`, storage, replaceHash: (h) => hashes.push(h) })).toBe(TOKEN);
    expect(hashes).toEqual(['#/dashboard']);
    // a reload: no token in the URL any more, the tab still has it
    expect(takeToken({ hash: '#/jobs', storage, replaceHash: (h) => hashes.push(h) })).toBe(TOKEN);
    expect(hashes).toHaveLength(1);
  });

  it('speaks HTTP to the browser-mode server when there is no bridge', async () => {
    const selected = selectTransport({ bridge: undefined, hash: `#token=${TOKEN}`, storage: memoryStorage(), replaceHash: () => undefined, baseUrl: server.origin });
    expect(selected.mode).toBe('browser');
    expect(selected.missingToken).toBe(false);
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

  it('reports a missing token, and the server refuses its calls', async () => {
    const selected = selectTransport({ bridge: undefined, hash: '', storage: memoryStorage(), replaceHash: () => undefined, baseUrl: server.origin });
    expect(selected.missingToken).toBe(true);
    await expect(selected.api.getStatus()).rejects.toBeInstanceOf(ContractError);
  });

  it('delivers pushed status events over the HTTP event stream, and unsubscribes', async () => {
    const selected = selectTransport({ bridge: undefined, hash: `#token=${TOKEN}`, storage: memoryStorage(), replaceHash: () => undefined, baseUrl: server.origin });
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
