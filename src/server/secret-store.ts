/**
 * What the browser mode keeps in the data directory, in DIR/ui (mode 700):
 *  - secret: 32 random bytes (base64url), mode 600, created once by whichever of `run --ui` and
 *    `ui-url` comes first; replaced only by `ui-url --rotate`, which revokes every session;
 *  - used-logins.json: nonces of login codes already exchanged, until they expire, so a code stays
 *    used across a restart;
 *  - server.json: the addresses the last `run --ui` served, so `ui-url` can print a link for them.
 * The secret is never printed; whoever can read this directory controls the UI anyway.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp, type Stats } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../engine/store/atomic-file';

export const uiDir = (dataDir: string) => join(dataDir, 'ui');
export const secretFile = (dataDir: string) => join(uiDir(dataDir), 'secret');
const usedFile = (dataDir: string) => join(uiDir(dataDir), 'used-logins.json');
const serverFile = (dataDir: string) => join(uiDir(dataDir), 'server.json');

const newSecret = () => randomBytes(32).toString('base64url');

/** Group or other access to the secret would let another account take over the UI: refuse, as ssh does. */
function checkMode(file: string, stats: Stats): void {
  if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
    throw new Error(`${file} is accessible to other users (mode ${(stats.mode & 0o777).toString(8)}): run "chmod 600 ${file}"`);
  }
}

async function readSecret(file: string): Promise<{ secret: string; stats: Stats }> {
  const stats = await fsp.stat(file);
  checkMode(file, stats);
  const secret = (await fsp.readFile(file, 'utf8')).trim();
  if (secret.length < 32) throw new Error(`${file} is damaged (too short): replace it with "trawlarr ui-url --rotate"`);
  return { secret, stats };
}

/** The secret, created on first use (exclusively: two processes starting together agree on one). */
export async function ensureSecret(dataDir: string): Promise<string> {
  await fsp.mkdir(uiDir(dataDir), { recursive: true, mode: 0o700 });
  const file = secretFile(dataDir);
  try {
    await fsp.writeFile(file, `${newSecret()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (await readSecret(file)).secret;
}

/** A new secret replaces the old one at once (atomic rename); a running server notices on its next request. */
export async function rotateSecret(dataDir: string): Promise<void> {
  await fsp.mkdir(uiDir(dataDir), { recursive: true, mode: 0o700 });
  const file = secretFile(dataDir);
  // not writeFileAtomic: that keeps the old file's mode, and a rotation must also repair a bad one
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fsp.writeFile(tmp, `${newSecret()}\n`, { flag: 'wx', mode: 0o600 });
    await fsp.rename(tmp, file);
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/** The current secret, re-read when the file changed (a rotation while running); `changed` says so once. */
export function secretReader(dataDir: string, initial: string): () => Promise<{ secret: string; changed: boolean }> {
  const file = secretFile(dataDir);
  let secret = initial;
  let seen: string | undefined;
  const identity = (s: Stats) => `${s.ino}:${s.mtimeMs}:${s.size}`;
  return async () => {
    const stats = await fsp.stat(file);
    const id = identity(stats);
    if (seen === undefined) seen = id;
    if (id === seen) return { secret, changed: false };
    const next = await readSecret(file);
    seen = identity(next.stats);
    const changed = next.secret !== secret;
    secret = next.secret;
    return { secret, changed };
  };
}

export async function loadUsedLogins(dataDir: string, now: number): Promise<Map<string, number>> {
  try {
    const parsed = JSON.parse(await fsp.readFile(usedFile(dataDir), 'utf8')) as Record<string, unknown>;
    return new Map(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > now));
  } catch {
    // missing or damaged: codes live for minutes, so at worst one still-valid code works once more
    return new Map();
  }
}

export async function saveUsedLogins(dataDir: string, used: ReadonlyMap<string, number>): Promise<void> {
  await writeFileAtomic(usedFile(dataDir), JSON.stringify(Object.fromEntries(used)), { mode: 0o600 });
}

export interface ServerInfo {
  /** http://host:port, this machine's first */
  origins: string[];
}

export async function writeServerInfo(dataDir: string, info: ServerInfo): Promise<void> {
  await writeFileAtomic(serverFile(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export async function readServerInfo(dataDir: string): Promise<ServerInfo | undefined> {
  try {
    const parsed = JSON.parse(await fsp.readFile(serverFile(dataDir), 'utf8')) as Partial<ServerInfo>;
    return Array.isArray(parsed.origins) && parsed.origins.every((o) => typeof o === 'string') ? { origins: parsed.origins } : undefined;
  } catch {
    return undefined;
  }
}
