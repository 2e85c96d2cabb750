/** ipcMain with Electron's rules: one handler per channel, "No handler registered" otherwise. */
import { EventEmitter } from 'node:events';
import { record, records } from './state';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();

class IpcMain extends EventEmitter {
  handle(channel: string, handler: Handler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
    records.ipcHandlers = [...handlers.keys()];
  }
  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }
  removeHandler(channel: string): void {
    record(`ipcMain.removeHandler(${channel})`);
    handlers.delete(channel);
    records.ipcHandlers = [...handlers.keys()];
  }
}

export const ipcMain = new IpcMain();

/** What ipcRenderer.invoke gets: the value, or the message Electron rejects with. */
export async function invokeFromRenderer(channel: string, event: unknown, args: unknown[]): Promise<{ value: unknown } | { error: string }> {
  const handler = handlers.get(channel);
  if (!handler) return { error: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
  try {
    // structured clone, as the IPC boundary copies
    return { value: structuredClone(await handler(event, ...args)) };
  } catch (error) {
    return { error: `Error invoking remote method '${channel}': ${String(error)}` };
  }
}
