/**
 * The only main-process module that touches ipcMain (lint enforces it): connects the contract's
 * handlers and event channels to Electron. Logic lives in ./ipc/*.
 */
import { ipcMain, type WebContents } from 'electron';
import type { AppService } from '../shared/contract';
import { createEventPusher, type EventPusher } from './ipc/event-pusher';
import { registerContractHandlers } from './ipc/router';
import { createSenderGuard } from './ipc/sender-guard';

export interface IpcConnection {
  events: EventPusher;
  dispose(): void;
}

export function connectIpc(options: {
  service: AppService;
  /** the settings window's webContents, undefined while closed */
  settingsContents: () => WebContents | undefined;
  appOrigins: readonly string[];
  log: (line: string) => void;
}): IpcConnection {
  const guard = createSenderGuard({ trustedWebContentsId: () => options.settingsContents()?.id, appOrigins: options.appOrigins });
  const removeHandlers = registerContractHandlers({ registry: ipcMain, service: options.service, guard, log: options.log });
  const events = createEventPusher(options.service, options.settingsContents, options.log);
  return {
    events,
    dispose() {
      removeHandlers();
      events.dispose();
    },
  };
}
