/**
 * `app`: the lifecycle as Electron runs it. 'ready' after the main script ran; app.quit() emits
 * before-quit (preventable), then asks every window to close (a window that refuses cancels the
 * quit, and window-all-closed is not emitted), then will-quit (preventable), then quit and exit.
 * The single-instance lock is a lock file plus a socket the second instance reports its argv to.
 */
import { EventEmitter } from 'node:events';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { config, preventable, record, records, requireNotReady } from './state';

export interface ClosableWindow {
  /** resolves 'closed' or 'refused' (the page kept its beforeunload) */
  attemptClose(): Promise<'closed' | 'refused'>;
  isDestroyed(): boolean;
}

export const openWindows = new Set<ClosableWindow>();
/** work the process finishes before it exits (closing pages, telling the first instance) */
const beforeExit: (() => Promise<unknown>)[] = [];
export function onBeforeExit(task: () => Promise<unknown>): void {
  beforeExit.push(task);
}

const packageJson = JSON.parse(readFileSync(join(config.appPath, 'package.json'), 'utf8')) as { name: string; productName?: string; version: string; desktopName?: string };
// Electron names the app after productName, and on Linux links windows to desktopName (CHROME_DESKTOP)
records.appName = packageJson.productName ?? packageJson.name;
records.desktopName = packageJson.desktopName;

let resolveReady: () => void;
const whenReadyPromise = new Promise<void>((r) => (resolveReady = r));
let quitting = false;
let lockServer: Server | undefined;
const lockFile = join(config.userData, 'SingletonLock');
const socketPath = join(config.userData, 'SingletonSocket');

class App extends EventEmitter {
  readonly isPackaged = config.packaged;
  readonly commandLine = { appendSwitch: (name: string) => record(`app.commandLine.appendSwitch(${name})`), hasSwitch: () => false, getSwitchValue: () => '' };

  whenReady(): Promise<void> {
    return whenReadyPromise;
  }
  isReady(): boolean {
    return records.ready;
  }
  getName(): string {
    return records.appName;
  }
  getVersion(): string {
    return packageJson.version;
  }
  getAppPath(): string {
    return config.appPath;
  }
  getPath(name: string): string {
    if (name === 'userData') return config.userData;
    if (name === 'home') return config.home;
    if (name === 'temp') return join(config.home, 'tmp');
    if (name === 'exe') return process.execPath;
    throw new Error(`the fake knows no path "${name}"`);
  }
  enableSandbox(): void {
    requireNotReady('app.enableSandbox()');
    record('app.enableSandbox');
  }
  setAppUserModelId(id: string): void {
    record(`app.setAppUserModelId(${id})`);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: false };
  }
  setLoginItemSettings(): void {
    record('app.setLoginItemSettings');
  }

  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
    } catch {
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (isAlive(holder)) {
        records.singleInstanceLock = 'refused';
        onBeforeExit(() => tellFirstInstance([process.execPath, ...config.args]));
        return false;
      }
      rmSync(lockFile, { force: true });
      return this.requestSingleInstanceLock();
    }
    records.singleInstanceLock = 'held';
    rmSync(socketPath, { force: true });
    lockServer = createServer((socket) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => {
        const argv = JSON.parse(text) as string[];
        records.secondInstanceArgs.push(argv);
        this.emit('second-instance', preventable(), argv, config.home, {});
      });
    }).listen(socketPath);
    return true;
  }

  releaseSingleInstanceLock(): void {
    if (records.singleInstanceLock !== 'held') return;
    lockServer?.close();
    rmSync(lockFile, { force: true });
    records.singleInstanceLock = 'released';
  }

  quit(): void {
    record('app.quit');
    if (quitting) return;
    quitting = true;
    void this.runQuit();
  }

  exit(code = 0): void {
    record(`app.exit(${code})`);
    records.quit.push(`exit(${code})`);
    void exitProcess(code);
  }

  private async runQuit(): Promise<void> {
    const beforeQuit = preventable();
    records.quit.push('before-quit');
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return this.cancelQuit('before-quit prevented');
    for (const window of [...openWindows]) {
      if (window.isDestroyed()) continue;
      if ((await window.attemptClose()) === 'refused') return this.cancelQuit('a window refused to close');
    }
    const willQuit = preventable();
    records.quit.push('will-quit');
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return this.cancelQuit('will-quit prevented');
    records.quit.push('quit');
    this.emit('quit', preventable(), 0);
    await exitProcess(0);
  }

  private cancelQuit(why: string): void {
    records.quit.push(`cancelled: ${why}`);
    quitting = false;
  }

  /** Electron's default when the last window closed outside a quit and nobody listens */
  lastWindowClosed(): void {
    if (quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed', preventable());
    else this.quit();
  }

  /** after the main script ran */
  becomeReady(): void {
    record('ready');
    records.ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', preventable(), {});
    resolveReady();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tellFirstInstance(argv: string[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath, () => socket.end(JSON.stringify(argv)));
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

let exiting: Promise<void> | undefined;
export function exitProcess(code: number): Promise<void> {
  exiting ??= (async () => {
    records.exitCode = code;
    app.releaseSingleInstanceLock();
    await Promise.allSettled(beforeExit.map((task) => task()));
    await new Promise<void>((resolve) => (process.send ? process.send({ type: 'exit', code, records }, () => resolve()) : resolve()));
    process.exit(code);
  })();
  return exiting;
}

export const app = new App();
