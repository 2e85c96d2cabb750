/**
 * One process owns a data directory: two engines on one directory (the tray app and `trawlarr run`)
 * would each spend the whole budget and write the same files. The lock is a file created with
 * O_EXCL holding the owner's pid and host; a lock whose process is gone (same host, pid not alive)
 * is taken over, so a crash or SIGKILL never leaves the directory locked for good. A lock from
 * another host (a shared network folder) cannot be checked and is refused with instructions.
 */
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'trawlarr.lock';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

async function readOwner(path: string): Promise<Owner | undefined> {
  try {
    const o = JSON.parse(await fsp.readFile(path, 'utf8')) as Owner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

export async function lockDataDir(dataDir: string, now: () => number = Date.now): Promise<DataDirLock> {
  await fsp.mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), since: new Date(now()).toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await fsp.open(path, 'wx', 0o644);
      try {
        await fh.writeFile(JSON.stringify(me) + '\n');
      } finally {
        await fh.close();
      }
      return { path, release: () => release(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = await readOwner(path);
    if (owner === undefined) {
      // created but not yet written by a starting process, or left empty by a crash in that instant
      const age = now() - (await fsp.stat(path)).mtimeMs;
      if (age < 5000) throw new DataDirLockedError(`data directory ${dataDir} is being locked by another Trawlarr starting up`);
    } else if (owner.host !== me.host) {
      throw new DataDirLockedError(
        `data directory ${dataDir} is in use by Trawlarr on host ${owner.host} (pid ${owner.pid}, since ${owner.since}); if that process is gone, delete ${path}`,
      );
    } else if (owner.pid === me.pid || alive(owner.pid)) {
      throw new DataDirLockedError(`data directory ${dataDir} is in use by another Trawlarr (pid ${owner.pid}, since ${owner.since}): stop it first or use another data directory`);
    }
    await fsp.rm(path, { force: true }); // stale: its process is gone
  }
  throw new DataDirLockedError(`data directory ${dataDir}: another process took the lock at the same moment`);
}

async function release(path: string): Promise<void> {
  const owner = await readOwner(path);
  if (owner?.pid === process.pid && owner.host === hostname()) await fsp.rm(path, { force: true });
}
