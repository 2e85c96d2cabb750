/**
 * The renderer's one API over either transport. A bridge (Electron's preload `window.trawlarr`, or
 * the browser mode's HTTP bridge) resolves every call to an envelope; `createApi` turns failures
 * into `ContractError`s that carry per-field issues for inline form messages.
 */
import type { ChannelName, EventName, EventOf, RequestOf, ResponseOf } from './channels';
import { CHANNEL_NAMES } from './channels';
import { ContractError, type Envelope } from './errors';

type Call<Req, Res> = undefined extends Req ? (request?: Req) => Promise<Res> : (request: Req) => Promise<Res>;

export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) => () => void;

/** What a transport provides (window.trawlarr in Electron). */
export type TrawlarrBridge = { [C in ChannelName]: Call<RequestOf<C>, Envelope<ResponseOf<C>>> } & {
  /** subscribe to an event channel; returns the unsubscribe function */
  on: Subscribe;
};

/** What the UI uses: resolves to the response or throws ContractError. */
export type TrawlarrApi = { [C in ChannelName]: Call<RequestOf<C>, ResponseOf<C>> } & { on: Subscribe };

export function createApi(bridge: TrawlarrBridge): TrawlarrApi {
  const api: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    api[name] = async (request?: unknown) => {
      const call = bridge[name] as (request?: unknown) => Promise<Envelope<unknown>>;
      const envelope = await call(request);
      if (envelope.ok) return envelope.value;
      throw new ContractError(name, envelope.error);
    };
  }
  api.on = bridge.on;
  return api as TrawlarrApi;
}

declare global {
  // set by src/preload in the desktop app; absent in browser mode
  var trawlarr: TrawlarrBridge | undefined;
}
