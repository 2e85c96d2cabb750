/**
 * The browser mode's credentials, all derived from one persistent secret (secret-store.ts) so a
 * restart needs no state beyond that file, and rotating it revokes every one of them:
 *  - a login code: "nonce.expires.mac", short-lived and used once (the server remembers the nonce);
 *    it is what gets printed, so a link found later in a log or a shell history is worthless;
 *  - a session cookie: "issued.id.mac", HttpOnly, checked by its MAC and age, never holding the
 *    secret or anything from which it could be recomputed.
 * Codes and cookies are MACed with different keys derived from the secret, so neither can be
 * passed off as the other, and the secret itself is only ever compared (as a scripts' Bearer token).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const SESSION_MAX_AGE_MS = 30 * 86_400_000;

const key = (secret: string, purpose: string) => createHmac('sha256', secret).update(`trawlarr ${purpose} v1`).digest();
const mac = (k: Buffer, text: string) => createHmac('sha256', k).update(text).digest('base64url');
const nonce = () => randomBytes(16).toString('base64url');

function macEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createLoginCode(secret: string, now: number, ttlMs = LOGIN_CODE_TTL_MS): string {
  const body = `${nonce()}.${Math.floor((now + ttlMs) / 1000)}`;
  return `${body}.${mac(key(secret, 'login'), body)}`;
}

export type CodeCheck = { ok: true; nonce: string; expiresAt: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** MAC and expiry only: that a code was not used before is the caller's (it holds the used nonces). */
export function checkLoginCode(secret: string, code: string, now: number): CodeCheck {
  const m = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(code);
  if (!m) return { ok: false, reason: 'malformed' };
  if (!macEqual(m[3], mac(key(secret, 'login'), `${m[1]}.${m[2]}`))) return { ok: false, reason: 'forged' };
  const expiresAt = Number(m[2]) * 1000;
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, nonce: m[1], expiresAt };
}

export function createSessionValue(secret: string, now: number): string {
  const body = `${Math.floor(now / 1000)}.${nonce()}`;
  return `${body}.${mac(key(secret, 'session'), body)}`;
}

/** The session's issue time (ms) when its MAC holds and it is neither too old nor from the future. */
export function checkSessionValue(secret: string, value: string, now: number, maxAgeMs = SESSION_MAX_AGE_MS): number | undefined {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m || !macEqual(m[3], mac(key(secret, 'session'), `${m[1]}.${m[2]}`))) return undefined;
  const issued = Number(m[1]) * 1000;
  // a minute of slack for a clock set back; beyond that a cookie "from the future" is refused
  if (issued > now + 60_000 || now - issued >= maxAgeMs) return undefined;
  return issued;
}

/** Cookies are not separated by port: the name carries it, so two servers on one host keep their own. */
export const sessionCookieName = (port: number) => `trawlarr_session_${port}`;

export function sessionCookieHeader(name: string, value: string, maxAgeMs: number, secure: boolean): string {
  const parts = [`${name}=${value}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Every value of the named cookie in a Cookie header (a shadowing cookie must not hide the real one). */
export function cookieValues(header: string | undefined, name: string): string[] {
  const out: string[] = [];
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}
