/**
 * Persistence under the data directory (`--data-dir`, or the desktop app's userData):
 *
 *   trawlarr.lock          one engine per directory (data-dir-lock.ts)
 *   history/*.jsonl|.idx   the search history (history/store.ts)
 *   state/<type>/<key>.json  small versioned documents: cycles, schedule, budgets, pauses, backoff (state/)
 */
import { join } from 'node:path';

export { writeFileAtomic } from './atomic-file';
export { DataDirLockedError, lockDataDir, type DataDirLock } from './data-dir-lock';
export * from './history';
export * from './state';

/** Where the history lives inside a data directory. */
export const historyDir = (dataDir: string) => join(dataDir, 'history');
