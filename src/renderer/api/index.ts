/** The renderer's one API object, chosen once at start (see ./select.ts). */
import type { TrawlarrApi } from '../../shared/contract/client';
import { selectTransport, type Mode } from './select';

let selected: { mode: Mode; api: TrawlarrApi; missingToken: boolean } | undefined;

export function initApi(): void {
  selected = selectTransport({
    bridge: globalThis.trawlarr,
    hash: location.hash,
    storage: sessionStorage,
    replaceHash: (hash) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`),
  });
}

/** For tests and UI development: use a given API (e.g. an in-memory fake). */
export function setApi(api: TrawlarrApi, mode: Mode = 'browser'): void {
  selected = { mode, api, missingToken: false };
}

function current() {
  if (!selected) throw new Error('initApi() was not called');
  return selected;
}

/** Proxy so modules can import `api` before initApi() runs; every call reaches the selected transport. */
export const api: TrawlarrApi = new Proxy({} as TrawlarrApi, {
  get: (_t, name: string) => (current().api as unknown as Record<string, unknown>)[name],
});

export const apiMode = (): Mode => current().mode;
export const apiMissingToken = (): boolean => current().missingToken;
