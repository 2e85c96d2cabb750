/**
 * Persistence under the data directory (`--data-dir`, or the desktop app's userData):
 *
 *   trawlarr.lock/         one engine per directory: a lock directory kept fresh by its holder (data-dir-lock.ts)
 *   trawlarr.owner.json    who holds it (pid, host, since), for messages only
 *   history/*.jsonl|.idx   the search history (history/store.ts)
 *   state/<type>/<key>.json  small versioned documents: cycles, schedule, budgets, pauses, backoff (state/)
 */
import { join } from 'node:path';

export { writeFileAtomic } from './atomic-file';
export { dataDirLockHeld, DataDirLockedError, DataDirLockLostError, LOCK_TIMING, lockDataDir, type DataDirLock, type LockOptions } from './data-dir-lock';
export * from './history';
export * from './state';

/** Where the history lives inside a data directory. */
export const historyDir = (dataDir: string) => join(dataDir, 'history');
