/**
 * Harness for the error tests: real servers on 127.0.0.1 and clients that are closed after each
 * test, plus `failure()`, which awaits a rejection and checks the error is a key-free ArrError.
 */
import { inspect } from 'node:util';
import { afterEach, expect } from 'vitest';
import { ArrError, RadarrClient, SonarrClient, type ArrClientOptions, type ArrInstance } from '../../../src/arr';
import { API_KEY, startServer, type Handler, type TestServer } from './test-server';

const noSleep = async () => {};

export function errorHarness() {
  const servers: TestServer[] = [];
  const clients: { close(): void }[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    async serve(handler: Handler, tls = false): Promise<TestServer> {
      const s = await startServer(handler, { tls });
      servers.push(s);
      return s;
    },
    /** A Radarr client named "Main" (backoff sleeps skipped unless `options.sleep` is given). */
    radarr(url: string, extra: Partial<ArrInstance> = {}, options: ArrClientOptions = {}): RadarrClient {
      const c = new RadarrClient({ name: 'Main', kind: 'radarr', url, apiKey: API_KEY, ...extra }, { sleep: noSleep, ...options });
      clients.push(c);
      return c;
    },
    sonarr(url: string): SonarrClient {
      const c = new SonarrClient({ name: 'TV', kind: 'sonarr', url, apiKey: API_KEY }, { sleep: noSleep });
      clients.push(c);
      return c;
    },
  };
}

/** Awaits the rejection and checks it is an ArrError with the key nowhere: message, stack, inspect, JSON. */
export async function failure(p: Promise<unknown>): Promise<ArrError> {
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
