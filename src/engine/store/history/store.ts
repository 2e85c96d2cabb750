/**
 * The search history: append-only JSONL segments (one per UTC day, capped in entries and bytes)
 * plus an in-memory typed-array index, rebuilt at open from per-segment sidecar files.
 *
 * - Durable appends with group commit: `append()` resolves only after its line is written (and,
 *   with `fsync: 'always'`, the default, flushed to the disk), so a SIGKILL right after it returns
 *   loses nothing. Appends that arrive while a write is in flight share the next write and fsync,
 *   so bursts cost one fsync, not one each.
 * - Queries scan the index (no I/O) and then read only the lines of the requested page.
 * - Retention deletes whole segment files older than the limit and drops an index prefix.
 * - One writer per directory (the engine); other processes open it `readOnly` for a snapshot.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { HistoryEntry, HistoryPage, HistoryQuery, NewHistoryEntry } from '../../../shared/status';
import { scrubSecrets } from '../../config/redact';
import { HistoryColumns } from './columns';
import { CSV_HEADER, csvRow } from './csv';
import { DAY_MS, loadSegments, newSegment, writeSegmentSidecar, type Segment } from './load';
import { countByDay, scanRows, selectPage, type DayCount, type RowFilter } from './query';
import { locate, readEntries } from './read-entries';
import { invalidNewEntry, rowOf } from './segment-file';

export interface HistoryStoreOptions {
  dir: string;
  /** entries older than this are dropped (whole days at a time); default 180 */
  retentionDays?: number;
  /** 'always' (default): fdatasync each write batch; 'never': survive a process crash but not a power cut */
  fsync?: 'always' | 'never';
  now?: () => number;
  readOnly?: boolean;
  warn?: (message: string) => void;
  /** removes secrets from free text (messages) before it is stored; a pattern-based scrub is always applied */
  scrub?: (text: string) => string;
  maxSegmentEntries?: number;
  maxSegmentBytes?: number;
}

interface Pending {
  entry: HistoryEntry;
  line: string;
  resolve: (e: HistoryEntry) => void;
  reject: (err: unknown) => void;
}

/** A sidecar is refreshed when this many entries were appended past it (bounds re-parsing after a crash). */
const SIDECAR_EVERY = 5000;

export class HistoryStore {
  private readonly cols = new HistoryColumns();
  private segments: Segment[] = [];
  private lastIdValue = 0;
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private writer: FileHandle | undefined;
  private readers = 0;
  private doomed: string[] = [];
  /** files a read found damaged (warned about once) */
  private readonly damagedFiles = new Set<string>();
  private closed = false;
  private retentionDays: number;
  private readonly now: () => number;
  private readonly warn: (m: string) => void;
  private readonly scrub: (text: string) => string;

