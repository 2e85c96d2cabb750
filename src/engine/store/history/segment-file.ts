/**
 * Segment files: append-only JSONL, one entry per line, named after the first id they hold
 * (`0000000001.jsonl`). Reading one tolerates a crash: a last line without its newline (a write
 * torn by a crash) is reported so the writer can cut it off, and a line that does not parse
 * (e.g. zeros left by a power cut) is reported with its byte range, never fatal: a writer sets
 * it aside (./damage.ts).
 */
import { promises as fsp } from 'node:fs';
import type { HistoryEntry, NewHistoryEntry } from '../../../shared/status';
import { FLAG_DRY_RUN, STATUS_CODE, type IndexRow } from './columns';

export type SegmentRow = Omit<IndexRow, 'seg'>;

export const segmentName = (firstId: number) => `${String(firstId).padStart(10, '0')}.jsonl`;
export const sidecarName = (firstId: number) => `${String(firstId).padStart(10, '0')}.idx`;
export const SEGMENT_FILE = /^(\d{10})\.jsonl$/;

/** The index row of an entry stored at [offset, offset + length) of its segment. */
export function rowOf(entry: HistoryEntry, offset: number, length: number): SegmentRow {
  return {
    id: entry.id,
    atMs: Date.parse(entry.at),
    instanceId: entry.instanceId,
    jobId: entry.jobId,
    status: STATUS_CODE.get(entry.status) ?? 0,
    flags: entry.dryRun ? FLAG_DRY_RUN : 0,
    items: entry.items.length,
    grabs: entry.grabs.length,
    offset,
    length,
  };
}

/** A stored line that is not a plausible entry is treated like a damaged one. */
function isEntry(v: unknown): v is HistoryEntry {
  const e = v as HistoryEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    Number.isInteger(e.id) &&
    e.id > 0 &&
    typeof e.at === 'string' &&
    Number.isFinite(Date.parse(e.at)) &&
    typeof e.instanceId === 'string' &&
    typeof e.jobId === 'string' &&
    STATUS_CODE.has(e.status) &&
    Array.isArray(e.items) &&
    Array.isArray(e.grabs)
  );
}

/** A byte range [start, end) of a segment file. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface ParsedSegment {
  rows: SegmentRow[];
  /** end of the last complete line: where the next append belongs */
  goodEnd: number;
  /** bytes after goodEnd without a newline (a torn write, or zeros left by a power cut) */
  tornBytes: number;
  /** whether those bytes hold a NUL, which the writer never writes (JSON escapes it): damage, not a write in progress */
  tornHasNul: boolean;
  /** complete lines (newline included) that did not parse as an entry */
  badLines: ByteRange[];
}

const CHUNK = 4 << 20;

/** Parses [from, size) of a segment file in bounded chunks. */
export async function parseSegment(path: string, from: number, size: number): Promise<ParsedSegment> {
  const out: ParsedSegment = { rows: [], goodEnd: from, tornBytes: 0, tornHasNul: false, badLines: [] };
  if (size <= from) return out;
  const fh = await fsp.open(path, 'r');
  try {
    let carry = Buffer.alloc(0);
    let carryStart = from;
    for (let pos = from; pos < size; ) {
      const want = Math.min(CHUNK, size - pos);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await fh.read(chunk, 0, want, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        const offset = carryStart + start;
        parseLine(buf, start, nl, offset, out);
        start = nl + 1;
        out.goodEnd = carryStart + start;
      }
      carry = Buffer.from(buf.subarray(start));
      carryStart += start;
    }
    out.tornBytes = carry.length;
    out.tornHasNul = carry.includes(0);
  } finally {
    await fh.close();
  }
  return out;
}

function parseLine(buf: Buffer, start: number, end: number, offset: number, out: ParsedSegment): void {
  if (end === start) return; // an empty line is harmless
  const bad = () => void out.badLines.push({ start: offset, end: offset + end - start + 1 });
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8', start, end));
  } catch {
    return bad();
  }
  if (isEntry(value)) out.rows.push(rowOf(value, offset, end - start + 1));
  else bad();
}

/** The stored line at a row's place, if it is that entry (a power cut can leave zeros where lines were). */
export function entryAt(buf: Buffer, from: number, length: number, id: number): HistoryEntry | undefined {
  if (length < 2 || from + length > buf.length || buf[from + length - 1] !== 10) return undefined;
  try {
    const value: unknown = JSON.parse(buf.toString('utf8', from, from + length - 1));
    return isEntry(value) && value.id === id ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Why an entry cannot be appended, or undefined when it can. */
export function invalidNewEntry(e: NewHistoryEntry): string | undefined {
  if (typeof e.at !== 'string' || !Number.isFinite(Date.parse(e.at))) return `at must be an ISO date, got ${JSON.stringify(e.at)}`;
  if (typeof e.instanceId !== 'string' || !e.instanceId) return 'instanceId is required';
  if (typeof e.jobId !== 'string' || !e.jobId) return 'jobId is required';
  if (!STATUS_CODE.has(e.status)) return `unknown status ${JSON.stringify(e.status)}`;
  if (!Array.isArray(e.items)) return 'items must be an array';
  if (!Array.isArray(e.grabs)) return 'grabs must be an array';
  if (typeof e.cost !== 'number' || !Number.isFinite(e.cost) || e.cost < 0) return 'cost must be a number >= 0';
  return undefined;
}
