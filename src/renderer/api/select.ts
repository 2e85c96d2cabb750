/**
 * Which transport carries the contract: Electron's preload bridge when it exists
 * (`window.trawlarr`), otherwise HTTP to the headless command's browser mode. Pages use the one
 * `api` object and never know which.
 *
 * In browser mode the page holds no credential at all: the browser's HttpOnly session cookie does
 * (shared by every tab, kept across restarts of the server). A one-time login link
 * (#login=CODE) is exchanged for that cookie once, then removed from the address bar and history.
 */
import { createApi, type TrawlarrApi, type TrawlarrBridge } from '../../shared/contract/client';
import { CSRF_HEADER, HTTP_LOGIN_PATH, HTTP_SESSION_PATH } from '../../shared/contract/names';
import { createHttpBridge, loginCodeFromHash } from '../../shared/contract/http-bridge';

export type Mode = 'desktop' | 'browser';

export interface Selected {
  mode: Mode;
  api: TrawlarrApi;
}

export interface SelectEnv {
  bridge: TrawlarrBridge | undefined;
  fetch?: typeof fetch;
  /** origin of the browser-mode server; "" = the page's own (tests pass an absolute one) */
  baseUrl?: string;
}

export interface SessionEnv {
  hash: string;
  /** replaces the address bar's URL without the login code (history.replaceState) */
  replaceHash: (hash: string) => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

/** undefined: this browser has a session; otherwise what the page says instead of loading. */
export type SessionProblem = string | undefined;

export const NO_SESSION_MESSAGE =
  'This browser is not logged in to Trawlarr. Open the login link printed by `trawlarr ui-url --data-dir DIR` (or by `trawlarr run --ui` when it started); after that, this address works in any tab, also after a restart.';

export function selectTransport(env: SelectEnv): Selected {
  if (env.bridge) return { mode: 'desktop', api: createApi(env.bridge) };
  return { mode: 'browser', api: createApi(createHttpBridge({ ...(env.fetch ? { fetch: env.fetch } : {}), ...(env.baseUrl ? { baseUrl: env.baseUrl } : {}) })) };
}

async function messageOf(response: Response): Promise<string | undefined> {
  try {
    return ((await response.json()) as { error?: { message?: string } }).error?.message;
  } catch {
    return undefined;
  }
}

/** Exchanges a login link's code if the URL has one, then asks whether this browser has a session. */
export async function openSession(env: SessionEnv): Promise<SessionProblem> {
  const doFetch = env.fetch ?? fetch;
  const base = env.baseUrl ?? '';
  const code = loginCodeFromHash(env.hash);
  try {
    let refused: string | undefined;
    if (code !== undefined) {
      // first out of the address bar: a reload must not send a used code again
      env.replaceHash('#/dashboard');
      const res = await doFetch(base + HTTP_LOGIN_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        body: JSON.stringify({ code }),
        credentials: 'same-origin',
      });
      if (res.ok) return undefined;
      refused = (await messageOf(res)) ?? `login refused (HTTP ${res.status})`;
    }
    const session = await doFetch(base + HTTP_SESSION_PATH, { credentials: 'same-origin' });
    // a used link in a browser that is logged in anyway: nothing to complain about
    if (session.ok) return undefined;
    if (refused) return `This login link did not work: ${refused}.`;
    return session.status === 401 ? NO_SESSION_MESSAGE : `Trawlarr refused this page: ${(await messageOf(session)) ?? `HTTP ${session.status}`}`;
  } catch (error) {
    return `Cannot reach Trawlarr: ${error instanceof Error ? error.message : String(error)}`;
  }
}
