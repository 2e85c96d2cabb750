/**
 * The one error type the Radarr/Sonarr clients throw. Its message is meant for the user (tray
 * notification, run log, CLI): it names the instance, says what went wrong and what to check.
 *
 * Safe to log whole: it keeps only plain fields (never the axios error, its config or headers, which
 * carry the API key), and every text taken from the server passes through `scrubSecrets` first.
 */
import { type ArrKind } from './model';

export type ArrErrorKind =
  /** nothing listens at host:port */
  | 'connection-refused'
  /** the host name does not resolve (ENOTFOUND) or DNS did not answer (EAI_AGAIN) */
  | 'dns'
  /** the TLS handshake failed, e.g. a self-signed certificate without the per-instance opt-in */
  | 'tls'
  /** no complete answer within the request's timeout */
  | 'timeout'
  /** the connection closed before the answer was complete */
  | 'connection-reset'
  /** 401: the API key is wrong */
  | 'unauthorized'
  /** 404 on the API root: wrong URL base (or not an *arr at all) */
  | 'wrong-url-base'
  /** 404 on some other resource (e.g. an unknown command id) */
  | 'not-found'
  /** 503 "is starting up" that outlasted the retries */
  | 'starting-up'
  /** any other 503 that outlasted the retries */
  | 'unavailable'
  /** a 3xx: Trawlarr does not follow redirects (the key would travel with them) */
  | 'redirect'
  /** an HTML page where JSON was expected: a login page or reverse proxy */
  | 'html'
  /** a body that is not the JSON expected */
  | 'invalid-response'
  /** 400: validation failures or a bad-request message */
  | 'bad-request'
  /** 409 */
  | 'conflict'
  /** 500 */
  | 'server-error'
  /** any other unexpected status */
  | 'http'
  /** the app at the address is not the configured one (Sonarr where Radarr was expected, or not an *arr) */
  | 'wrong-app'
  /** the address is link-local or a cloud metadata service: refused, nothing was sent (http/address-guard.ts) */
  | 'forbidden-address'
  /** the caller cancelled the request */
  | 'cancelled'
  /** a network failure not covered above */
  | 'network';

/** One FluentValidation failure as Radarr/Sonarr return them in a 400 array (spec/arr/NOTES.md §4). */
export interface ValidationFailure {
  propertyName: string;
  errorMessage: string;
}

export interface ArrErrorFields {
  kind: ArrErrorKind;
  /** the instance's name as the user set it */
  instance: string;
  app: ArrKind;
  /** HTTP status, when the server answered */
  status?: number;
  /** "GET /api/v3/movie" (path without query string) */
  request?: string;
  /** 400 validation failures */
  failures?: ValidationFailure[];
}

export class ArrError extends Error implements ArrErrorFields {
  readonly kind: ArrErrorKind;
  readonly instance: string;
  readonly app: ArrKind;
  readonly status?: number;
  readonly request?: string;
  readonly failures?: ValidationFailure[];

  constructor(fields: ArrErrorFields, message: string) {
    super(message);
    this.name = 'ArrError';
    this.kind = fields.kind;
    this.instance = fields.instance;
    this.app = fields.app;
    if (fields.status !== undefined) this.status = fields.status;
    if (fields.request !== undefined) this.request = fields.request;
    if (fields.failures !== undefined) this.failures = fields.failures;
  }

  /** A transient condition: worth trying again at the next run rather than reporting a setup problem. */
  get transient(): boolean {
    return ['timeout', 'connection-reset', 'starting-up', 'unavailable', 'server-error', 'dns', 'network'].includes(this.kind);
  }

  toJSON(): ArrErrorFields & { message: string } {
    return { kind: this.kind, instance: this.instance, app: this.app, status: this.status, request: this.request, failures: this.failures, message: this.message };
  }
}

export const APP_NAMES: Record<ArrKind, string> = { radarr: 'Radarr', sonarr: 'Sonarr' };

/** Removes the API key and any `apikey=` query value from text that may have come from a server or a library. */
export function scrubSecrets(text: string, apiKey: string): string {
  let out = text.replace(/(apikey=)[^&\s"'<>]*/gi, '$1***').replace(/(x-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1***');
  if (apiKey.length >= 4) out = out.split(apiKey).join('***');
  return out;
}
