/**
 * Opening the history directory: every segment's rows go into the index, from its sidecar when
 * that is valid (a typed-array copy) plus a parse of whatever was appended after it (at most one
 * segment's worth after a crash). Damage (lines that do not parse, a torn or zeroed tail, a sidecar
 * pointing at lines that are gone) is set aside by a writer and skipped by a reader, with one
 * warning per file (./damage.ts).
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { HistoryColumns } from './columns';
import { damageWarning, quarantineRanges, sidecarMatches, VERIFY_WINDOW } from './damage';
import { readSidecar, writeSidecar } from './sidecar';
import { parseSegment, SEGMENT_FILE, segmentName, sidecarName, type SegmentRow } from './segment-file';

export interface Segment {
  ordinal: number;
  firstId: number;
  path: string;
  idxPath: string;
  /** bytes of complete lines */
  size: number;
  /** index rows of this segment */
  count: number;
  /** newest entry time, for retention */
  maxAtMs: number;
  /** UTC day (ms / 86,400,000) the segment was started: a new day starts a new segment */
  day: number;
  /** bytes the sidecar on disk covers */
  sidecarBytes: number;
}

export const DAY_MS = 86_400_000;

export function newSegment(dir: string, ordinal: number, firstId: number, day: number): Segment {
  return { ordinal, firstId, path: join(dir, segmentName(firstId)), idxPath: join(dir, sidecarName(firstId)), size: 0, count: 0, maxAtMs: -Infinity, day, sidecarBytes: 0 };
}

export interface LoadResult {
  segments: Segment[];
  lastId: number;
}

export async function loadSegments(dir: string, cols: HistoryColumns, writable: boolean, warn: (msg: string) => void, now: () => number = Date.now): Promise<LoadResult> {
  const names = (await fsp.readdir(dir)).filter((n) => SEGMENT_FILE.test(n)).sort();
  // sizes and sidecars are read in parallel (the slow part of an open is waiting on files), then applied in order
  const found = await mapLimited(names, 16, async (name, i) => {
    const firstId = Number(SEGMENT_FILE.exec(name)![1]);
    const path = join(dir, name);
    const size = (await fsp.stat(path)).size;
    let sidecar = await readSidecar(join(dir, sidecarName(firstId)), size);
    // a sidecar can outlive the lines it indexes (a power cut zeroes a file's last blocks): the newest
    // segments are checked over their last writes, older ones at their last line; a mismatch drops it
    const window = i >= names.length - 2 ? VERIFY_WINDOW : 0;
    if (sidecar && !(await sidecarMatches(path, sidecar.block, sidecar.coveredBytes, window))) sidecar = undefined;
    return { firstId, size, sidecar };
  });
  const segments: Segment[] = [];
  let lastId = 0;
  for (const [ordinal, { firstId, size, sidecar }] of found.entries()) {
    const seg = newSegment(dir, ordinal, firstId, 0);
    const startRow = cols.length;
    let from = 0;
    if (sidecar && (sidecar.block.count === 0 || sidecar.block.id[0] > lastId)) {
      cols.appendBlock(sidecar.block, ordinal);
      from = seg.sidecarBytes = sidecar.coveredBytes;
      if (sidecar.block.count) lastId = sidecar.block.id[sidecar.block.count - 1];
    }
    const tail = await parseSegment(seg.path, from, size);
    const damaged = [...tail.badLines];
    const rows: SegmentRow[] = [];
    for (const row of tail.rows) {
      // ids only grow; a repeated or older id is damage
      if (row.id <= lastId) {
        damaged.push({ start: row.offset, end: row.offset + row.length });
      } else {
        rows.push(row);
        lastId = row.id;
      }
    }
    seg.size = tail.goodEnd;
    // a torn tail without NUL bytes may be a write in progress: only the writer may judge it
    if (writable && (damaged.length || tail.tornBytes)) {
      if (tail.tornBytes) damaged.push({ start: tail.goodEnd, end: size });
      const done = await quarantineRanges(seg.path, from, damaged, rows, now());
      seg.size = done.size;
      // a sidecar that was not used indexes lines that moved or are gone
      if (!from) await fsp.rm(seg.idxPath, { force: true });
      warn(damageWarning(seg.path, damaged.length - (tail.tornBytes ? 1 : 0), tail.tornBytes, done));
    } else if (damaged.length || tail.tornHasNul) {
      warn(damageWarning(seg.path, damaged.length, tail.tornHasNul ? tail.tornBytes : 0, 'read-only'));
    }
    cols.reserve(rows.length);
    for (const row of rows) cols.push({ ...row, seg: ordinal });
    seg.count = cols.length - startRow;
    for (let r = startRow; r < cols.length; r++) seg.maxAtMs = Math.max(seg.maxAtMs, cols.atMs[r]);
    seg.day = seg.count ? Math.floor(cols.atMs[startRow] / DAY_MS) : 0;
    lastId = Math.max(lastId, firstId - 1);
    segments.push(seg);
  }
  // sealed segments whose sidecar is missing or stale get one now, so the next open is fast
  if (writable) {
    for (const seg of segments.slice(0, -1)) {
      if (seg.sidecarBytes !== seg.size) await writeSegmentSidecar(cols, seg);
    }
  }
  return { segments, lastId };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Rows of `seg` are a contiguous run of the index; the sidecar gets exactly those. */
export async function writeSegmentSidecar(cols: HistoryColumns, seg: Segment): Promise<void> {
  // the segment's first row: rows are grouped by segment in ordinal order
  let lo = 0;
  let hi = cols.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols.seg[mid] < seg.ordinal) lo = mid + 1;
    else hi = mid;
  }
  await writeSidecar(seg.idxPath, seg.size, cols.extractBlock(lo, lo + seg.count));
  seg.sidecarBytes = seg.size;
}
