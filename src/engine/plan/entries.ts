/**
 * Plans a job whose unit is a library entry: Radarr movies (every Radarr job) and Sonarr series
 * (rename, refresh).
 *
 * 1. The cheap specifications run on every listed entry.
 * 2. The survivors are put in search order.
 * 3. Entries whose decision needs per-entry detail (custom-format scores, rename preview) get it in
 *    windows, in search order, until the run's batch is full: a 40,000-movie library does not
 *    fetch the files of 40,000 movies to search ten. `evaluateAll` examines every survivor instead
 *    (exact counts, ground-truth checks).
 * 4. The first `limit` eligible entries become commands of at most `maxPerCommand` entries each.
 */
import type { Movie, Series } from '../../arr/model';
import type { SearchOrder } from '../../shared/settings';
import type { EntryJob } from '../jobs/types';
import { firstSkip } from '../specs/context';
import { ReasonCounts } from '../specs/reason';
import type { PlanContext } from './context';
import type { DetailLoader } from './loader';
import { orderItems } from './order';
import type { Plan, PlannedCommand, PlannedItem } from './types';

export interface EntryPlanInput<T extends Movie | Series> {
  entries: readonly T[];
  def: EntryJob<T>;
  ctx: PlanContext;
  /** entries to search in this run */
  limit: number;
  order: SearchOrder;
  loader: DetailLoader;
  titleOf(entry: T): string;
  evaluateAll?: boolean;
  seed?: number;
  lastSearched?: (entry: T) => number | undefined;
  /** no command may cost more than this (the smallest budget window it has to fit in) */
  maxCostPerCommand?: number;
}

const FIRST_WINDOW = 25;
const MAX_WINDOW = 500;

export async function planEntries<T extends Movie | Series>(input: EntryPlanInput<T>): Promise<Plan> {
  const { def, ctx, limit } = input;
  const job = ctx.job;
  const reasons = new ReasonCounts();
  const cheap = def.specs(job);
  const survivors: T[] = [];
  for (const entry of input.entries) {
    const reason = firstSkip(cheap, entry, ctx);
    if (reason) reasons.add(reason, input.titleOf(entry));
    else survivors.push(entry);
  }
  const ordered = orderItems(survivors, input.order, { seed: input.seed, lastSearched: input.lastSearched });

  const detail = def.detail;
  const detailSpecs = detail?.specs(job) ?? [];
  const eligible: T[] = [];
  let examined = 0;
  let window = input.evaluateAll ? MAX_WINDOW : Math.min(MAX_WINDOW, Math.max(FIRST_WINDOW, limit * 2));
  while (examined < ordered.length && (input.evaluateAll || eligible.length < limit)) {
    const slice = ordered.slice(examined, examined + window);
    examined += slice.length;
    if (detail) {
      const ids = slice.filter((e) => detail.needed(e, job)).map((e) => e.id);
      if (ids.length > 0) await loadDetail(detail.fetch, ids, input.loader, ctx);
    }
    for (const entry of slice) {
      const reason = firstSkip(detailSpecs, entry, ctx);
      if (reason) reasons.add(reason, input.titleOf(entry));
      else eligible.push(entry);
    }
    window = Math.min(MAX_WINDOW, window * 2);
  }

  const chosen = eligible.slice(0, limit);
  if (detail?.fetch === 'movie-files') {
    // history records each grab's score before: fetch the few chosen files not fetched yet
    const missing = chosen.filter((e) => 'movieFileId' in e && e.movieFileId > 0 && !ctx.files.has(e.movieFileId)).map((e) => e.id);
    if (missing.length > 0) await loadDetail('movie-files', missing, input.loader, ctx);
  }
  const commands = toCommands(chosen, def, input);
  return { commands, eligibleIds: eligible.map((e) => e.id), examined, unchecked: ordered.length - examined, reasons, tagOnly: [] };
}

async function loadDetail(fetch: 'movie-files' | 'rename', ids: number[], loader: DetailLoader, ctx: PlanContext): Promise<void> {
  if (fetch === 'movie-files') {
    for (const file of await loader.movieFiles(ids)) ctx.files.set(file.id, file);
    return;
  }
  for (const id of ids) if (!ctx.renames.has(id)) ctx.renames.set(id, []);
  for (const preview of await loader.renames(ids)) {
    const id = preview.movieId ?? preview.seriesId;
    if (id === undefined) continue;
    const list = ctx.renames.get(id);
    if (list) list.push(preview);
    else ctx.renames.set(id, [preview]);
  }
}

function toCommands<T extends Movie | Series>(chosen: T[], def: EntryJob<T>, input: EntryPlanInput<T>): PlannedCommand[] {
  const perCommand = Math.max(1, def.costPerEntry > 0 ? Math.min(def.maxPerCommand, Math.floor((input.maxCostPerCommand ?? Infinity) / def.costPerEntry)) : def.maxPerCommand);
  const commands: PlannedCommand[] = [];
  for (let i = 0; i < chosen.length; i += perCommand) {
    const batch = chosen.slice(i, i + perCommand);
    const ids = batch.map((e) => e.id);
    commands.push({
      body: def.command(ids),
      cost: def.costPerEntry * ids.length,
      items: batch.map((e) => itemOf(e, input)),
      tagIds: ids,
    });
  }
  return commands;
}

function itemOf<T extends Movie | Series>(entry: T, input: EntryPlanInput<T>): PlannedItem {
  const item: PlannedItem = { id: entry.id, title: input.titleOf(entry) };
  if ('movieFileId' in entry) {
    const file = input.ctx.files.get(entry.movieFileId);
    if (file?.customFormatScore !== undefined) item.score = file.customFormatScore;
    const quality = file?.quality ?? entry.file?.quality;
    if (quality) item.quality = quality;
  }
  return item;
}
