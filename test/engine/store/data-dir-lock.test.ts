import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../../src/engine/store/data-dir-lock';
import { tempDir } from './history-helpers';

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['-e', '']);
    p.on('exit', () => resolve(p.pid!));
  });
}

describe('data directory lock', () => {
  it('lets one owner in, names it to the next, and frees the directory on release', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    const second = lockDataDir(dir);
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir)).rejects.toThrow(`is in use by another Trawlarr (pid ${process.pid}`);
    await lock.release();
    const again = await lockDataDir(dir);
    await again.release();
  });

  it('takes over a lock whose process is gone (crash, SIGKILL)', async () => {
    const dir = await tempDir();
    const pid = await deadPid();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a lock held on another host, saying how to clear it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'nas-box', since: '2026-01-01T00:00:00.000Z' }));
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by Trawlarr on host nas-box (pid 1, since 2026-01-01T00:00:00.000Z); if that process is gone, delete ${join(dir, LOCK_FILE)}`);
  });

  it('treats an empty lock file as starting up when fresh and as stale when old', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), '');
    await expect(lockDataDir(dir)).rejects.toThrow('being locked by another Trawlarr starting up');
    const lock = await lockDataDir(dir, () => Date.now() + 60_000);
    await lock.release();
  });
});