  private constructor(private readonly opts: HistoryStoreOptions) {
    this.now = opts.now ?? Date.now;
    this.retentionDays = opts.retentionDays ?? 180;
    this.warn = opts.warn ?? ((m) => process.emitWarning(m));
    this.scrub = opts.scrub ? (t) => scrubSecrets(opts.scrub!(t)) : (t) => scrubSecrets(t);
  }

  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const store = new HistoryStore(options);
    if (!options.readOnly) await fsp.mkdir(options.dir, { recursive: true });
    else if (!(await fsp.stat(options.dir).catch(() => undefined))) return store; // nothing recorded yet
    const loaded = await loadSegments(options.dir, store.cols, !options.readOnly, store.warn, store.now);
    store.segments = loaded.segments;
    store.lastIdValue = loaded.lastId;
    store.cols.trim();
    if (!options.readOnly) await store.prune();
    return store;
  }

  /** Entries in the store. */
  get size(): number {
    return this.cols.length;
  }

  get lastId(): number {
    return this.lastIdValue;
  }

  /** Records an entry; resolves with its id once it is on disk. */
  append(input: NewHistoryEntry): Promise<HistoryEntry> {
    if (this.closed) return Promise.reject(new Error('history store is closed'));
    if (this.opts.readOnly) return Promise.reject(new Error('history store is open read-only'));
    const problem = invalidNewEntry(input);
    if (problem) return Promise.reject(new TypeError(`history entry: ${problem}`));
    // the store assigns ids: one passed in (a HistoryEntry re-appended by mistake) is ignored
    const { id: _given, ...fields } = input as NewHistoryEntry & { id?: unknown };
    const entry: HistoryEntry = { id: ++this.lastIdValue, ...fields };
    if (entry.message !== undefined) entry.message = this.scrub(entry.message);
    const line = JSON.stringify(entry) + '\n';
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, line, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Waits until every append so far is written. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async query(q: HistoryQuery = {}): Promise<HistoryPage> {
    const { rows, total } = selectPage(this.cols, q);
    return { entries: await this.read(rows), total };
  }

  async get(id: number): Promise<HistoryEntry | undefined> {
    const r = this.cols.lowerBoundId(id);
    if (r >= this.cols.length || this.cols.id[r] !== id) return undefined;
    return (await this.read([r]))[0];
  }

  /** The history chart: per calendar day in `timeZone` (the system's by default), today last. */
  countsByDay(days: number, filter: { instanceId?: string; jobId?: string; timeZone?: string } = {}): DayCount[] {
    return countByDay(this.cols, this.now(), days, filter);
  }

  /** CSV of every matching entry, newest first, streamed in batches (for export to a file or HTTP). */
  exportCsv(filter: RowFilter = {}): Readable {
    return Readable.from(this.csvChunks(filter));
  }

  private async *csvChunks(filter: RowFilter): AsyncGenerator<string> {
    yield CSV_HEADER;
    for (let before = Infinity; ; ) {
      const rows = scanRows(this.cols, filter, before, 500);
      if (!rows.length) return;
      before = this.cols.id[rows[rows.length - 1]];
      yield (await this.read(rows)).map(csvRow).join('');
    }
  }

  /** Applies a changed `historyRetentionDays` setting at once. */
  async setRetentionDays(days: number): Promise<number> {
    if (!(Number.isFinite(days) && days >= 1)) throw new RangeError(`history retention must be at least 1 day, got ${days}`);
    this.retentionDays = days;
    return this.prune();
  }

  /** Drops segments whose newest entry is past retention; returns the number of entries dropped. */
  async prune(): Promise<number> {
    if (this.opts.readOnly) return 0;
    const cutoff = this.now() - this.retentionDays * DAY_MS;
    let drop = 0;
    // the newest segment stays even when old: its name carries the id sequence
    while (drop < this.segments.length - 1 && this.segments[drop].maxAtMs < cutoff) drop++;
    if (!drop) return 0;
    const gone = this.segments.splice(0, drop);
    const rows = gone.reduce((sum, s) => sum + s.count, 0);
    this.cols.dropPrefix(rows);
    this.doomed.push(...gone.flatMap((s) => [s.path, s.idxPath]));
    await this.deleteDoomed();
    return rows;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    const active = this.segments.at(-1);
    if (!this.opts.readOnly && active && active.sidecarBytes !== active.size) await writeSegmentSidecar(this.cols, active);
    await this.writer?.close();
    this.writer = undefined;
  }

  private async read(rows: number[]): Promise<HistoryEntry[]> {
    if (!rows.length) return [];
    const base = this.segments[0]?.ordinal ?? 0;
    const locs = locate(this.cols, rows, (ordinal) => this.segments[ordinal - base].path);
    this.readers++;
    try {
      const { entries, damaged } = await readEntries(locs);
      for (const path of new Set(damaged.map((d) => d.path))) {
        if (this.damagedFiles.has(path)) continue; // one warning per file
        this.damagedFiles.add(path);
        const ids = damaged.filter((d) => d.path === path).map((d) => d.id);
        this.warn(`history: ${path} is damaged: entries ${ids.join(', ')} no longer read back; left out`);
      }
      return entries;
    } finally {
      this.readers--;
      await this.deleteDoomed();
    }
  }

  /** Files of pruned segments go once no read is using them. */
  private async deleteDoomed(): Promise<void> {
    if (this.readers || !this.doomed.length) return;
    const paths = this.doomed.splice(0);
    await Promise.all(paths.map((p) => fsp.rm(p, { force: true })));
  }

  /** Runs while appends are pending; clears `flushing` in the same tick it sees the queue empty. */
  private async flushLoop(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0);
      try {
        await this.writeBatch(batch);
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.flushing = undefined;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const seg = await this.segmentFor(batch[0].entry.id);
    const buf = Buffer.from(batch.map((p) => p.line).join(''));
    try {
      const fh = (this.writer ??= await fsp.open(seg.path, 'a'));
      for (let done = 0; done < buf.length; ) done += (await fh.write(buf, done, buf.length - done)).bytesWritten;
      if (this.opts.fsync !== 'never') await fh.datasync();
    } catch (err) {
      // cut off whatever part of the batch reached the file, so no half line stays behind
      await fsp.truncate(seg.path, seg.size).catch(() => undefined);
      await this.writer?.close().catch(() => undefined);
      this.writer = undefined;
      throw err;
    }
    for (const p of batch) {
      const length = Buffer.byteLength(p.line);
      this.cols.push({ ...rowOf(p.entry, seg.size, length), seg: seg.ordinal });
      seg.size += length;
      seg.count++;
      seg.maxAtMs = Math.max(seg.maxAtMs, Date.parse(p.entry.at));
      p.resolve(p.entry);
    }
    if (seg.count - batch.length < Math.floor(seg.count / SIDECAR_EVERY) * SIDECAR_EVERY) await writeSegmentSidecar(this.cols, seg).catch(() => undefined);
  }

  /** The segment the next write goes to: a new one on a new day or when the current one is full. */
  private async segmentFor(firstId: number): Promise<Segment> {
    const today = Math.floor(this.now() / DAY_MS);
    const current = this.segments.at(-1);
    const full = current && (current.count >= (this.opts.maxSegmentEntries ?? 20_000) || current.size >= (this.opts.maxSegmentBytes ?? 64 << 20));
    if (current && (current.count === 0 || (current.day === today && !full))) {
      if (current.count === 0) current.day = today;
      return current;
    }
    if (current) {
      await this.writer?.close();
      this.writer = undefined;
      if (current.sidecarBytes !== current.size) await writeSegmentSidecar(this.cols, current);
    }
    const seg = newSegment(this.opts.dir, (current?.ordinal ?? -1) + 1, firstId, today);
    this.segments.push(seg);
    if (current) await this.prune();
    return seg;
  }
}
