/**
 * Turns whatever a request threw (a Node socket error wrapped by axios, a non-2xx answer, a JSON
 * problem) into a Problem for messages.ts. Nothing of the original error is kept: axios errors
 * carry the request config, whose headers hold the API key.
 */
import { forbiddenAddressOf } from './address-guard';
import { type Problem } from './messages';
import { htmlTitle, parseErrorBody } from './body';
import { JsonStreamError } from '../stream/json-array-items';
import { ResponseShapeError } from '../map/shape';

/** A complete non-2xx answer, with (the start of) its body already read. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly location: string,
    readonly contentType: string,
    readonly body: string,
    /** requests made, retries included */
    readonly attempts = 1,
  ) {
    super(`HTTP ${status}`);
  }
}

/** A 2xx answer that is an HTML page. */
export class HtmlPageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
  ) {
    super('HTML page');
  }
}

/** The request's own deadline fired. */
export class DeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super('deadline');
  }
}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);
const TLS_DETAIL: Record<string, string> = {
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for a different host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer with TLS; if it serves plain HTTP, use an http:// address',
  EPROTO: 'the server did not answer with TLS; if it serves plain HTTP, use an http:// address',
};
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED', 'ERR_BAD_RESPONSE']);

function codeOf(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : '';
}

export interface Attempt {
  /** "GET /api/v3/movie" */
  request: string;
  /** the request is the API root probe (system/status): a 404 there means a wrong URL base */
  apiRoot: boolean;
  host: string;
  attempts: number;
}

export function problemOf(err: unknown, at: Attempt): Problem {
  const { request } = at;
  const forbidden = forbiddenAddressOf(err);
  if (forbidden) return { kind: 'forbidden-address', detail: forbidden.reason };
  if (err instanceof DeadlineError) return { kind: 'timeout', request, timeoutMs: err.timeoutMs };
  if (err instanceof HtmlPageError) return { kind: 'html', request, status: err.status, title: err.title };
  if (err instanceof HttpStatusError) return statusProblem(err, at);
  if (err instanceof JsonStreamError) {
    if (/^\s*</.test(err.head)) return { kind: 'html', request, status: 200, title: htmlTitle(err.head) };
    return { kind: 'invalid-response', request, detail: err.offset >= 0 ? `${err.message}, at byte ${err.offset}` : err.message };
  }
  if (err instanceof ResponseShapeError) return { kind: 'invalid-response', request, detail: err.message };
  if (err instanceof SyntaxError) return { kind: 'invalid-response', request, detail: err.message };
  const code = codeOf(err);
  if (code === 'ECONNREFUSED') return { kind: 'connection-refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', host: at.host, temporary: code === 'EAI_AGAIN' };
  if (SELF_SIGNED.has(code)) return { kind: 'tls', selfSigned: true, detail: '' };
  if (code in TLS_DETAIL || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) {
    return { kind: 'tls', selfSigned: false, detail: TLS_DETAIL[code] ?? `TLS error ${code}` };
  }
  if (code === 'ERR_CANCELED') return { kind: 'cancelled', request };
  if (RESET.has(code) || /socket hang up|aborted|premature close/i.test((err as Error)?.message ?? '')) return { kind: 'connection-reset', request };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { kind: 'network', request, detail: `the host ${at.host} is unreachable (${code})` };
  if (code === 'ETIMEDOUT') return { kind: 'network', request, detail: `connecting to ${at.host} timed out (${code})` };
  // Only the code and the plain message: never the error object, whose config holds the key.
  const detail = code || (err instanceof Error ? err.message : String(err));
  return { kind: 'network', request, detail };
}

function statusProblem(err: HttpStatusError, at: Attempt): Problem {
  const { request } = at;
  const isHtml = /text\/html/i.test(err.contentType) || /^\s*</.test(err.body);
  const body = parseErrorBody(err.body);
  const detail = isHtml ? htmlTitle(err.body) : body.message;
  const s = err.status;
  if (s === 401) return { kind: 'unauthorized', request };
  if (s === 404) return at.apiRoot ? { kind: 'wrong-url-base', request } : { kind: 'not-found', request };
  if (s === 503) {
    return /starting up/i.test(body.message) ? { kind: 'starting-up', request, attempts: at.attempts } : { kind: 'unavailable', request, attempts: at.attempts };
  }
  if (s >= 300 && s < 400) return { kind: 'redirect', request, status: s, location: displayLocation(err.location) };
  if (s === 400) return { kind: 'bad-request', request, failures: body.failures, detail };
  if (s === 409) return { kind: 'conflict', request, detail };
  if (s === 500) return { kind: 'server-error', request, detail };
  return { kind: 'http', request, status: s, detail };
}

/** The redirect target without its query string or credentials (either could carry secrets). */
function displayLocation(location: string): string {
  if (!location) return 'another address';
  try {
    const u = new URL(location, 'http://relative.invalid');
    return u.host === 'relative.invalid' ? u.pathname : `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'another address';
  }
}
