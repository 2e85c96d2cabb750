/**
 * One process owns a data directory: two engines on one directory (the tray app and `trawlarr run`)
 * would each spend the whole budget and write the same files.
 *
 * The lock is a directory made with mkdir (atomic, also on network folders) whose mtime its holder
 * refreshes every few seconds (proper-lockfile). It dies with its holder: a lock not refreshed for
 * `staleMs` is stale and taken over. Nothing is inferred from a PID or host name, which in a
 * container are reused (Trawlarr is PID 1 there, and a re-created container has a new host name).
 *
 * A start that finds the lock waits, boundedly, to tell a live holder from a dead one: a refreshed
 * mtime means the holder is alive (refused at once, with a message); a lock that goes stale was
 * left by a killed process (taken). Who holds it (pid, host, since) is kept beside the lock in
 * `trawlarr.owner.json`, for messages only.
 */
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { writeFileAtomic } from './atomic-file';

/** The lock directory (a regular file of this name is the pid lock of earlier versions: migrated). */
export const LOCK_FILE = 'trawlarr.lock';
export const OWNER_FILE = 'trawlarr.owner.json';

/**
 * stale 15 s: well above any stall of the event loop (a 40,000-movie plan takes ~4 s in all) so a
 * busy holder never loses its lock, yet a restart after a kill waits at most that long.
 * update 5 s: three refreshes per stale period, so one late timer does not make the lock stale,
 * and a live holder is recognised within ~5 s.
 */
export const LOCK_TIMING = { staleMs: 15_000, updateMs: 5_000 } as const;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** The lock was lost while held (its directory deleted or refreshed by someone else, or not refreshed in time). */
export class DataDirLockLostError extends Error {
  override name = 'DataDirLockLostError';
}

export interface DataDirLock {
  readonly path: string;
  /** Lets go of the directory; a no-op once released or lost. */
  release(): Promise<void>;
}

export interface LockOptions {
  staleMs?: number;
  updateMs?: number;
  /** how long a start waits for a held lock to go stale (default: staleMs + updateMs) */
  waitMs?: number;
  /** a lock lost while held: the holder must stop writing (default: a process warning) */
  onLost?: (error: DataDirLockLostError) => void;
  /** progress lines (what a start waits for, a migrated old lock) */
  log?: (line: string) => void;
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/** Data directories this process holds: a second lock of one is refused without waiting. */
const held = new Set<string>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const staleMs = options.staleMs ?? LOCK_TIMING.staleMs;
  const updateMs = options.updateMs ?? LOCK_TIMING.updateMs;
  const log = options.log ?? (() => undefined);
  await fsp.mkdir(dataDir, { recursive: true });
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  if (held.has(dir)) throw new DataDirLockedError(`data directory ${dataDir} is in use by this Trawlarr already (pid ${process.pid})`);
  await migrateOldLock(path, log);

  const deadline = Date.now() + (options.waitMs ?? staleMs + updateMs);
  let lost = false;
  const onCompromised = (err: Error) => {
    lost = true;
    held.delete(dir);
    const error = new DataDirLockLostError(`lost the lock on data directory ${dataDir} (${err.message}); another Trawlarr may be using it now`);
    (options.onLost ?? ((e: Error) => process.emitWarning(e.message)))(error);
  };
  let firstSeen: number | undefined;
  let announced = false;
  for (;;) {
    try {
      const unlock = await lockfile.lock(dir, { lockfilePath: path, realpath: false, stale: staleMs, update: updateMs, retries: 0, onCompromised });
      held.add(dir);
      const me: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      await writeFileAtomic(join(dir, OWNER_FILE), JSON.stringify(me) + '\n', { durable: false }).catch(() => undefined);
      return { path, release: () => (lost ? Promise.resolve() : release(dir, unlock)) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    }
    const mtime = await lockMtime(path);
    if (mtime === undefined) {
      await sleep(10); // released in between: try again
      continue;
    }
    firstSeen ??= mtime;
    if (mtime !== firstSeen) {
      throw new DataDirLockedError(`data directory ${dataDir} is in use by another Trawlarr${await ownerText(dir)}: stop it first or use another data directory`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new DataDirLockedError(`data directory ${dataDir} is locked${await ownerText(dir)} and its lock neither went stale nor was refreshed within ${Math.round((options.waitMs ?? staleMs + updateMs) / 1000)} s; if no Trawlarr uses it, delete ${path}`);
    }
    if (!announced) {
      announced = true;
      const age = Math.max(0, Math.round((Date.now() - mtime) / 1000));
      log(`data directory ${dataDir} is locked${await ownerText(dir)}, last refreshed ${age} s ago: waiting up to ${Math.ceil(left / 1000)} s for it to go stale (a holder stopped uncleanly) or to be refreshed (a live holder)`);
    }
    await sleep(Math.min(250, left));
  }
}

/** Whether a live process holds the data directory's lock (for `status`: is the snapshot live?). */
export async function dataDirLockHeld(dataDir: string, staleMs: number = LOCK_TIMING.staleMs): Promise<boolean> {
  const stat = await fsp.stat(join(dataDir, LOCK_FILE)).catch(() => undefined);
  return !!stat?.isDirectory() && stat.mtimeMs >= Date.now() - staleMs;
}

async function release(dir: string, unlock: () => Promise<void>): Promise<void> {
  if (!held.delete(dir)) return;
  await fsp.rm(join(dir, OWNER_FILE), { force: true });
  await unlock().catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ERELEASED' && err.code !== 'ENOTACQUIRED') throw err;
  });
}

/** mtime of the lock directory, or undefined when there is none. */
async function lockMtime(path: string): Promise<number | undefined> {
  const stat = await fsp.stat(path).catch(() => undefined);
  return stat?.mtimeMs;
}

/**
 * Trawlarr up to this version locked with a regular file holding a pid and host, which a container
 * restart (pid 1 again, or a new host name) could never clear. Such a file proves nothing about a
 * live holder (no heartbeat), so it is removed with a note.
 */
async function migrateOldLock(path: string, log: (line: string) => void): Promise<void> {
  const stat = await fsp.lstat(path).catch(() => undefined);
  if (!stat || stat.isDirectory()) return;
  const text = await fsp.readFile(path, 'utf8').catch(() => '');
  await fsp.rm(path, { force: true });
  log(`removed ${path}, the lock file of an earlier Trawlarr version (${text.trim() || 'empty'}): locks are now kept alive by their holder`);
}

async function ownerText(dir: string): Promise<string> {
  try {
    const o = JSON.parse(await fsp.readFile(join(dir, OWNER_FILE), 'utf8')) as Owner;
    return ` (pid ${o.pid} on host ${o.host}, since ${o.since})`;
  } catch {
    return '';
  }
}
