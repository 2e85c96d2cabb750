/**
 * Storage decision (issue 12 §5): the hand-written history and state stores against a minimal
 * node:sqlite version of the same data, in one run.
 *
 *   npm run bench:storage [-- --entries N] [-- --kills K]
 *
 * Builds the same N entries (default 300,000 over 180 days, the generator of ./history.ts) in both
 * stores, then, each phase in a fresh child process so its peak RSS is its own:
 * - open + queries: newest page, filtered page, per-day counts for 30 days, the cross-job window
 *   query (the engine's own `searchedByOthers` on the store; one GROUP BY on sqlite);
 * - appends on the big store with the durability each gives (JSONL fdatasync per batch or none;
 *   sqlite WAL with synchronous=FULL or NORMAL);
 * - crash safety: a child appending history entries (or spending budget) in a loop is SIGKILLed at
 *   a random point K times; every entry/spend it acknowledged (printed after the call returned,
 *   standing for "the search was sent") is looked up afterwards.
 * - lines of code: the store modules that would go away against the sqlite core below (between
 *   the SQLITE CORE markers), which is what a port would need at least.
 * SIGKILL tests a process crash, not a power cut: the page cache survives, so it checks what each
 * store acknowledges before it has handed the data to the kernel.
 */
import { spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sqlite from 'node:sqlite';
import type { DatabaseSync as DatabaseSyncT, StatementSync } from 'node:sqlite';
import { CoalescedWriter } from '../src/engine/host/persistence';
import { searchedByOthers } from '../src/engine/run/cross-job';
import type { BudgetSnapshot } from '../src/engine/scheduler/budget';
import { HistoryStore } from '../src/engine/store/history/store';
import { budgetLedgerDoc, SINGLETON, StateStore } from '../src/engine/store/state';
import type { HistoryEntry, HistoryPage, HistoryQuery, NewHistoryEntry } from '../src/shared/status';
import { median, peakRssMb, timeIt } from './support/measure';
import { DAY, END, makeEntry, SPAN_DAYS } from './support/history-entries';

// node:sqlite prints an ExperimentalWarning on load (Node 22.23): measured, then silenced here
const warnings: string[] = [];
process.removeAllListeners('warning');
process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
const { DatabaseSync } = (await import('node:sqlite')) as typeof Sqlite;

const TZ = 'Europe/Berlin';
const self = fileURLToPath(import.meta.url);

type Figures = Record<string, number>;



// ---- SQLITE CORE begin: what a node:sqlite history + state store needs at least ----
type Sync = 'FULL' | 'NORMAL';
const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, instance_id TEXT NOT NULL,
  job_id TEXT NOT NULL, job_type TEXT NOT NULL, status TEXT NOT NULL, dry_run INTEGER NOT NULL,
  items INTEGER NOT NULL, grabs INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entries_at ON entries (at);
CREATE INDEX IF NOT EXISTS entries_inst_at ON entries (instance_id, at);
CREATE INDEX IF NOT EXISTS entries_inst_job_status ON entries (instance_id, job_id, status);
CREATE TABLE IF NOT EXISTS spends (id INTEGER PRIMARY KEY, budget_key TEXT NOT NULL, at INTEGER NOT NULL, cost REAL NOT NULL);
CREATE INDEX IF NOT EXISTS spends_key_at ON spends (budget_key, at);
CREATE TABLE IF NOT EXISTS documents (type TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL,
  saved_at INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, key));`;

export class SqliteStore {
  readonly db: DatabaseSyncT;
  private readonly insert: StatementSync;
  private readonly spendSt: StatementSync;
  constructor(path: string, sync: Sync = 'FULL', readOnly = false) {
    this.db = new DatabaseSync(path, { readOnly });
    if (!readOnly) this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${sync}; ${SCHEMA}`);
    this.insert = this.db.prepare('INSERT INTO entries (at, instance_id, job_id, job_type, status, dry_run, items, grabs, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.spendSt = this.db.prepare('INSERT INTO spends (budget_key, at, cost) VALUES (?, ?, ?)');
  }
  append(e: NewHistoryEntry): HistoryEntry {
    const body = JSON.stringify(e);
    const r = this.insert.run(Date.parse(e.at), e.instanceId, e.jobId, e.jobType, e.status, e.dryRun ? 1 : 0, e.items.length, e.grabs.length, body);
    return { id: Number(r.lastInsertRowid), ...e };
  }
  appendMany(es: NewHistoryEntry[]): void {
    this.db.exec('BEGIN');
    try {
      for (const e of es) this.append(e);
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }
  query(q: HistoryQuery = {}): HistoryPage {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (q.instanceId !== undefined) add('instance_id = ?', q.instanceId);
    if (q.jobId !== undefined) add('job_id = ?', q.jobId);
    if (q.status?.length) add(`status IN (${q.status.map(() => '?').join(',')})`, ...q.status);
    if (q.since !== undefined) add('at >= ?', Date.parse(q.since));
    if (q.until !== undefined) add('at < ?', Date.parse(q.until));
    if (q.before !== undefined) add('id < ?', q.before);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = Math.min(Math.max(Math.trunc(q.limit ?? 50), 0), 1000);
    const rows = this.db.prepare(`SELECT id, body FROM entries ${w} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, limit, Math.max(0, q.offset ?? 0)) as { id: number; body: string }[];
    const { n } = this.db.prepare(`SELECT count(*) AS n FROM entries ${w}`).get(...args) as { n: number };
    return { entries: rows.map((r) => ({ id: r.id, ...(JSON.parse(r.body) as NewHistoryEntry) })), total: n };
  }
  /** per local day in `timeZone`, today last: items searched, releases grabbed, failed commands */
  countsByDay(days: number, nowMs: number, timeZone: string, instanceId?: string): { date: string; searched: number; grabbed: number; failed: number }[] {
    const starts = localMidnights(nowMs, days, timeZone);
    // 15-minute buckets in SQL (every zone offset is a multiple of 15 min), summed into local days here
    const rows = this.db
      .prepare(
        `SELECT at / 900000 AS q, sum(CASE WHEN status IN ('searched','grabbed') THEN items ELSE 0 END) AS searched,
           sum(CASE WHEN status IN ('searched','grabbed') THEN grabs ELSE 0 END) AS grabbed, sum(status IN ('failed','error')) AS failed
         FROM entries WHERE at >= ? AND at < ? AND dry_run = 0 ${instanceId ? 'AND instance_id = ?' : ''} GROUP BY q`,
      )
      .all(starts[0].at, starts[days].at, ...(instanceId ? [instanceId] : [])) as { q: number; searched: number; grabbed: number; failed: number }[];
    const out = starts.slice(0, days).map((s) => ({ date: s.date, searched: 0, grabbed: 0, failed: 0 }));
    let d = 0;
    for (const r of rows) {
      while (d < days - 1 && r.q * 900_000 >= starts[d + 1].at) d++;
      out[d].searched += r.searched;
      out[d].grabbed += r.grabbed;
      out[d].failed += r.failed;
    }
    return out;
  }
  /** the cross-job rule: item id → latest search by another searching job of the instance since `since` */
  searchedByOthers(instanceId: string, jobId: string, since: number): Map<number, { jobId: string; at: number }> {
    const rows = this.db
      .prepare(
        `SELECT json_extract(i.value, '$.id') AS item, e.job_id AS jobId, max(e.at) AS at FROM entries e, json_each(e.body, '$.items') i
         WHERE e.instance_id = ? AND e.at >= ? AND e.status IN ('searched','grabbed') AND e.job_id <> ? AND e.dry_run = 0
           AND e.job_type NOT IN ('rename','refresh') GROUP BY item`,
      )
      .all(instanceId, since, jobId) as { item: number; jobId: string; at: number }[];
    return new Map(rows.map((r) => [r.item, { jobId: r.jobId, at: r.at }]));
  }
  prune(retentionDays: number, nowMs: number): number {
    return Number(this.db.prepare('DELETE FROM entries WHERE at < ?').run(nowMs - retentionDays * 86_400_000).changes);
  }
  /** the budget ledger: one row per spend, written before the search is sent */
  spend(budgetKey: string, at: number, cost: number): void {
    this.spendSt.run(budgetKey, at, cost);
  }
  spends(since: number): Record<string, { at: number; cost: number }[]> {
    const out: Record<string, { at: number; cost: number }[]> = {};
    for (const r of this.db.prepare('SELECT budget_key AS k, at, cost FROM spends WHERE at >= ? ORDER BY at').all(since) as { k: string; at: number; cost: number }[]) (out[r.k] ??= []).push({ at: r.at, cost: r.cost });
    return out;
  }
  /** state documents: the zod schemas, versions and migrations of ../src/engine/store/state/documents.ts stay as they are */
  readDoc(type: string, key: string): { version: number; data: unknown } | undefined {
    const r = this.db.prepare('SELECT version, data FROM documents WHERE type = ? AND key = ?').get(type, key) as { version: number; data: string } | undefined;
    return r && { version: r.version, data: JSON.parse(r.data) as unknown };
  }
  writeDoc(type: string, key: string, version: number, data: unknown, nowMs: number): void {
    this.db.prepare('INSERT OR REPLACE INTO documents (type, key, version, saved_at, data) VALUES (?, ?, ?, ?, ?)').run(type, key, version, nowMs, JSON.stringify(data));
  }
  close(): void {
    this.db.close();
  }
}

function localMidnights(nowMs: number, days: number, timeZone: string): { date: string; at: number }[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const offset = (t: number) => {
    const name = format.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  const today = Math.floor((nowMs + offset(nowMs)) / 86_400_000) * 86_400_000;
  return Array.from({ length: days + 1 }, (_, i) => {
    const local = today - (days - 1 - i) * 86_400_000;
    return { date: new Date(local).toISOString().slice(0, 10), at: local - offset(local - offset(local)) };
  });
}
// ---- SQLITE CORE end ----

/** Phase: build both stores from the same entries (no fsync: set-up, appends are measured apart). */
async function build(dir: string, n: number): Promise<Figures> {
  let now = END - SPAN_DAYS * DAY;
  const store = await HistoryStore.open({ dir: join(dir, 'jsonl'), fsync: 'never', retentionDays: 3650, now: () => now });
  const db = new SqliteStore(join(dir, 'history.sqlite'), 'NORMAL');
  const t = performance.now();
  const CHUNK = 1000;
  let jsonlMs = 0;
  let sqliteMs = 0;
  for (let i = 0; i < n; i += CHUNK) {
    const batch: NewHistoryEntry[] = [];
    for (let k = i; k < Math.min(n, i + CHUNK); k++) batch.push(makeEntry(k, n));
    now = Date.parse(batch.at(-1)!.at);
    let t0 = performance.now();
    await Promise.all(batch.map((e) => store.append(e)));
    jsonlMs += performance.now() - t0;
    t0 = performance.now();
    db.appendMany(batch);
    sqliteMs += performance.now() - t0;
  }
  await store.close();
  db.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { buildMs: performance.now() - t, jsonlMs, sqliteMs };
}

/** a number that differs when any day's counts differ */
const checksum = (days: { date: string; searched: number; grabbed: number; failed: number }[]) =>
  days.reduce((sum, d, i) => sum + (i + 1) * (d.searched * 1_000_003 + d.grabbed * 1_009 + d.failed) + Number(d.date.slice(8)), 0) % 1_000_000_007;

/** Phase: open + queries of one side; RSS is this process's peak. */
async function queryPhase(dir: string, side: 'jsonl' | 'sqlite'): Promise<Figures> {
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const since = END - 7 * DAY;
  const filtered: HistoryQuery = { instanceId: 'sonarr', jobId: 'upgrade', status: ['grabbed', 'failed'], limit: 50 };
  let crossItems = 0;
  if (side === 'jsonl') {
    const open = () => HistoryStore.open({ dir: join(dir, 'jsonl'), retentionDays: 3650, now: () => END });
    const t = performance.now();
    const store = await open();
    const firstOpenMs = performance.now() - t;
    await store.close();
    const openMs = await timeIt(5, async () => (await open()).close());
    const s = await open();
    const out: Figures = {
      firstOpenMs,
      openMs,
      entries: s.size,
      newestPageMs: await timeIt(30, () => s.query({ limit: 50 })),
      filteredPageMs: await timeIt(30, () => s.query(filtered)),
      countsByDay30Ms: await timeIt(30, () => s.countsByDay(30, { timeZone: TZ })),
      countsCheck: checksum(s.countsByDay(30, { timeZone: TZ })),
      crossJobMs: await timeIt(10, async () => (crossItems = (await searchedByOthers(s, 'radarr', 'upgrade', since)).size)),
    };
    await s.close();
    return { ...out, crossItems, rssBeforeMb: rssBefore, rssMb: peakRssMb() };
  }
  const path = join(dir, 'history.sqlite');
  const open = () => {
    const db = new SqliteStore(path, 'FULL');
    db.db.prepare('SELECT max(id) FROM entries').get();
    return db;
  };
  const t = performance.now();
  open().close();
  const firstOpenMs = performance.now() - t;
  const openMs = await timeIt(5, () => open().close());
  const db = open();
  const out: Figures = {
    firstOpenMs,
    openMs,
    entries: db.query({ limit: 1 }).total,
    newestPageMs: await timeIt(30, () => db.query({ limit: 50 })),
    filteredPageMs: await timeIt(30, () => db.query(filtered)),
    countsByDay30Ms: await timeIt(30, () => db.countsByDay(30, END, TZ)),
    countsCheck: checksum(db.countsByDay(30, END, TZ)),
    crossJobMs: await timeIt(10, () => (crossItems = db.searchedByOthers('radarr', 'upgrade', since).size)),
  };
  db.close();
  return { ...out, crossItems, rssBeforeMb: rssBefore, rssMb: peakRssMb() };
}

/** Phase: appends on the big store, one caller awaiting each, and a burst of 2,000 (group commit / one transaction). */
async function appendPhase(dir: string, side: 'jsonl' | 'sqlite'): Promise<Figures> {
  const e = () => ({ ...makeEntry(7, 10), at: new Date(END).toISOString() });
  const out: Figures = {};
  const SEQ = 300;
  const BURST = 2000;
  if (side === 'jsonl') {
    for (const fsync of ['always', 'never'] as const) {
      const store = await HistoryStore.open({ dir: join(dir, 'jsonl'), fsync, retentionDays: 3650, now: () => END });
      const lat: number[] = [];
      for (let i = 0; i < SEQ; i++) {
        const t = performance.now();
        await store.append(e());
        lat.push(performance.now() - t);
      }
      out[`${fsync}_latencyMs`] = median(lat);
      out[`${fsync}_seqPerSec`] = SEQ / (lat.reduce((a, b) => a + b, 0) / 1000);
      const t = performance.now();
      await Promise.all(Array.from({ length: BURST }, () => store.append(e())));
      out[`${fsync}_burstPerSec`] = BURST / ((performance.now() - t) / 1000);
      await store.close();
    }
  } else {
    for (const sync of ['FULL', 'NORMAL'] as const) {
      const db = new SqliteStore(join(dir, 'history.sqlite'), sync);
      const lat: number[] = [];
      for (let i = 0; i < SEQ; i++) {
        const t = performance.now();
        db.append(e());
        lat.push(performance.now() - t);
      }
      out[`${sync}_latencyMs`] = median(lat);
      out[`${sync}_seqPerSec`] = SEQ / (lat.reduce((a, b) => a + b, 0) / 1000);
      const t = performance.now();
      db.appendMany(Array.from({ length: BURST }, e));
      out[`${sync}_burstPerSec`] = BURST / ((performance.now() - t) / 1000);
      db.close();
    }
  }
  return { ...out, rssMb: peakRssMb() };
}

// ---- crash safety ----
type CrashKind = 'history-jsonl' | 'history-sqlite' | 'budget-json' | 'budget-sqlite';
let ackFd = -1;
/** acks go to a file: written synchronously into the page cache, which a SIGKILL keeps (a pipe can refuse a sync write) */
const ack = (v: number) => writeSync(ackFd, `${v}\n`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Child: appends or spends until killed, printing each acknowledged id/time after the call returned. */
async function crashChild(kind: CrashKind, dir: string, ackFile: string): Promise<void> {
  ackFd = openSync(ackFile, 'w');
  const e = () => ({ ...makeEntry(Math.floor(Math.random() * 1000), 1000), at: new Date().toISOString() });
  if (kind === 'history-jsonl') {
    const store = await HistoryStore.open({ dir, retentionDays: 3650 });
    writeSync(1, 'ready\n');
    for (;;) {
      // the engine's shape: sometimes several appends in one turn (group commit), then an await
      const n = 1 + Math.floor(Math.random() * 3);
      const done = await Promise.all(Array.from({ length: n }, () => store.append(e())));
      for (const d of done) ack(d.id);
    }
  }
  if (kind === 'history-sqlite') {
    const db = new SqliteStore(join(dir, 'h.sqlite'), 'NORMAL');
    writeSync(1, 'ready\n');
    for (;;) {
      ack(db.append(e()).id);
      await pause(0);
    }
  }
  if (kind === 'budget-sqlite') {
    const db = new SqliteStore(join(dir, 'b.sqlite'), 'NORMAL');
    let at = ((db.db.prepare('SELECT max(at) AS m FROM spends').get() as { m: number | null }).m ?? 0) + 1;
    writeSync(1, 'ready\n');
    for (;; at++) {
      db.spend('radarr', at, 1);
      ack(at); // the search is sent after the spend is committed
      await pause(Math.random() * 5);
    }
  }
  // budget-json: the engine's way, the ledger a state document written by the CoalescedWriter
  const store = await StateStore.open(dir);
  const ledger: BudgetSnapshot = await store.read(budgetLedgerDoc, SINGLETON);
  const list = (ledger.spends.radarr ??= []);
  let at = (list.at(-1)?.at ?? 0) + 1;
  const writer = new CoalescedWriter(store, () => [{ type: budgetLedgerDoc as never, key: SINGLETON, value: ledger }], () => undefined);
  writeSync(1, 'ready\n');
  for (;; at++) {
    list.push({ at, cost: 1 });
    writer.request();
    ack(at); // the scheduler sends the search without waiting for the write
    await pause(Math.random() * 5);
  }
}

async function killOnce(kind: CrashKind, dir: string): Promise<number[]> {
  const ackFile = `${dir}.acks`;
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--crash-child', kind, dir, ackFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      const was = text;
      text += d;
      if (!was.includes('ready\n') && text.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), 100 + Math.random() * 700);
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
  });
  return (await readFile(ackFile, 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
}

async function acknowledgedButLost(kind: CrashKind, dir: string, acked: number[]): Promise<number> {
  let present: Set<number>;
  if (kind === 'history-jsonl') {
    const s = await HistoryStore.open({ dir, retentionDays: 3650, warn: () => undefined });
    present = new Set();
    for (let before: number | undefined; ; ) {
      const p = await s.query({ limit: 1000, ...(before ? { before } : {}) });
      for (const e of p.entries) present.add(e.id);
      if (p.entries.length < 1000) break;
      before = p.entries.at(-1)!.id;
    }
    await s.close();
  } else if (kind === 'history-sqlite' || kind === 'budget-sqlite') {
    const db = new SqliteStore(join(dir, kind === 'history-sqlite' ? 'h.sqlite' : 'b.sqlite'), 'NORMAL');
    const sql = kind === 'history-sqlite' ? 'SELECT id AS v FROM entries' : 'SELECT at AS v FROM spends';
    present = new Set((db.db.prepare(sql).all() as { v: number }[]).map((r) => r.v));
    db.close();
  } else {
    const ledger = await (await StateStore.open(dir)).read(budgetLedgerDoc, SINGLETON);
    present = new Set((ledger.spends.radarr ?? []).map((s) => s.at));
  }
  return acked.filter((v) => !present.has(v)).length;
}

async function crashPhase(root: string, kills: number): Promise<Record<CrashKind, { acked: number; lost: number; killsLosing: number; maxLost: number }>> {
  const out = {} as Record<CrashKind, { acked: number; lost: number; killsLosing: number; maxLost: number }>;
  for (const kind of ['history-jsonl', 'history-sqlite', 'budget-json', 'budget-sqlite'] as const) {
    const dir = join(root, kind);
    await mkdir(dir, { recursive: true });
    const r = { acked: 0, lost: 0, killsLosing: 0, maxLost: 0 };
    for (let k = 0; k < kills; k++) {
      const acked = await killOnce(kind, dir);
      const lost = await acknowledgedButLost(kind, dir, acked);
      r.acked += acked.length;
      r.lost += lost;
      r.maxLost = Math.max(r.maxLost, lost);
      if (lost) r.killsLosing++;
    }
    out[kind] = r;
  }
  return out;
}

// ---- lines of code ----
function codeLines(text: string): number {
  let n = 0;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const l = raw.trim();
    if (inBlock) {
      if (l.includes('*/')) inBlock = false;
      continue;
    }
    if (!l || l.startsWith('//')) continue;
    if (l.startsWith('/*')) {
      if (!l.includes('*/')) inBlock = true;
      continue;
    }
    n++;
  }
  return n;
}

async function locFigures(): Promise<{ rows: [string, number][]; sqliteCore: number }> {
  const root = join(self, '..', '..', 'src', 'engine', 'store');
  const rows: [string, number][] = [];
  for (const sub of ['history', 'state']) {
    for (const f of (await readdir(join(root, sub))).sort()) rows.push([`${sub}/${f}`, codeLines(await readFile(join(root, sub, f), 'utf8'))]);
  }
  rows.push(['atomic-file.ts', codeLines(await readFile(join(root, 'atomic-file.ts'), 'utf8'))]);
  const me = readFileSync(self, 'utf8');
  const core = me.slice(me.indexOf('// ---- SQLITE CORE begin'), me.indexOf('// ---- SQLITE CORE end'));
  return { rows, sqliteCore: codeLines(core) - 1 };
}

function child(args: string[]): Figures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`phase ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Figures;
}

async function dirBytes(dir: string): Promise<number> {
  let n = 0;
  for (const f of await readdir(dir)) n += (await stat(join(dir, f))).size;
  return n;
}

const fmt = (v: number | undefined) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const crashAt = args.indexOf('--crash-child');
  if (crashAt >= 0) return crashChild(args[crashAt + 1] as CrashKind, args[crashAt + 2], args[crashAt + 3]);
  const phaseAt = args.indexOf('--phase');
  if (phaseAt >= 0) {
    const [phase, side, dir] = args.slice(phaseAt + 1);
    const fn = phase === 'query' ? queryPhase : appendPhase;
    console.log(JSON.stringify(await fn(dir, side as 'jsonl' | 'sqlite')));
    return;
  }
  const arg = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
  const n = arg('--entries', 300_000);
  const kills = arg('--kills', 10);
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-bench-storage-'));
  try {
    console.log(`storage bench: ${n.toLocaleString('en')} entries over ${SPAN_DAYS} days in ${dir}; Node ${process.versions.node}, SQLite ${(new DatabaseSync(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}`);
    console.log(`node:sqlite load: ${warnings.length ? warnings.join('; ') : 'no warning'}`);
    const built = await build(dir, n);
    const jsonlBytes = await dirBytes(join(dir, 'jsonl'));
    const sqliteBytes = (await stat(join(dir, 'history.sqlite'))).size;
    console.log(`built: JSONL store ${(built.jsonlMs / 1000).toFixed(1)} s, sqlite ${(built.sqliteMs / 1000).toFixed(1)} s (batches of 1,000)\n`);

    const qj = child(['--phase', 'query', 'jsonl', dir]);
    const qs = child(['--phase', 'query', 'sqlite', dir]);
    const rows: [string, number | undefined, number | undefined][] = [
      ['entries', qj.entries, qs.entries],
      ['first open in a fresh process (ms)', qj.firstOpenMs, qs.firstOpenMs],
      ['open (ms, median of 5)', qj.openMs, qs.openMs],
      ['newest page of 50 + total (ms)', qj.newestPageMs, qs.newestPageMs],
      ['filtered page: instance+job+2 statuses (ms)', qj.filteredPageMs, qs.filteredPageMs],
      ['counts by day, 30 days, Europe/Berlin (ms)', qj.countsByDay30Ms, qs.countsByDay30Ms],
      ['cross-job window, 7 days, one instance (ms)', qj.crossJobMs, qs.crossJobMs],
      ['  items it returns', qj.crossItems, qs.crossItems],
      ['  counts checksum (equal: same figures)', qj.countsCheck, qs.countsCheck],
      ['RSS before open: Node + tsx (MB)', qj.rssBeforeMb, qs.rssBeforeMb],
      ['peak RSS of open + queries (MB)', qj.rssMb, qs.rssMb],
      ['on disk (MB)', jsonlBytes / 1e6, sqliteBytes / 1e6],
    ];
    console.log('medians'.padEnd(48) + 'JSONL store'.padStart(12) + 'node:sqlite'.padStart(13));
    for (const [label, a, b] of rows) console.log(label.padEnd(48) + fmt(a).padStart(12) + fmt(b).padStart(13));

    const aj = child(['--phase', 'append', 'jsonl', dir]);
    const as = child(['--phase', 'append', 'sqlite', dir]);
    console.log('\nappends on the big store'.padEnd(49) + 'fsync'.padStart(10) + 'no fsync'.padStart(10) + 'WAL FULL'.padStart(10) + 'WAL NORMAL'.padStart(12));
    const line = (label: string, k: string) => console.log(label.padEnd(48) + fmt(aj[`always_${k}`]).padStart(10) + fmt(aj[`never_${k}`]).padStart(10) + fmt(as[`FULL_${k}`]).padStart(10) + fmt(as[`NORMAL_${k}`]).padStart(12));
    line('one caller, latency per append (ms)', 'latencyMs');
    line('one caller, awaiting each (entries/s)', 'seqPerSec');
    line('burst of 2,000 (group commit / 1 txn) (/s)', 'burstPerSec');
    console.log('survives: JSONL fsync and WAL FULL a power cut; JSONL no-fsync and WAL NORMAL a process crash (NORMAL may roll back the last commits at a power cut)');

    const crash = await crashPhase(join(dir, 'crash'), kills);
    console.log(`\ncrash safety: ${kills} SIGKILLs each at a random 0.1–0.8 s into the loop`.padEnd(48));
    console.log('store'.padEnd(48) + 'acked'.padStart(8) + 'lost'.padStart(6) + 'kills losing'.padStart(14) + 'max/kill'.padStart(10));
    for (const [kind, r] of Object.entries(crash)) console.log(kind.padEnd(48) + String(r.acked).padStart(8) + String(r.lost).padStart(6) + String(r.killsLosing).padStart(14) + String(r.maxLost).padStart(10));

    const loc = await locFigures();
    console.log('\nlines of code (non-blank, non-comment)');
    for (const [f, l] of loc.rows) console.log(`  ${f.padEnd(40)}${String(l).padStart(6)}`);
    const total = loc.rows.reduce((a, [, l]) => a + l, 0);
    console.log(`  ${'total'.padEnd(40)}${String(total).padStart(6)}`);
    console.log(`  ${'sqlite core in this file'.padEnd(40)}${String(loc.sqliteCore).padStart(6)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
