/**
 * Gates checked before every search command (see permit.ts). Each takes the call it needs as a
 * function, so it works with any client and is tested against plain data.
 */
import type { HealthCheck, QueueStatus } from '../../arr/model';
import type { Clock } from './clock';
import type { PermitGate } from './permit';

/**
 * Health sources that mean indexer back-off (spec/arr/NOTES.md §11): while one of them reports anything
 * but ok, searches would go to no indexer or make a backed-off one worse, so the instance waits.
 */
export const INDEXER_BACKOFF_SOURCES = ['IndexerStatusCheck', 'IndexerLongTermStatusCheck', 'IndexerSearchCheck'] as const;

/** Waits while the download queue holds more than `limit` items (queue/status totalCount). */
export function queueGate(
  fetchStatus: (signal?: AbortSignal) => Promise<Pick<QueueStatus, 'totalCount'>>,
  limit: number,
  clock: Clock,
  retryMs = 120_000,
): PermitGate {
  return {
    name: 'download queue',
    // a rename or refresh adds nothing to the queue: only searches wait for it to drain
    searchOnly: true,
    async check(signal) {
      const { totalCount } = await fetchStatus(signal);
      if (totalCount > limit) {
        return {
          ok: false,
          reason: `download queue holds ${totalCount} items (limit ${limit})`,
          detail: `${totalCount} items, limit ${limit}`,
          retryAt: clock.now() + retryMs,
          state: 'queue-full',
        };
      }
      return { ok: true };
    },
  };
}

/** Waits while /health shows indexer back-off. */
export function healthGate(
  fetchHealth: (signal?: AbortSignal) => Promise<readonly HealthCheck[]>,
  clock: Clock,
  retryMs = 300_000,
): PermitGate {
  return {
    name: 'indexer health',
    // a rename or refresh queries no indexer: only searches wait out the back-off
    searchOnly: true,
    async check(signal) {
      const problems = (await fetchHealth(signal)).filter(
        (h) => (INDEXER_BACKOFF_SOURCES as readonly string[]).includes(h.source) && h.type !== 'ok',
      );
      if (problems.length) {
        return {
          ok: false,
          reason: `indexers backed off: ${problems.map((p) => p.message || p.source).join('; ')}`,
          detail: problems.map((p) => p.message || p.source).join('; '),
          retryAt: clock.now() + retryMs,
          state: 'indexers-backed-off',
        };
      }
      return { ok: true };
    },
  };
}

/** A gate that says no while `isPaused()` is true (pause pressed in the middle of a run); it holds back every command. */
export function pauseGate(isPaused: () => boolean, clock: Clock, retryMs = 60_000): PermitGate {
  return {
    name: 'pause',
    async check() {
      return isPaused() ? { ok: false, reason: 'paused', retryAt: clock.now() + retryMs } : { ok: true };
    },
  };
}
