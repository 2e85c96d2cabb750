/**
 * Addresses no Radarr/Sonarr lives at, and where a request (with its X-Api-Key) must never go: the
 * link-local range and the cloud metadata services (169.254.169.254 and friends). A request there
 * would hand the key to the machine's metadata service and echo its answer (credentials, tokens)
 * back into an error message. Loopback and private LAN addresses stay allowed: that is where
 * users' Radarr runs.
 *
 * Checked twice: the host as written (an IP literal is never looked up), and every address a host
 * name resolves to, inside the socket's own lookup, so the address checked is the one connected
 * to (a DNS name pointing at 169.254.169.254 is refused too, also one that changes between lookups).
 */
import dns from 'node:dns';
import net from 'node:net';

export type LookupFunction = net.LookupFunction;

const BLOCKED = new net.BlockList();
// link-local, where AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack answer (169.254.169.254, ECS 169.254.170.2)
BLOCKED.addSubnet('169.254.0.0', 16, 'ipv4');
BLOCKED.addSubnet('fe80::', 10, 'ipv6');
// Alibaba Cloud; Oracle Cloud Classic; AWS over IPv6
BLOCKED.addAddress('100.100.100.200', 'ipv4');
BLOCKED.addAddress('192.0.0.192', 'ipv4');
BLOCKED.addAddress('fd00:ec2::254', 'ipv6');
// the same IPv4 addresses behind NAT64 (::ffff:… mapped addresses are checked as IPv4 by BlockList itself)
BLOCKED.addSubnet('64:ff9b::a9fe:0', 112, 'ipv6');
BLOCKED.addAddress('64:ff9b::6464:64c8', 'ipv6');

/** Metadata services' host names (they resolve to the addresses above only inside their cloud). */
const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal', 'metadata.tencentyun.com']);

/** Why a request to this host (a name or an IP, as in URL.hostname) is refused; undefined: allowed. */
export function forbiddenHost(host: string): string | undefined {
  const h = host.trim().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (METADATA_HOSTS.has(h)) return `"${h}" is a cloud metadata service`;
  const family = net.isIP(h);
  if (family !== 0 && BLOCKED.check(h, family === 4 ? 'ipv4' : 'ipv6')) return `${h} is a link-local or cloud metadata address`;
  return undefined;
}

/** A request refused before anything was sent. */
export class ForbiddenAddressError extends Error {
  override name = 'ForbiddenAddressError';
  readonly code = 'ERR_FORBIDDEN_ADDRESS';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The error of a request refused by the guard, wherever the HTTP library wrapped it. */
export function forbiddenAddressOf(err: unknown): ForbiddenAddressError | undefined {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ForbiddenAddressError) return e;
  }
  return undefined;
}

/** A lookup for the sockets' agent: resolves with `resolve` (default: the system's), then refuses forbidden answers. */
export function guardedLookup(resolve: LookupFunction = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (err, address, family) => {
      if (err) return callback(err, address, family);
      const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const bad = addresses.find((a) => forbiddenHost(a) !== undefined);
      if (bad === undefined) return callback(null, address, family);
      callback(new ForbiddenAddressError(`the host name "${hostname}" resolves to ${bad}, a link-local or cloud metadata address`), Array.isArray(address) ? [] : '', family);
    });
  };
}
