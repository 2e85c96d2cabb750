/**
 * Damaged segment files: what a power cut (ext4 can leave a file's last blocks as zeros), a write
 * torn by a crash or a bad disk leaves behind. Damage is a named, recoverable condition: the
 * writer copies the damaged bytes to `<segment>.damaged-<time>` (kept for a post-mortem, never read
 * again), cuts them out of the live file and keeps every good entry before and after them; readers
 * leave files alone (a writer may be mid-append) and just skip what does not parse.
 */
import { promises as fsp } from 'node:fs';
import { writeFileAtomic } from '../atomic-file';
import type { ColumnBlock } from './columns';
import { entryAt, type ByteRange, type SegmentRow } from './segment-file';

/**
 * How far back from its end a sidecar of one of the newest segments is checked against the JSONL:
 * a power cut damages what was written last, and a sidecar (written without fsync) may already
 * cover it. 256 KB is about 800 entries, a few milliseconds.
 */
export const VERIFY_WINDOW = 256 << 10;

/**
 * Whether the sidecar's rows in the last `windowBytes` of what it covers (at least its last row)
 * still find their entries in the segment file.
 */
export async function sidecarMatches(path: string, block: ColumnBlock, coveredBytes: number, windowBytes: number): Promise<boolean> {
  if (block.count === 0) return true;
  let first = block.count - 1;
  while (first > 0 && block.offset[first - 1] >= coveredBytes - windowBytes) first--;
  const start = block.offset[first];
  const buf = Buffer.alloc(coveredBytes - start);
  const fh = await fsp.open(path, 'r');
  try {
    await fh.read(buf, 0, buf.length, start);
  } finally {
    await fh.close();
  }
  for (let i = first; i < block.count; i++) {
    if (!entryAt(buf, block.offset[i] - start, block.len[i], block.id[i])) return false;
  }
  return true;
}

/** A file name part for "now": 2026-03-01T12-00-00-000Z. */
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');

/**
 * Copies the damaged ranges of `path` to `<path>.damaged-<time>`, then removes them from `path`:
 * a truncation when nothing good follows them, otherwise a rewrite (atomic) of the good lines after
 * `from` (the bytes before `from` are kept as they are: a valid sidecar covers them). `rows` are the
 * good rows after `from`, in file order; their offsets are updated. Returns the aside file and the
 * file's new size.
 */
export async function quarantineRanges(path: string, from: number, damaged: readonly ByteRange[], rows: SegmentRow[], nowMs: number): Promise<{ aside: string; size: number }> {
  const ranges = [...damaged].sort((a, b) => a.start - b.start);
  const content = await fsp.readFile(path);
  const aside = `${path}.damaged-${stamp(nowMs)}`;
  await writeFileAtomic(aside, Buffer.concat(ranges.map((r) => content.subarray(r.start, r.end))));
  const goodEnd = rows.length ? rows[rows.length - 1].offset + rows[rows.length - 1].length : from;
  if (ranges[0].start >= goodEnd) {
    // the usual case (a damaged tail): cut it off
    await fsp.truncate(path, ranges[0].start);
    return { aside, size: ranges[0].start };
  }
  const parts: Buffer[] = [content.subarray(0, from)];
  let at = from;
  for (const row of rows) {
    parts.push(content.subarray(row.offset, row.offset + row.length));
    row.offset = at;
    at += row.length;
  }
  await writeFileAtomic(path, Buffer.concat(parts));
  return { aside, size: at };
}

/** The one warning line for a damaged segment. */
export function damageWarning(path: string, badLines: number, tornBytes: number, outcome: { aside: string } | 'read-only'): string {
  const what: string[] = [];
  if (badLines) what.push(`skipped ${badLines} damaged line(s)`);
  if (tornBytes) what.push(`it ends with an incomplete entry (${tornBytes} bytes, from an interrupted write or a power cut)`);
  const done = outcome === 'read-only' ? 'left out here; the engine sets them aside when it next starts' : `set aside in ${outcome.aside}; every other entry kept`;
  return `history: ${path} is damaged: ${what.join(' and ')}; ${done}`;
}
