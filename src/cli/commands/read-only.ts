/**
 * `trawlarr status` and `trawlarr history`: read-only views of a data directory. They take no
 * lock, so they work while `trawlarr run` (or the desktop app) owns the directory.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { engineStatusDoc } from '../../engine/host';
import { HistoryStore, historyDir, SINGLETON, StateStore } from '../../engine/store';
import { LOCK_FILE } from '../../engine/store/data-dir-lock';
import { EXIT, type CliCommand } from '../args';
import { CliFailure } from '../exit';
import type { HistoryEntry, HistoryPage } from '../../shared/status';
import type { CliIo } from '../io';
import { historyText, statusText } from '../read-output';

const PAGE = 500;

async function existingDir(dataDir: string): Promise<void> {
  const stat = await fsp.stat(dataDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new CliFailure(`--data-dir ${dataDir}: no such directory (nothing has run with it yet?)`, EXIT.usage);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the engine that wrote the status snapshot is still alive (the snapshot is live). The
 * snapshot names its writer's pid, so this does not depend on how the data directory is locked;
 * older snapshots without one fall back to the pid in the lock file.
 */
async function ownerAlive(dataDir: string, snapshotPid: number | undefined): Promise<boolean> {
  if (snapshotPid !== undefined) return processAlive(snapshotPid);
  try {
    const owner = JSON.parse(await fsp.readFile(join(dataDir, LOCK_FILE), 'utf8')) as { pid?: number };
    return Number.isInteger(owner.pid) && processAlive(owner.pid!);
  } catch {
    return false;
  }
}

export async function statusCommand(cmd: Extract<CliCommand, { cmd: 'status' }>, io: CliIo): Promise<number> {
  await existingDir(cmd.dataDir);
  // reading does not create anything: a missing state folder means no status yet
  const hasState = await fsp.stat(join(cmd.dataDir, 'state')).catch(() => undefined);
  const doc = hasState ? await (await StateStore.open(cmd.dataDir)).read(engineStatusDoc, SINGLETON) : engineStatusDoc.initial();
  const running = doc.running && (await ownerAlive(cmd.dataDir, doc.pid));
  if (cmd.json) {
    io.out(JSON.stringify({ running, status: doc.status }, null, 2));
  } else if (!doc.status) {
    io.out(`No status recorded in ${cmd.dataDir} yet: run "trawlarr once" or "trawlarr run" with it first.`);
  } else {
    io.out(statusText(doc.status, running));
  }
  return EXIT.ok;
}

/** The newest `limit` entries, in pages the store allows. */
async function newest(store: HistoryStore, limit: number): Promise<HistoryPage> {
  const entries: HistoryEntry[] = [];
  let total = 0;
  for (let before: number | undefined; entries.length < limit; ) {
    const page = await store.query({ limit: Math.min(PAGE, limit - entries.length), ...(before !== undefined ? { before } : {}) });
    if (before === undefined) total = page.total;
    entries.push(...page.entries);
    if (page.entries.length === 0) break;
    before = page.entries[page.entries.length - 1].id;
  }
  return { entries, total };
}

export async function historyCommand(cmd: Extract<CliCommand, { cmd: 'history' }>, io: CliIo): Promise<number> {
  await existingDir(cmd.dataDir);
  const store = await HistoryStore.open({ dir: historyDir(cmd.dataDir), readOnly: true, warn: () => undefined });
  try {
    const page = await newest(store, cmd.limit);
    io.out(cmd.json ? JSON.stringify(page, null, 2) : historyText(page));
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
