/**
 * The host's own state documents (the store's module holds the shared ones): when each instance
 * last got a search permit (pacing across a restart), and the last published engine status, which
 * `trawlarr status` reads while another process owns the data directory.
 */
import { z } from 'zod';
import { engineStatusSchema } from '../../shared/contract/status-schemas';
import type { EngineStatus } from '../../shared/status';
import { defineDocument } from '../store/state';

export const lastGrantsDoc = defineDocument({
  name: 'last-grants',
  version: 1,
  schema: z.record(z.string(), z.number().finite()),
  initial: (): Record<string, number> => ({}),
  // losing it only means one gap between commands may be shorter once
  onCorrupt: 'quarantine',
});

export const engineStatusDoc = defineDocument({
  name: 'engine-status',
  version: 1,
  schema: z.object({ status: engineStatusSchema.nullable(), running: z.boolean(), pid: z.number().int().optional() }),
  initial: (): { status: EngineStatus | null; running: boolean; pid?: number } => ({ status: null, running: false }),
  onCorrupt: 'quarantine',
});
