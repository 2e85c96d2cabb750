/**
 * A search gate's answer (download queue, indexer health). Its own module because both the permit
 * (./permit.ts) and the run-size arithmetic it calls (./run-size.ts) use it: defined in permit.ts,
 * run-size.ts had to import the module that imports it, an import cycle.
 */
import type { InstanceState } from '../../shared/status';

/** `detail`: what binds, for a wait's words ("500 items, limit 20"); `reason` is the sentence for messages */
export type GateVerdict = { ok: true } | { ok: false; reason: string; detail?: string; retryAt?: number; state?: InstanceState };
