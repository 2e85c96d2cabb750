/**
 * Starts the built desktop app in a child process (../child/boot.ts) on the fake Electron and
 * drives it: the test's view is the fake's records and the rendered page. Every wait is on a
 * condition, with the records in the failure message.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import type { Command } from '../fake-electron/control';
import type { FakeElectronConfig, Records } from '../fake-electron/state';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** the build under test: out/ here, or another electron-vite build (e.g. an older commit's) */
export const OUT_DIR = process.env.TRAWLARR_DESKTOP_OUT ?? join(ROOT, 'out');
const BOOT = join(import.meta.dirname, '..', 'child', 'boot.ts');

export interface Machine {
  userData: string;
  home: string;
  dispose(): Promise<void>;
}

/** A user's machine: home and user-data folders that outlive one run of the app. */
export async function newMachine(): Promise<Machine> {
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-desktop-'));
  return { userData: join(dir, 'userData'), home: join(dir, 'home'), dispose: () => rm(dir, { recursive: true, force: true }) };
}

export type LaunchOptions = Partial<Pick<FakeElectronConfig, 'electronMajor' | 'keyring' | 'packaged' | 'args' | 'appImage' | 'usernsRestricted' | 'compressTimers'>>;

export interface DesktopRun {
  send<T = unknown>(command: Command): Promise<T>;
  records(): Promise<Records>;
  /** polls the records until `check` returns something truthy, which it returns */
  waitFor<T>(what: string, check: (r: Records) => T | undefined | false, timeoutMs?: number): Promise<T>;
  heading(): Promise<string>;
  /** resolves with the exit code and the last records once the process ended */
  exited: Promise<{ code: number | null; records?: Records }>;
  output(): string;
  kill(): void;
}

export async function launch(machine: Machine, options: LaunchOptions = {}): Promise<DesktopRun> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(machine.userData, { recursive: true });
  await mkdir(machine.home, { recursive: true });
  const config: FakeElectronConfig = {
    userData: machine.userData,
    home: machine.home,
    appPath: ROOT,
    mainBundle: join(OUT_DIR, 'main', 'index.js'),
    electronMajor: options.electronMajor ?? (Number(process.env.TRAWLARR_FAKE_ELECTRON_MAJOR ?? 46) as 45 | 46),
    keyring: options.keyring ?? 'gnome_libsecret',
    packaged: options.packaged ?? true,
    args: options.args ?? [],
    ...(options.appImage ? { appImage: options.appImage } : {}),
    usernsRestricted: options.usernsRestricted ?? false,
    compressTimers: options.compressTimers ?? false,
    wsEndpoint: inject('wsEndpoint'),
  };
  const child: ChildProcess = fork(BOOT, [], {
    cwd: ROOT,
    execArgv: ['--disable-warning=ExperimentalWarning'],
    env: { ...process.env, TRAWLARR_FAKE_ELECTRON: JSON.stringify(config), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  // the app's output quoted in a failure: stack lines in it would send vitest to read those files' source maps
  const quoted = () => output.replace(/^(\s*)at /gm, '$1(at) ');
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let lastRecords: Records | undefined;
  child.on('message', (message: { type: string; id?: number; ok?: boolean; value?: unknown; error?: string; records?: Records }) => {
    if (message.type === 'exit') lastRecords = message.records;
    if (message.type !== 'reply' || message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(message.error));
  });
  const exited = new Promise<{ code: number | null; records?: Records }>((resolveExit) =>
    child.once('close', (code) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`the app exited (${code}) before answering\ndialogs: ${JSON.stringify(lastRecords?.dialogs)}\nquit: ${JSON.stringify(lastRecords?.quit)}\n${quoted()}`));
      resolveExit({ code, records: lastRecords });
    }),
  );
  await new Promise<void>((resolveBoot, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type === 'booted') resolveBoot();
    };
    child.on('message', onMessage);
    void exited.then(({ code }) => reject(new Error(`the app exited (${code}) while starting:\n${quoted()}`)));
  }).catch((error: unknown) => {
    if (child.exitCode === null) throw error;
  });

  const send = <T>(command: Command): Promise<T> => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`the app has exited:\n${quoted()}`));
    const id = nextId++;
    return new Promise<T>((resolveReply, reject) => {
      pending.set(id, { resolve: resolveReply as (v: unknown) => void, reject });
      child.send({ id, ...command });
    });
  };
  const records = async () => (child.exitCode === null && child.signalCode === null ? send<Records>({ cmd: 'records' }) : (lastRecords ?? Promise.reject(new Error(`the app has exited:\n${quoted()}`))));
  const waitFor = async <T>(what: string, check: (r: Records) => T | undefined | false, timeoutMs = 45_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    let last: Records | undefined;
    for (;;) {
      last = await records();
      const result = check(last);
      if (result) return result;
      const gone = child.exitCode !== null || child.signalCode !== null;
      if (gone || Date.now() > deadline) throw new Error(`${gone ? 'the app exited' : 'timed out'} waiting for ${what}\nrecords: ${JSON.stringify({ ...last, calls: last.calls.slice(-30) }, null, 1)}\noutput:\n${quoted()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    send,
    records,
    waitFor,
    heading: () => send<string>({ cmd: 'page', op: 'heading' }),
    exited,
    output: () => output,
    kill: () => child.kill('SIGKILL'),
  };
}

/** The tray menu's labels, nested, as one text block (for readable assertions and failures). */
export function menuText(r: Records): string {
  const lines: string[] = [];
  const walk = (items: NonNullable<Records['tray']['menu']>, depth: number) => {
    for (const item of items) {
      lines.push(`${'  '.repeat(depth)}${item.type === 'separator' ? '---' : item.label}${item.enabled ? '' : ' (disabled)'}${item.checked ? ' [x]' : ''}`);
      if (item.submenu) walk(item.submenu, depth + 1);
    }
  };
  walk(r.tray.menu ?? [], 0);
  return lines.join('\n');
}
