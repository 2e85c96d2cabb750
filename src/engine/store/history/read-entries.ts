/**
 * Reads the lines of the given index rows and nothing else: rows of one segment are sorted by
 * offset and neighbouring lines are fetched in one read (a newest-first page is usually a single
 * contiguous range of the newest segment).
 */
import { promises as fsp } from 'node:fs';
import type { HistoryEntry } from '../../../shared/status';
import type { HistoryColumns } from './columns';
import { entryAt } from './segment-file';

/** lines closer than this are read together rather than with a second read */
const MAX_GAP = 64 << 10;
const MAX_RANGE = 4 << 20;

/** Where a row's line is; taken from the index synchronously, so a prune during the read cannot shift it. */
export interface LineLocation {
  id: number;
  path: string;
  offset: number;
  length: number;
}

export function locate(cols: HistoryColumns, rows: readonly number[], pathOf: (ordinal: number) => string): LineLocation[] {
  return rows.map((r) => ({ id: cols.id[r], path: pathOf(cols.seg[r]), offset: cols.offset[r], length: cols.len[r] }));
}

/**
 * The entries at `locs`, in order; a line that is no longer its entry (damaged after the store was
 * opened, or missed by the open-time check) is left out and its location reported in `damaged`.
 */
export async function readEntries(locs: readonly LineLocation[]): Promise<{ entries: HistoryEntry[]; damaged: LineLocation[] }> {
  const byFile = new Map<string, LineLocation[]>();
  for (const loc of locs) {
    const list = byFile.get(loc.path);
    if (list) list.push(loc);
    else byFile.set(loc.path, [loc]);
  }
  const found = new Map<LineLocation, HistoryEntry>();
  await Promise.all(
    [...byFile].map(async ([path, lines]) => {
      lines.sort((a, b) => a.offset - b.offset);
      const fh = await fsp.open(path, 'r');
      try {
        for (let i = 0; i < lines.length; ) {
          const start = lines[i].offset;
          let end = start + lines[i].length;
          let j = i + 1;
          while (j < lines.length && lines[j].offset - end <= MAX_GAP && lines[j].offset + lines[j].length - start <= MAX_RANGE) {
            end = Math.max(end, lines[j].offset + lines[j].length);
            j++;
          }
          const buf = Buffer.allocUnsafe(end - start);
          const { bytesRead } = await fh.read(buf, 0, buf.length, start);
          const got = buf.subarray(0, bytesRead);
          for (const loc of lines.slice(i, j)) {
            const entry = entryAt(got, loc.offset - start, loc.length, loc.id);
            if (entry) found.set(loc, entry);
          }
          i = j;
        }
      } finally {
        await fh.close();
      }
    }),
  );
  return { entries: locs.flatMap((loc) => found.get(loc) ?? []), damaged: locs.filter((loc) => !found.has(loc)) };
}
