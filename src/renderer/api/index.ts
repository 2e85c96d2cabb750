/** The renderer's one API object, chosen once at start (see ./select.ts). */
import type { TrawlarrApi } from '../../shared/contract/client';
import { loginCodeFromHash } from '../../shared/contract/http-bridge';
import { openSession, selectTransport, type Mode, type SessionProblem } from './select';

let selected: { mode: Mode; api: TrawlarrApi; problem: SessionProblem } | undefined;

/** Browser mode first makes sure of a session (or knows what to say instead), so no page waits on refused calls. */
export async function initApi(): Promise<void> {
  const transport = selectTransport({ bridge: globalThis.trawlarr });
  let problem: SessionProblem;
  if (transport.mode === 'browser') {
    problem = await openSession({ hash: location.hash, replaceHash: (hash) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`) });
    // a login link pasted into this open tab changes only the fragment: start over with it
    window.addEventListener('hashchange', () => {
      if (loginCodeFromHash(location.hash) !== undefined) location.reload();
    });
  }
  selected = { ...transport, problem };
}

/** For tests and UI development: use a given API (e.g. an in-memory fake). */
export function setApi(api: TrawlarrApi, mode: Mode = 'browser'): void {
  selected = { mode, api, problem: undefined };
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
/** Browser mode without a session: what to show instead of the pages' data. */
export const apiSessionProblem = (): SessionProblem => current().problem;
