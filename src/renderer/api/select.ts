/**
 * Which transport carries the contract: Electron's preload bridge when it exists
 * (`window.trawlarr`), otherwise HTTP to the headless command's browser mode. Pages use the one
 * `api` object and never know which.
 */
import { createApi, type TrawlarrApi, type TrawlarrBridge } from '../../shared/contract/client';
import { createHttpBridge, tokenFromHash } from '../../shared/contract/http-bridge';

const TOKEN_KEY = 'trawlarr.token';

export type Mode = 'desktop' | 'browser';

export interface Selected {
  mode: Mode;
  api: TrawlarrApi;
  /** browser mode without a session token: every call will be refused */
  missingToken: boolean;
}

export interface SelectEnv {
  bridge: TrawlarrBridge | undefined;
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** replaces the address bar's URL without the token (history.replaceState) */
  replaceHash: (hash: string) => void;
  fetch?: typeof fetch;
  /** origin of the browser-mode server; "" = the page's own (tests pass an absolute one) */
  baseUrl?: string;
}

/**
 * The token arrives once in the fragment (#token=…, never sent to a server or logged). It is kept
 * in sessionStorage so a reload of this tab still works, and removed from the address bar and the
 * tab's history so it is not shared by copying the URL.
 */
export function takeToken(env: Pick<SelectEnv, 'hash' | 'storage' | 'replaceHash'>): string | null {
  const fromHash = tokenFromHash(env.hash);
  if (fromHash) {
    env.storage.setItem(TOKEN_KEY, fromHash);
    env.replaceHash('#/dashboard');
    return fromHash;
  }
  return env.storage.getItem(TOKEN_KEY);
}

export function selectTransport(env: SelectEnv): Selected {
  if (env.bridge) return { mode: 'desktop', api: createApi(env.bridge), missingToken: false };
  const token = takeToken(env);
  return {
    mode: 'browser',
    api: createApi(createHttpBridge({ token: token ?? '', ...(env.fetch ? { fetch: env.fetch } : {}), ...(env.baseUrl ? { baseUrl: env.baseUrl } : {}) })),
    missingToken: !token,
  };
}
