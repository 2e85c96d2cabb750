/**
 * One connection test for both the form's "Test connection" and the test a save runs first. The
 * key is the typed one, or the stored one (or the variable its env: reference names) only at the
 * address it was saved with (shared/contract/key-address.ts).
 */
import type { TestConnectionResult } from '../../../shared/contract/settings-schemas';
import type { InstanceSettings } from '../../../shared/settings';
import { APP_LABELS } from '../../../shared/words';
import { ArrError } from '../../../arr';
import { resolveApiKey, ConfigError } from '../../config';
import { connectionReason } from '../clients';
import type { ServiceHost } from './types';

export interface ConnectionTarget {
  name: string;
  kind: 'radarr' | 'sonarr';
  url: string;
  trustSelfSignedCert: boolean;
  /** typed in the form; else the stored instance's key is used */
  apiKey?: string;
  /** the instance whose stored key may be used (the caller has checked the address) */
  stored?: InstanceSettings;
}

export async function checkConnection(host: ServiceHost, target: ConnectionTarget): Promise<TestConnectionResult> {
  let apiKey: string;
  try {
    // a typed key is the key itself: only a stored key may be an env: reference
    apiKey = target.apiKey ?? (target.stored ? resolveApiKey(target.stored, host.env) : '');
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, reason: 'key-missing', message: error.message };
    throw error;
  }
  const client = host.clients.unstored({ name: target.name, kind: target.kind, url: target.url, trustSelfSignedCert: target.trustSelfSignedCert }, apiKey);
  try {
    const info = await host.activity.track(() => client.connect());
    return { ok: true, app: target.kind, version: info.version, ...(info.instanceName ? { instanceName: info.instanceName } : {}) };
  } catch (error) {
    if (error instanceof ArrError) return { ok: false, reason: connectionReason(error), message: error.message };
    if (error instanceof TypeError) return { ok: false, reason: 'invalid-url', message: error.message };
    throw error;
  } finally {
    client.close();
  }
}

/** Why a save is refused after its test, or undefined when the instance answered as the app it is configured as. */
export function connectionProblem(result: TestConnectionResult, kind: 'radarr' | 'sonarr'): string | undefined {
  if (!result.ok) return result.message;
  if (result.app !== kind) return `the address answers as ${APP_LABELS[result.app]} ${result.version}, not ${APP_LABELS[kind]}.`;
  return undefined;
}
