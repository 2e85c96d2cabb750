import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir, OWNER_FILE } from '../../../src/engine/store/data-dir-lock';
import { namespaceInitPid, spawnInNamespace, unshareUnavailable } from '../../support/namespaces';
import { tempDir } from './history-helpers';

/** proper-lockfile's smallest timings: a killed holder's lock is stale after 2 s */
const FAST = { staleMs: 2000, updateMs: 1000 };
const CHILD = fileURLToPath(new URL('./fixtures/lock-child.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/**
 * Starts the lock-holding child (optionally as PID 1 of a new namespace) and resolves with its first
 * line. `fast`: proper-lockfile's shortest timings; otherwise the real ones (stale 15 s).
 */
function holder(dir: string, ns?: { hostname?: string }, fast = false): { proc: ChildProcess; line: Promise<string> } {
  const command = [process.execPath, '--import', 'tsx', CHILD, dir, ...(fast ? [String(FAST.staleMs), String(FAST.updateMs)] : [])];
  const proc = ns ? spawnInNamespace(command, ns) : spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const line = new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    proc.on('close', (code) => reject(new Error(`lock child exited (${code}) before a line: ${out}${err}`)));
  });
  return { proc, line };
}

function exited(proc: ChildProcess): Promise<void> {
  return proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise((r) => proc.on('close', () => r()));
}

/** A process that stays alive doing nothing: a pid that is not Trawlarr's. */
function unrelatedProcess(): ChildProcess {
  const p = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(p);
  return p;
}

const nsProblem = unshareUnavailable();
/** namespaced tests are skipped, with the reason in their title, only where unshare cannot run */
const skipNs = nsProblem !== undefined;
const nsNote = nsProblem ? ` (skipped: ${nsProblem})` : '';

describe('data directory lock', () => {
  it('lets one owner in, refuses a second in this process at once, and frees the directory on release', async () => {
    const dir = await tempDir();
    const lock = await lockDataDir(dir, FAST);
    expect((await stat(join(dir, LOCK_FILE))).isDirectory()).toBe(true);
    expect(JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await expect(lockDataDir(dir, FAST)).rejects.toThrow(DataDirLockedError);
    await lock.release();
    await expect(stat(join(dir, LOCK_FILE))).rejects.toThrow();
    const again = await lockDataDir(dir, FAST);
    await again.release();
    await again.release(); // twice is harmless
  });

  it('calls onLost instead of throwing when the lock is taken away while held', async () => {
    const dir = await tempDir();
    const lost: Error[] = [];
    const lock = await lockDataDir(dir, { ...FAST, onLost: (e) => lost.push(e) });
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, LOCK_FILE), { recursive: true });
    await new Promise((r) => setTimeout(r, 2500));
    expect(lost.map((e) => e.message)).toEqual([expect.stringContaining(`lost the lock on data directory ${dir}`)]);
    await lock.release(); // a no-op now, not an error
  });
});

describe('reliability finding 9.4: restarts in a container are not refused forever', () => {
  it('two live engines still exclude each other, naming the holder', async () => {
    const dir = await tempDir();
    const first = holder(dir);
    expect(await first.line).toMatch(/^locked \d+/);
    const started = Date.now();
    await expect(lockDataDir(dir)).rejects.toThrow(`is in use by another Trawlarr (pid ${first.proc.pid}`);
    // a live holder is recognised by its refreshed lock, within about one refresh (5 s), not after the whole wait
    expect(Date.now() - started).toBeLessThan(8000);
    const second = holder(dir);
    expect(await second.line).toMatch(/^refused: .*is in use by another Trawlarr/);
  });

  it(`starts after the holder was SIGKILLed as PID 1 of a PID namespace, again as PID 1${nsNote}`, { skip: skipNs, timeout: 30_000 }, async () => {
    const dir = await tempDir();
    const first = holder(dir, {}, true);
    expect(await first.line).toMatch(/^locked 1 /);
    process.kill(await namespaceInitPid(first.proc), 'SIGKILL');
    await exited(first.proc);
    const second = holder(dir, {}, true);
    expect(await second.line).toMatch(/^locked 1 /); // waited for the dead lock to go stale, then took it
  });

  it(`starts after a holder in a re-created container (another host name) was killed${nsNote}`, { skip: skipNs, timeout: 45_000 }, async () => {
    const dir = await tempDir();
    const first = holder(dir, { hostname: 'trawlarr-old-container' });
    expect(await first.line).toBe('locked 1 trawlarr-old-container');
    process.kill(await namespaceInitPid(first.proc), 'SIGKILL');
    await exited(first.proc);
    const lock = await lockDataDir(dir); // the real timings: waits up to 20 s for the dead lock to go stale
    expect(JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('is not blocked by an unrelated live process that has the recorded pid', async () => {
    const dir = await tempDir();
    const other = unrelatedProcess();
    // a dead holder's lock: its directory not refreshed for longer than the stale time, its owner file naming a live pid
    await mkdir(join(dir, LOCK_FILE));
    await writeFile(join(dir, OWNER_FILE), JSON.stringify({ pid: other.pid, host: 'x', since: '2026-01-01T00:00:00.000Z' }));
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK_FILE), old, old);
    const lock = await lockDataDir(dir);
    await lock.release();
  });

  it('is not blocked by the lock file of the previous version, whatever pid and host it names', async () => {
    const dir = await tempDir();
    const other = unrelatedProcess();
    const { hostname } = await import('node:os');
    for (const owner of [
      { pid: other.pid, host: hostname() }, // an unrelated live process
      { pid: 1, host: hostname() }, // the container's init, always alive
      { pid: 1, host: 'gone-container' }, // a re-created container
    ]) {
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ ...owner, since: '2026-01-01T00:00:00.000Z' }));
      const lock = await lockDataDir(dir);
      expect(JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      await lock.release();
    }
  });

  it('says so when it removes the lock file of the previous version', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'gone-container', since: '2026-01-01T00:00:00.000Z' }));
    const lines: string[] = [];
    const lock = await lockDataDir(dir, { ...FAST, log: (l) => lines.push(l) });
    expect(lines).toEqual([expect.stringContaining('the lock file of an earlier Trawlarr version')]);
    await lock.release();
  });
});
