/**
 * The in-memory index of the history: one row per entry in typed-array columns (about 40 bytes a
 * row, 12 MB for 300,000 entries) holding just what filtering, counting and locating a line need.
 * Strings (instance and job ids) are interned to small codes. Rows are in id order, which is
 * append order, so "newest first" is a backwards walk and retention drops a prefix.
 */
import type { HistoryStatus } from '../../../shared/status';

export const STATUSES: readonly HistoryStatus[] = ['grabbed', 'searched', 'failed', 'error', 'skipped', 'cycle'];
export const STATUS_CODE: ReadonlyMap<string, number> = new Map(STATUSES.map((s, i) => [s, i]));

export const FLAG_DRY_RUN = 1;

/** What the index keeps of one entry. */
export interface IndexRow {
  id: number;
  atMs: number;
  instanceId: string;
  jobId: string;
  status: number;
  flags: number;
  items: number;
  grabs: number;
  /** segment ordinal */
  seg: number;
  offset: number;
  length: number;
}

/** Interns strings to dense codes (Uint16 columns). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      if (this.values.length >= 0xffff) throw new Error('history index: more than 65,535 distinct instance or job ids');
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

type Column = Uint32Array | Float64Array | Uint16Array | Uint8Array;

/** A run of rows with its own string tables: what a sidecar file holds (the segment is implied). */
export interface ColumnBlock {
  count: number;
  instances: string[];
  jobs: string[];
  id: Uint32Array;
  atMs: Float64Array;
  inst: Uint16Array;
  job: Uint16Array;
  status: Uint8Array;
  flags: Uint8Array;
  items: Uint32Array;
  grabs: Uint32Array;
  offset: Uint32Array;
  len: Uint32Array;
}

export const BLOCK_COLUMNS = ['id', 'atMs', 'inst', 'job', 'status', 'flags', 'items', 'grabs', 'offset', 'len'] as const;

export class HistoryColumns {
  length = 0;
  readonly instances = new Dictionary();
  readonly jobs = new Dictionary();
  id = new Uint32Array(0);
  atMs = new Float64Array(0);
  inst = new Uint16Array(0);
  job = new Uint16Array(0);
  status = new Uint8Array(0);
  flags = new Uint8Array(0);
  items = new Uint32Array(0);
  grabs = new Uint32Array(0);
  seg = new Uint32Array(0);
  offset = new Uint32Array(0);
  len = new Uint32Array(0);

  constructor(capacity = 1024) {
    this.resize(capacity);
  }

  get capacity(): number {
    return this.id.length;
  }

  push(row: IndexRow): void {
    if (this.length === this.capacity) this.resize(Math.max(1024, this.capacity * 2));
    const i = this.length++;
    this.id[i] = row.id;
    this.atMs[i] = row.atMs;
    this.inst[i] = this.instances.code(row.instanceId);
    this.job[i] = this.jobs.code(row.jobId);
    this.status[i] = row.status;
    this.flags[i] = row.flags;
    this.items[i] = Math.min(row.items, 0xffffffff);
    this.grabs[i] = Math.min(row.grabs, 0xffffffff);
    this.seg[i] = row.seg;
    this.offset[i] = row.offset;
    this.len[i] = row.length;
  }

  /** Gives back the growth slack after a bulk load (keeps 10% for appends). */
  trim(): void {
    const target = Math.max(1024, Math.ceil(this.length * 1.1));
    if (target < this.capacity) this.resize(target);
  }

  /** Reserves room for `extra` more rows in one step (bulk loads). */
  reserve(extra: number): void {
    if (this.length + extra > this.capacity) this.resize(Math.max(this.length + extra, this.capacity * 2));
  }

  /** Appends a block (from a sidecar) as rows of segment `seg`, re-coding its strings. */
  appendBlock(block: ColumnBlock, seg: number): void {
    this.reserve(block.count);
    const instMap = block.instances.map((v) => this.instances.code(v));
    const jobMap = block.jobs.map((v) => this.jobs.code(v));
    const at = this.length;
    this.id.set(block.id, at);
    this.atMs.set(block.atMs, at);
    this.status.set(block.status, at);
    this.flags.set(block.flags, at);
    this.items.set(block.items, at);
    this.grabs.set(block.grabs, at);
    this.offset.set(block.offset, at);
    this.len.set(block.len, at);
    this.seg.fill(seg, at, at + block.count);
    for (let i = 0; i < block.count; i++) {
      this.inst[at + i] = instMap[block.inst[i]];
      this.job[at + i] = jobMap[block.job[i]];
    }
    this.length += block.count;
  }

  /** Rows [from, to) as a block (for writing a sidecar); strings keep the global codes. */
  extractBlock(from: number, to: number): ColumnBlock {
    return {
      count: to - from,
      instances: this.instances.values.slice(),
      jobs: this.jobs.values.slice(),
      id: this.id.slice(from, to),
      atMs: this.atMs.slice(from, to),
      inst: this.inst.slice(from, to),
      job: this.job.slice(from, to),
      status: this.status.slice(from, to),
      flags: this.flags.slice(from, to),
      items: this.items.slice(from, to),
      grabs: this.grabs.slice(from, to),
      offset: this.offset.slice(from, to),
      len: this.len.slice(from, to),
    };
  }

  /** Drops the first `count` rows (retention). */
  dropPrefix(count: number): void {
    if (count <= 0) return;
    for (const col of this.columns()) col.copyWithin(0, count, this.length);
    this.length -= count;
  }

  /** The first row whose id is >= `id` (ids ascend with rows). */
  lowerBoundId(id: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.id[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private columns(): Column[] {
    return [this.id, this.atMs, this.inst, this.job, this.status, this.flags, this.items, this.grabs, this.seg, this.offset, this.len];
  }

  private resize(capacity: number): void {
    const grow = <T extends Column>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.length) as never);
      return next;
    };
    this.id = grow(this.id, (n) => new Uint32Array(n));
    this.atMs = grow(this.atMs, (n) => new Float64Array(n));
    this.inst = grow(this.inst, (n) => new Uint16Array(n));
    this.job = grow(this.job, (n) => new Uint16Array(n));
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.items = grow(this.items, (n) => new Uint32Array(n));
    this.grabs = grow(this.grabs, (n) => new Uint32Array(n));
    this.seg = grow(this.seg, (n) => new Uint32Array(n));
    this.offset = grow(this.offset, (n) => new Uint32Array(n));
    this.len = grow(this.len, (n) => new Uint32Array(n));
  }
}
