/**
 * Crash-safe file replacement: write a temporary file in the same directory, fsync it, rename it
 * over the target, then fsync the directory so the rename itself is durable. A crash at any point
 * leaves either the old file or the new one, never a mix (rename is atomic on POSIX and on NTFS
 * within one volume).
 */
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** file mode for a new file; an existing file keeps its own mode */
  mode?: number;
  /** skip the fsyncs (for derived data that is checksummed and can be rebuilt) */
  durable?: boolean;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = (await existingMode(path)) ?? options.mode ?? 0o644;
  const fh = await fsp.open(tmp, 'wx', mode);
  try {
    await fh.writeFile(data);
    if (durable) await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await fsp.rename(tmp, path);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  if (durable) await syncDirectory(dir);
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await fsp.stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Makes a rename or unlink in `dir` durable. Windows cannot open a directory: there it is a no-op. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
