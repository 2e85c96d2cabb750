/**
 * Checks every API request must pass before it reaches the contract, as a pure function of the
 * request's method, headers and peer address so each rule is tested on its own:
 *  - Host is this server (defeats DNS rebinding); loopback names only from this machine (hosts.ts);
 *  - no cross-origin caller (Origin / Sec-Fetch-Site);
 *  - a session (cookie or Bearer secret, judged by access.ts; 401 otherwise), except for the
 *    login exchange, whose body carries its own credential;
 *  - state-changing requests carry the CSRF header and a JSON content type.
 */
import { CSRF_HEADER } from '../shared/contract';
import { ENDED_SESSION, NO_SESSION, type Credential } from './access';
import { isLoopbackAddress, type HostPolicy } from './hosts';

export interface GuardInput {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  /** the peer's address (req.socket.remoteAddress) */
  remoteAddress: string | undefined;
}

export interface GuardContext {
  /** what access.ts made of the request's cookie or Bearer token; 'not-needed' for the login exchange */
  credential: Credential | 'not-needed';
  /** host:port values a browser may use to reach this server, and from where */
  hosts: Pick<HostPolicy, 'anyPeer' | 'loopbackPeer'>;
}

export type GuardResult = { ok: true } | { ok: false; status: number; message: string };

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function guardApiRequest(input: GuardInput, ctx: GuardContext): GuardResult {
  const host = one(input.headers.host)?.toLowerCase();
  const fromThisMachine = isLoopbackAddress(input.remoteAddress ?? '');
  const known = host !== undefined && (ctx.hosts.anyPeer.has(host) || (fromThisMachine && ctx.hosts.loopbackPeer.has(host)));
  if (!known) return { ok: false, status: 403, message: `unexpected Host header "${host ?? ''}"` };

  const origin = one(input.headers.origin);
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { ok: false, status: 403, message: 'cross-origin request refused' };
  }
  const fetchSite = one(input.headers['sec-fetch-site']);
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { ok: false, status: 403, message: 'cross-site request refused' };
  }

  if (ctx.credential === 'missing') return { ok: false, status: 401, message: NO_SESSION };
  if (ctx.credential === 'wrong') return { ok: false, status: 401, message: ENDED_SESSION };

  if (input.method !== 'GET' && input.method !== 'HEAD') {
    if (one(input.headers[CSRF_HEADER]) !== '1') return { ok: false, status: 403, message: `missing ${CSRF_HEADER} header` };
    const type = one(input.headers['content-type'])?.split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return { ok: false, status: 415, message: 'content-type must be application/json' };
  }
  return { ok: true };
}
