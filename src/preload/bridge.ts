/**
 * Builds window.trawlarr from the contract's names: one named method per channel and `on` for
 * events. Pure: the preload passes wrappers around ipcRenderer, never ipcRenderer itself, and
 * listeners receive only the payload (the IPC event object would expose ipcRenderer).
 */
import { CHANNEL_NAMES, ipcChannel, ipcEventChannel, isEventName, type EventName } from '../shared/contract/names';
import type { TrawlarrBridge } from '../shared/contract/client';

export interface RendererIpc {
  invoke(channel: string, request?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

export function createPreloadBridge(ipc: RendererIpc): TrawlarrBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    const channel = ipcChannel(name);
    bridge[name] = (request?: unknown) => (request === undefined ? ipc.invoke(channel) : ipc.invoke(channel, request));
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (typeof event !== 'string' || !isEventName(event)) throw new Error(`unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const channel = ipcEventChannel(event);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channel, wrapped);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, wrapped);
    };
  };
  return Object.freeze(bridge) as TrawlarrBridge;
}
