/**
 * Who may use the browser mode's API, and how a browser gets there:
 *  - POST /api/login {code}: a one-time login code (session-crypto.ts) is exchanged for an HttpOnly
 *    SameSite=Strict session cookie. The code arrives in the URL's fragment, which browsers never
 *    send, so it reaches no access log; it works once, even across a restart (used nonces are kept
 *    in the data directory);
 *  - GET /api/session: does this browser have a session? (the page asks before showing anything)
 *    and renews the cookie's lifetime once a day, so a UI in use does not expire;
 *  - every other API request: the session cookie, or "Authorization: Bearer <secret>" for scripts
 *    on this machine that read the secret file.
 * The secret comes from the data directory (rotated by `ui-url --rotate`, noticed within seconds)
 * or, embedded and in tests, is given.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { bearerToken, tokensEqual } from './auth';
import {
  checkLoginCode,
  checkSessionValue,
  cookieValues,
  createLoginCode,
  createSessionValue,
  SESSION_MAX_AGE_MS,
  sessionCookieHeader,
  sessionCookieName,
} from './session-crypto';
import { loadUsedLogins, saveUsedLogins, secretReader } from './secret-store';

export type Credential = 'ok' | 'missing' | 'wrong';

export const NO_SESSION = 'no session: open the login link printed by "trawlarr ui-url --data-dir DIR" (or by "trawlarr run --ui" at start)';
export const ENDED_SESSION = 'this session has expired or was revoked: open a new login link from "trawlarr ui-url --data-dir DIR"';

export interface AccessOptions {
  port: number;
  /** a fixed secret (embedding, tests); else the one in dataDir/ui/secret */
  secret: string;
  dataDir?: string;
  now?: () => number;
  /** the secret changed on disk: sessions opened with the old one must end */
  onRotated?: () => void;
}

export interface LoginResult {
  ok: boolean;
  message?: string;
  setCookie?: string;
}

export interface Access {
  /** the credential a request carries, against the current secret */
  credential(headers: IncomingHttpHeaders): Promise<Credential>;
  login(code: string): Promise<LoginResult>;
  /** a Set-Cookie header renewing a valid session cookie older than a day, if any */
  renewal(headers: IncomingHttpHeaders): Promise<string | undefined>;
  newLoginCode(): Promise<string>;
  /** re-reads it on a timer, so a rotation also ends idle event streams; a problem is reported once, not every time */
  checkEvery(ms: number, report: (error: unknown) => void): () => void;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function createAccess(options: AccessOptions): Promise<Access> {
  const now = options.now ?? Date.now;
  const dataDir = options.dataDir;
  const read = dataDir ? secretReader(dataDir, options.secret) : async () => ({ secret: options.secret, changed: false });
  const used = dataDir ? await loadUsedLogins(dataDir, now()) : new Map<string, number>();
  // one write at a time, each of the whole set: a slower earlier write must not drop a later nonce
  let saving = Promise.resolve();
  const name = sessionCookieName(options.port);
  // plain HTTP only (loopback, or a LAN the operator trusts): a Secure cookie would never come back
  const cookie = (value: string) => sessionCookieHeader(name, value, SESSION_MAX_AGE_MS, false);

  const secret = async () => {
    const current = await read();
    if (current.changed) options.onRotated?.();
    return current.secret;
  };
  const validCookie = (s: string, headers: IncomingHttpHeaders) =>
    cookieValues(one(headers.cookie), name)
      .map((value) => checkSessionValue(s, value, now()))
      .find((issued) => issued !== undefined);

  return {
    async credential(headers) {
      const s = await secret();
      const bearer = bearerToken(one(headers.authorization));
      if (bearer !== undefined) return tokensEqual(bearer, s) ? 'ok' : 'wrong';
      if (validCookie(s, headers) !== undefined) return 'ok';
      return cookieValues(one(headers.cookie), name).length > 0 ? 'wrong' : 'missing';
    },
    async login(code) {
      const s = await secret();
      const t = now();
      const check = checkLoginCode(s, code, t);
      if (!check.ok) {
        const why = check.reason === 'expired' ? 'has expired' : 'is not valid (or the secret was rotated since)';
        return { ok: false, message: `this login link ${why}: run "trawlarr ui-url --data-dir DIR" for a new one` };
      }
      if (used.has(check.nonce)) return { ok: false, message: 'this login link was already used: run "trawlarr ui-url --data-dir DIR" for a new one' };
      used.set(check.nonce, check.expiresAt);
      for (const [nonce, expires] of used) if (expires <= t) used.delete(nonce);
      if (dataDir) await (saving = saving.catch(() => undefined).then(() => saveUsedLogins(dataDir, used)));
      return { ok: true, setCookie: cookie(createSessionValue(s, t)) };
    },
    async renewal(headers) {
      const s = await secret();
      const issued = validCookie(s, headers);
      return issued !== undefined && now() - issued > 86_400_000 ? cookie(createSessionValue(s, now())) : undefined;
    },
    async newLoginCode() {
      return createLoginCode(await secret(), now());
    },
    checkEvery(ms, report) {
      let last = '';
      const timer = setInterval(() => {
        secret().then(
          () => (last = ''),
          (error: unknown) => {
            const text = error instanceof Error ? error.message : String(error);
            if (text !== last) report(error);
            last = text;
          },
        );
      }, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
