/**
 * The user-facing wording of every ArrError. One place, so messages stay consistent and the tests
 * can pin them exactly. Every message starts `Radarr "name": `, so a sentence after it does not
 * name the app again as its subject ("Radarr "x": Radarr failed…" read twice).
 */
import { instanceLabel } from '../../shared/words';
import { APP_NAMES, ArrError, scrubSecrets, type ArrErrorKind, type ValidationFailure } from '../errors';
import { type ArrKind } from '../model';

/** What an error needs to know about the instance. `apiKey` is used only to scrub text, never stored. */
export interface ErrorContext {
  instance: string;
  app: ArrKind;
  /** the configured address without credentials or query, e.g. http://host:7878/radarr */
  address: string;
  apiKey: string;
}

export type Problem =
  | { kind: 'connection-refused' }
  | { kind: 'dns'; host: string; temporary: boolean }
  | { kind: 'tls'; selfSigned: boolean; detail: string }
  | { kind: 'timeout'; request: string; timeoutMs: number }
  | { kind: 'connection-reset'; request: string }
  | { kind: 'unauthorized'; request: string }
  | { kind: 'wrong-url-base'; request: string }
  | { kind: 'not-found'; request: string }
  | { kind: 'starting-up'; request: string; attempts: number }
  | { kind: 'unavailable'; request: string; attempts: number }
  | { kind: 'redirect'; request: string; status: number; location: string }
  | { kind: 'html'; request: string; status: number; title: string }
  | { kind: 'invalid-response'; request: string; detail: string }
  | { kind: 'bad-request'; request: string; failures: ValidationFailure[]; detail: string }
  | { kind: 'conflict'; request: string; detail: string }
  | { kind: 'server-error'; request: string; detail: string }
  | { kind: 'http'; request: string; status: number; detail: string }
  | { kind: 'wrong-app'; found: { appName: string; version: string } | null }
  | { kind: 'forbidden-address'; detail: string }
  | { kind: 'cancelled'; request: string }
  | { kind: 'network'; request: string; detail: string };

const DEFAULT_PORT: Record<ArrKind, number> = { radarr: 7878, sonarr: 8989 };

