/**
 * One Radarr/Sonarr client per configured instance, with its key resolved (`env:VARIABLE`) and
 * never logged. A client is kept across settings changes while its address, key, kind and TLS
 * choice stay the same (its connection pool and detected version with it), and replaced otherwise.
 */
import { ArrError, createArrClient, type AnyArrClient, type LookupFunction, type RetryPolicy } from '../../arr';
import type { InstanceSettings } from '../../shared/settings';
import { resolveApiKey, type Env } from '../config';
import type { Clock } from '../scheduler/clock';
import type { FailureState } from '../scheduler/backoff';

interface Entry {
  fingerprint: string;
  client: AnyArrClient;
}

export class InstanceClients {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly env: Env,
    private readonly clock: Clock,
    /** the DNS lookup under the clients' address guard (default: the system's) */
    private readonly lookup?: LookupFunction,
    private readonly retry?: Partial<RetryPolicy>,
  ) {}

  /** The client of this instance as configured now. Throws a ConfigError when an `env:` key does not resolve. */
  get(instance: InstanceSettings): AnyArrClient {
    const apiKey = resolveApiKey(instance, this.env);
    const fingerprint = JSON.stringify([instance.kind, instance.url, instance.name, instance.trustSelfSignedCert, apiKey]);
    const existing = this.entries.get(instance.id);
    if (existing?.fingerprint === fingerprint) return existing.client;
    existing?.client.close();
    const client = createClient(instance, apiKey, this.clock, { lookup: this.lookup, retry: this.retry });
    this.entries.set(instance.id, { fingerprint, client });
    return client;
  }

  /** The client if one exists (status: the detected version). */
  peek(instanceId: string): AnyArrClient | undefined {
    return this.entries.get(instanceId)?.client;
  }

  /** Closes clients of instances no longer configured. */
  retain(instanceIds: Iterable<string>): void {
    const keep = new Set(instanceIds);
    for (const [id, entry] of this.entries) {
      if (keep.has(id)) continue;
      entry.client.close();
      this.entries.delete(id);
    }
  }

  closeAll(): void {
    this.retain([]);
  }

  /** A client for an address and key that are not (or not yet) stored: test connection. Not kept: close it. */
  unstored(instance: Pick<InstanceSettings, 'name' | 'kind' | 'url' | 'trustSelfSignedCert'>, apiKey: string): AnyArrClient {
    return createClient(instance, apiKey, this.clock, { lookup: this.lookup, retry: this.retry });
  }
}

function createClient(
  instance: Pick<InstanceSettings, 'name' | 'kind' | 'url' | 'trustSelfSignedCert'>,
  apiKey: string,
  clock: Clock,
  transport: { lookup?: LookupFunction; retry?: Partial<RetryPolicy> } = {},
): AnyArrClient {
  return createArrClient(
    { name: instance.name, kind: instance.kind, url: instance.url, apiKey, trustSelfSignedCert: instance.trustSelfSignedCert },
    // retry waits go through the engine's clock, so a test's fake clock skips them
    { sleep: (ms) => clock.sleep(ms), lookup: transport.lookup, ...(transport.retry ? { retry: transport.retry } : {}) },
  );
}

/** What an error from a client says about the instance: an outage, or a problem with one call only. */
export function outageOf(error: unknown): FailureState | undefined {
  if (!(error instanceof ArrError)) return undefined;
  switch (error.kind) {
    case 'unauthorized':
      return 'key-rejected';
    case 'wrong-app':
      return 'wrong-app';
    case 'connection-refused':
    case 'dns':
    case 'tls':
    case 'timeout':
    case 'connection-reset':
    case 'starting-up':
    case 'unavailable':
    case 'html':
    case 'wrong-url-base':
    case 'redirect':
    case 'network':
    case 'forbidden-address':
      return 'down';
    default:
      return undefined;
  }
}

/** Errors that mean "cannot reach this instance or it refuses the key": the headless command exits 3. */
export function isConnectionFailure(error: unknown): error is ArrError {
  return outageOf(error) !== undefined;
}

/** The contract's connection-test categories (settings-schemas.ts testConnectionResultSchema). */
export function connectionReason(error: ArrError): string {
  switch (error.kind) {
    case 'unauthorized':
      return 'key-rejected';
    case 'tls':
      return 'certificate';
    case 'connection-refused':
    case 'dns':
    case 'timeout':
    case 'connection-reset':
    case 'network':
      return 'unreachable';
    default:
      return error.kind;
  }
}
