import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ContractError, createApi, createHttpBridge, httpPath, type EngineStatus } from '../../src/shared/contract';
import { startUiServer, type UiServer } from '../../src/server';
import { createFakeService, STORED_KEYS, sampleStatus } from '../contract/fake-service';
import { SAMPLE_REQUESTS } from '../contract/sample-requests';
import { apiHeaders, raw } from './http-helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-ui-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function withServer<T>(leaky: boolean, fn: (server: UiServer, service: ReturnType<typeof createFakeService>) => Promise<T>): Promise<T> {
  const service = createFakeService({ leaky });
  const server = await startUiServer({ service, staticDir: dir });
  try {
    return await fn(server, service);
  } finally {
    await server.close();
  }
}

describe('no response of any channel contains a stored key', () => {
  for (const leaky of [false, true]) {
    it(`${leaky ? 'even from a leaky backend' : 'from a correct backend'}: every channel, serialized`, async () => {
      const results: Record<string, number> = {};
      for (const name of CHANNEL_NAMES) {
        // a fresh backend per channel, so removals and imports do not hide later channels' data
        await withServer(leaky, async (server) => {
          const res = await raw(server.port, 'POST', httpPath(name), apiHeaders(server.token), JSON.stringify(SAMPLE_REQUESTS[name] ?? {}));
          results[name] = res.status;
          for (const key of STORED_KEYS) expect(res.body, name).not.toContain(key);
          for (const key of STORED_KEYS) expect(JSON.stringify(res.headers), name).not.toContain(key);
        });
      }
      // the channels really ran (a 400 everywhere would prove nothing)
      const ok = Object.entries(results).filter(([, status]) => status === 200).map(([name]) => name);
      const expectedFailures = leaky ? ['testConnection', 'setLaunchAtLogin'] : ['setLaunchAtLogin'];
      expect(ok.sort()).toEqual(CHANNEL_NAMES.filter((n) => !expectedFailures.includes(n)).sort());
    });
  }

  it('events on the stream carry no key either', async () => {
    await withServer(true, async (server, service) => {
      const bridge = createHttpBridge({ baseUrl: server.origin, token: server.token });
      const received: string[] = [];
      const got = new Promise<void>((resolve) => {
        bridge.on('status', (status) => {
          received.push(JSON.stringify(status));
          resolve();
        });
      });
      // the stream is open once the server sees a subscriber
      await waitFor(() => service.subscribeCount() > 0);
      service.emit({ event: 'status', payload: { ...sampleStatus(), apiKey: STORED_KEYS[0] } as EngineStatus });
      await got;
      expect(received[0]).toContain('"instances"');
      for (const key of STORED_KEYS) expect(received[0]).not.toContain(key);
    });
  });
});

describe('the HTTP bridge gives the renderer the same API', () => {
  it('calls, field errors and event subscription with unsubscribe', async () => {
    await withServer(false, async (server, service) => {
      const api = createApi(createHttpBridge({ baseUrl: server.origin, token: server.token }));
      expect((await api.getStatus()).instances[0].name).toBe('Radarr 4K');

      const saved = await api.saveInstance({ id: 'radarr', name: 'Radarr UHD', kind: 'radarr', url: 'http://127.0.0.1:7878' });
      expect(saved.instances[0]).toMatchObject({ name: 'Radarr UHD', apiKeyMasked: '••••1a2b' });
      expect(service.settings.instances[0].apiKey).toBe(STORED_KEYS[0]); // omitted key = kept

      const error = await api.saveJob({ instanceId: 'radarr', job: { id: 'New Job', type: 'missing' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).issueFor(['job', 'id'])).toMatch(/job id must be/);

      const statuses: EngineStatus[] = [];
      const unsubscribe = api.on('status', (s) => statuses.push(s));
      await waitFor(() => service.subscribeCount() > 0);
      service.emit({ event: 'status', payload: sampleStatus('2025-02-01T00:00:00.000Z') });
      await waitFor(() => statuses.length === 1);
      expect(statuses[0].at).toBe('2025-02-01T00:00:00.000Z');
      unsubscribe();
      await waitFor(() => service.subscribeCount() === 0);
    });
  });

  it('a wrong Bearer token surfaces as a clear error', async () => {
    await withServer(false, async (server) => {
      const api = createApi(createHttpBridge({ baseUrl: server.origin, token: 'not-the-token' }));
      await expect(api.getStatus()).rejects.toThrow('this session has expired or was revoked');
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