export function formatDuration(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** ": detail" when there is one, so messages read the same with and without it. */
const withDetail = (detail: string) => (detail ? `: ${detail}` : '');

function message(p: Problem, app: string, kind: ArrKind, address: string): string {
  switch (p.kind) {
    case 'connection-refused':
      return `connection refused at ${address}. Is ${app} running, and is the port right?`;
    case 'dns':
      return p.temporary
        ? `the host name "${p.host}" could not be resolved: the DNS server did not answer. Check the network, or use the IP address.`
        : `the host name "${p.host}" could not be resolved (no such host). Check the address.`;
    case 'tls':
      return p.selfSigned
        ? `the TLS certificate of ${address} is self-signed, so it is not trusted. If this is your server, turn on "Trust self-signed certificate" for this instance.`
        : `the secure connection to ${address} failed: ${p.detail}.`;
    case 'timeout':
      return `no complete answer from ${app} within ${formatDuration(p.timeoutMs)} (${p.request}).`;
    case 'connection-reset':
      return `the connection closed before ${app} finished answering (${p.request}).`;
    case 'unauthorized':
      return `API key rejected (HTTP 401). Copy the key from ${app}: Settings → General → Security → API Key.`;
    case 'wrong-url-base':
      return `no ${app} API at ${address} (HTTP 404 for ${p.request}). Check the URL base: if ${app} runs under a path such as /${kind}, include it in the address.`;
    case 'not-found':
      return `not found (HTTP 404) for ${p.request}.`;
    case 'starting-up':
      return `still starting up (HTTP 503 on ${p.attempts} attempts). Try again in a minute.`;
    case 'unavailable':
      return `service unavailable (HTTP 503 on ${p.attempts} attempts) for ${p.request}.`;
    case 'redirect':
      return `redirected to ${p.location} (HTTP ${p.status}) instead of answering ${p.request}. Use the address ${app} itself answers at: Trawlarr does not follow redirects, so the API key is never sent elsewhere.`;
    case 'html':
      return `expected JSON but got an HTML page${p.title ? ` ("${p.title}")` : ''} for ${p.request}. A login page or reverse proxy is answering instead of ${app}: use ${app}'s own address, or let /api through the proxy.`;
    case 'invalid-response':
      return `the response to ${p.request} is not the JSON ${app} sends (${p.detail}).`;
    case 'bad-request':
      return `rejected ${p.request} (HTTP 400)${withDetail(p.failures.length ? dropTrailingDot(p.failures.map((f) => `${f.propertyName}: ${f.errorMessage}`).join('; ')) : p.detail)}.`;
    case 'conflict':
      return `conflict (HTTP 409) on ${p.request}${withDetail(p.detail)}.`;
    case 'server-error':
      return `internal error (HTTP 500) on ${p.request}${withDetail(p.detail)}.`;
    case 'http':
      return `unexpected HTTP ${p.status} for ${p.request}${withDetail(p.detail)}.`;
    case 'wrong-app':
      return p.found
        ? `the address ${address} is ${p.found.appName}${p.found.version ? ` ${p.found.version}` : ''}, not ${app}. Check the address and port (${app}'s default port is ${DEFAULT_PORT[kind]}).`
        : `the address ${address} did not identify itself as ${app} (no app name in /api/v3/system/status). Check the address and port (${app}'s default port is ${DEFAULT_PORT[kind]}).`;
    case 'forbidden-address':
      return `${p.detail}: Trawlarr never connects there, so nothing was sent. Use the address ${app} answers at on your network.`;
    case 'cancelled':
      return `request cancelled (${p.request}).`;
    case 'network':
      return `request failed (${p.request})${withDetail(p.detail)}.`;
  }
}

const dropTrailingDot = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\.$/, '');

/**
 * One line, each distinct line of the server's text once: SQLite's exception message repeats
 * itself ("database is locked\ndatabase is locked"), and the message should not.
 */
const oneLine = (s: string) => dropTrailingDot([...new Set(s.split(/\r?\n/).map((l) => l.trim().replace(/\.$/, '')).filter(Boolean))].join(' '));

/** Builds the ArrError for a problem, with the instance named and secrets scrubbed. */
export function arrError(ctx: ErrorContext, p: Problem): ArrError {
  const app = APP_NAMES[ctx.app];
  // server-supplied details end up inside a sentence: one line, no doubled full stop, no repeats
  const cleaned: Problem = 'detail' in p ? { ...p, detail: oneLine(p.detail) } : p;
  const text = `${instanceLabel(ctx.app, ctx.instance)}: ${message(cleaned, app, ctx.app, ctx.address)}`;
  const status = statusOf(p);
  return new ArrError(
    {
      kind: p.kind as ArrErrorKind,
      instance: ctx.instance,
      app: ctx.app,
      ...(status !== undefined ? { status } : {}),
      ...('request' in p ? { request: p.request } : {}),
      ...(p.kind === 'bad-request' && p.failures.length ? { failures: p.failures.map((f) => ({ propertyName: scrubSecrets(f.propertyName, ctx.apiKey), errorMessage: scrubSecrets(f.errorMessage, ctx.apiKey) })) } : {}),
    },
    scrubSecrets(text, ctx.apiKey),
  );
}

function statusOf(p: Problem): number | undefined {
  switch (p.kind) {
    case 'unauthorized':
      return 401;
    case 'wrong-url-base':
    case 'not-found':
      return 404;
    case 'starting-up':
    case 'unavailable':
      return 503;
    case 'bad-request':
      return 400;
    case 'conflict':
      return 409;
    case 'server-error':
      return 500;
    case 'redirect':
    case 'html':
    case 'http':
      return p.status;
    default:
      return undefined;
  }
}
