/**
 * Which Host headers the browser mode accepts, and from whom. The Host check defeats DNS
 * rebinding (a page whose own name resolves to this server); it is not the gate itself (the
 * session token is), but it must not be fooled by a client that simply claims to be local:
 *  - loopback names (127.0.0.1, localhost, [::1]) are accepted only from this machine, where an
 *    SSH tunnel arrives too;
 *  - from other machines (only when the operator opted in to binding beyond loopback): the
 *    address bound, or, bound to every address, this machine's own addresses, plus the names the
 *    operator declared. An IP literal cannot be rebound, a declared name is the operator's.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export interface HostPolicy {
  /** host:port values accepted from any peer */
  anyPeer: ReadonlySet<string>;
  /** host:port values accepted only from a loopback peer */
  loopbackPeer: ReadonlySet<string>;
  /** http://host:port for the other machines to open (empty when bound to loopback) */
  remoteOrigins: string[];
}

const unbracket = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);
const bracket = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);

/** 127.0.0.0/8, ::1 (in any spelling, or IPv4-mapped) and "localhost". */
export function isLoopbackAddress(address: string): boolean {
  let a = unbracket(address.trim().toLowerCase());
  if (a === 'localhost') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1];
  if (isIP(a) === 4) return a.startsWith('127.');
  if (isIP(a) === 6) return new URL(`http://[${a}]`).hostname === '[::1]';
  return false;
}

export function isWildcardAddress(address: string): boolean {
  const a = unbracket(address.trim());
  return a === '0.0.0.0' || (isIP(a) === 6 && new URL(`http://[${a}]`).hostname === '[::]');
}

/** This machine's addresses other machines can reach it by (IPv4 only for 0.0.0.0; link-local IPv6 needs a zone a Host header cannot carry). */
function machineAddresses(wildcard: string): string[] {
  const ipv6 = unbracket(wildcard) !== '0.0.0.0';
  return Object.values(networkInterfaces())
    .flat()
    .filter((nic) => nic !== undefined && !nic.internal && (nic.family === 'IPv4' || (ipv6 && nic.scopeid === 0)))
    .map((nic) => bracket(nic!.address));
}

export function hostPolicy(bound: string, port: number, declaredNames: readonly string[] = []): HostPolicy {
  const withPort = (names: Iterable<string>) => new Set([...names].map((name) => `${name}:${port}`.toLowerCase()));
  const loopbackPeer = withPort(['127.0.0.1', 'localhost', '[::1]']);
  const local = isLoopbackAddress(bound);
  const own = local ? [bracket(unbracket(bound))] : isWildcardAddress(bound) ? machineAddresses(bound) : [bracket(unbracket(bound))];
  const anyPeer = withPort([...own, ...declaredNames]);
  const remoteOrigins = local ? [] : [...anyPeer].map((hostPort) => `http://${hostPort}`);
  return { anyPeer, loopbackPeer, remoteOrigins };
}
