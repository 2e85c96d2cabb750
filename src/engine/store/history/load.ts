/**
 * Opening the history directory: every segment's rows go into the index, from its sidecar when
 * that is valid (a typed-array copy) plus a parse of whatever was appended after it (at most one
 * segment's worth after a crash). Torn last lines are cut off (writable mode only); damaged lines
 * are skipped with a warning.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { HistoryColumns } from './columns';
import { readSidecar, writeSidecar } from './sidecar';
import { parseSegment, SEGMENT_FILE, segmentName, sidecarName } from './segment-file';

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

export async function loadSegments(dir: string, cols: HistoryColumns, writable: boolean, warn: (msg: string) => void): Promise<LoadResult> {
  const names = (await fsp.readdir(dir)).filter((n) => SEGMENT_FILE.test(n)).sort();
  // sizes and sidecars are read in parallel (the slow part of an open is waiting on files), then applied in order
  const found = await mapLimited(names, 16, async (name) => {
    const firstId = Number(SEGMENT_FILE.exec(name)![1]);
    const path = join(dir, name);
    const size = (await fsp.stat(path)).size;
    return { firstId, size, sidecar: await readSidecar(join(dir, sidecarName(firstId)), size) };
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
    let skipped = 0;
    cols.reserve(tail.rows.length);
    for (const row of tail.rows) {
      if (row.id <= lastId) {
        skipped++; // ids only grow; a repeated or older id is damage
        continue;
      }
      cols.push({ ...row, seg: ordinal });
      lastId = row.id;
    }
    if (tail.badLines + skipped) warn(`history: skipped ${tail.badLines + skipped} damaged line(s) in ${seg.path}`);
    if (tail.tornBytes) {
      warn(`history: ${seg.path} ends with an incomplete entry (${tail.tornBytes} bytes, from an interrupted write)${writable ? '; removed it' : ''}`);
      if (writable) await fsp.truncate(seg.path, tail.goodEnd);
    }
    seg.size = tail.goodEnd;
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

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
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
