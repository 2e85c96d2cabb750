/**
 * The backend side of the contract: one async method per channel, receiving an already validated
 * request. Implemented on top of the engine (desktop and headless share it); the transports only
 * route validated requests to it and validate what it returns.
 *
 * Rules for implementers: throw `ServiceError` for expected failures with a clear message naming
 * the field, instance or job; never return or mention an API key (responses are additionally
 * filtered through the response schemas and a secret scan).
 */
import type { ChannelName, EventName, EventOf, ParsedRequestOf, ResponseOf } from './channels';

export type ChannelHandlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export type BackendEvent = { [E in EventName]: { event: E; payload: EventOf<E> } }[EventName];

export interface AppService extends ChannelHandlers {
  /** Status updates and engine events as they happen; returns an unsubscribe function. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
  /** The stored API keys, for the transports' last-line secret scan. Never sent anywhere. */
  secrets(): Iterable<string>;
}
