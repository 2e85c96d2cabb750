/**
 * Pushes the service's events to the settings window on the contract's typed event channels,
 * validated and stripped like responses. Pure: the target is anything with send().
 */
import { ipcEventChannel, prepareEvent, type AppService, type BackendEvent } from '../../shared/contract';

export interface EventTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface EventPusher {
  /** push an event that does not come from the service (e.g. navigate after a notification click) */
  push(event: BackendEvent): void;
  dispose(): void;
}

export function createEventPusher(service: AppService, target: () => EventTarget | undefined, log: (line: string) => void = () => {}): EventPusher {
  const push = (event: BackendEvent) => {
    const window = target();
    if (!window || window.isDestroyed()) return;
    const prepared = prepareEvent(service, event, { onInternalError: (channel, error) => log(`${channel}: ${error instanceof Error ? error.message : String(error)}`) });
    if (prepared) window.send(ipcEventChannel(prepared.event), prepared.payload);
  };
  const unsubscribe = service.subscribe(push);
  return { push, dispose: unsubscribe };
}
