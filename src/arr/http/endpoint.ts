/**
 * Where an instance lives: the configured address turned into the base every API path hangs off,
 * plus a display form that is safe to show (no credentials, no query string).
 */
import { instanceLabel } from '../../shared/words';
import { type ArrKind } from '../model';

/** The per-instance part of the settings the clients need (see src/shared/settings.ts instanceSchema). */
export interface ArrInstance {
  /** the instance's name, used in every error message */
  name: string;
  kind: ArrKind;
  /** http(s)://host:port[/urlBase], with or without a trailing slash */
  url: string;
  /** the key itself (the settings layer resolves env:VARIABLE before it gets here) */
  apiKey: string;
  /** accept a self-signed TLS certificate for this instance only */
  trustSelfSignedCert?: boolean;
}

export interface Endpoint {
  /** origin + URL base, no trailing slash: `${base}/api/v3/...` is a request URL */
  base: string;
  /** the same without user:password, for messages */
  address: string;
  host: string;
  https: boolean;
}

export function resolveEndpoint(instance: Pick<ArrInstance, 'name' | 'kind' | 'url'>): Endpoint {
  let url: URL;
  try {
    url = new URL(instance.url.trim());
  } catch {
    throw new TypeError(`${instanceLabel(instance.kind, instance.name)}: the address is not a URL. Use a full address such as http://localhost:7878.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${instanceLabel(instance.kind, instance.name)}: the address must start with http:// or https:// (it starts with "${url.protocol}").`);
  }
  // A query string (someone pasting ...?apikey=...) is dropped: the key travels only in the header.
  // A pasted API path is dropped too: the clients add /api/v3 themselves.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api(\/v3)?$/i, '');
  const credentials = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return {
    base: `${url.protocol}//${credentials}${url.host}${path}`,
    address: `${url.protocol}//${url.host}${path}`,
    host: url.hostname,
    https: url.protocol === 'https:',
  };
}
