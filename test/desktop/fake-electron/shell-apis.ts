/** dialog, Notification, powerMonitor, session and shell: recorded, with Electron's ready rules. */
import { EventEmitter } from 'node:events';
import { record, records, requireReady, type DialogRecord, type NotificationRecord } from './state';

/** Button labels the test answers the next message boxes with, in order. */
export const dialogAnswers: string[] = [];

interface MessageBoxOptions {
  type?: string;
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  cancelId?: number;
  defaultId?: number;
}

function answer(kind: DialogRecord['kind'], options: MessageBoxOptions): number {
  requireReady(`dialog.${kind}`);
  const buttons = options.buttons ?? ['OK'];
  const wanted = dialogAnswers.shift();
  let index = wanted === undefined ? (options.cancelId ?? 0) : buttons.indexOf(wanted);
  if (index < 0) throw new Error(`the test answers "${wanted}", but the dialog offers ${JSON.stringify(buttons)}`);
  if (index >= buttons.length) index = 0;
  records.dialogs.push({ kind, title: options.title, message: options.message, detail: options.detail, buttons, answer: buttons[index] });
  return index;
}

const optionsOf = (a: unknown, b: unknown) => (b ?? a) as MessageBoxOptions;

export const dialog = {
  showMessageBoxSync: (a: unknown, b?: unknown) => answer('messageBoxSync', optionsOf(a, b)),
  showMessageBox: async (a: unknown, b?: unknown) => ({ response: answer('messageBox', optionsOf(a, b)), checkboxChecked: false }),
  showErrorBox: (title: string, content: string) => void records.dialogs.push({ kind: 'errorBox', title, message: content }),
  showSaveDialog: async () => {
    requireReady('dialog.showSaveDialog');
    records.dialogs.push({ kind: 'saveDialog' });
    return { canceled: true, filePath: '' };
  },
};

export const shownNotifications: Notification[] = [];

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  readonly record: NotificationRecord;
  constructor(options: { title: string; body?: string; silent?: boolean }) {
    super();
    requireReady('new Notification()');
    this.record = { title: options.title, body: options.body ?? '', silent: options.silent ?? false, shown: false, clicked: false };
  }
  show(): void {
    this.record.shown = true;
    records.notifications.push(this.record);
    shownNotifications.push(this);
  }
  close(): void {
    this.emit('close');
  }
}

class PowerMonitor extends EventEmitter {
  override on(event: string, listener: (...args: unknown[]) => void): this {
    requireReady('powerMonitor.on()');
    return super.on(event, listener);
  }
}
export const powerMonitor = new PowerMonitor();

const defaultSession = {
  setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
  setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
  setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
  on: (event: string) => record(`session.on(${event})`),
};

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

export const shell = {
  openExternal: async (url: string) => record(`shell.openExternal(${url})`),
  openPath: async (path: string) => {
    record(`shell.openPath(${path})`);
    return '';
  },
};
