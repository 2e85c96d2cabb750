/**
 * History store at 300,000 entries (a peer's dashboard hung at 280k rows).
 *
 *   npm run bench:history [-- --entries N]
 *
 * Builds a store of N entries spread over 180 days, then measures, each phase in a fresh child
 * process so its peak RSS is its own: opening (from sidecar indexes, and rebuilding them from the
 * JSONL), query latencies, per-day counts and appends (fsync on and off, one caller and many).
 * The baseline, measured in the same run on the same files, is the naive approach: read every
 * JSONL line with JSON.parse into an array and filter it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HistoryStore } from '../src/engine/store/history/store';
import type { HistoryEntry } from '../src/shared/status';
import { median, peakRssMb, timeIt } from './support/measure';
import { DAY, END, makeEntry, SPAN_DAYS } from './support/history-entries';

const self = fileURLToPath(import.meta.url);

type Figures = Record<string, number>;



/** phases run with --expose-gc so retained memory can be measured after a collection */
const gc = () => (globalThis as { gc?: () => void }).gc?.();


/** Phase: build the store (fsync off: this is set-up, append speed is measured separately). */
async function build(dir: string, n: number): Promise<Figures> {
  let now = END - SPAN_DAYS * DAY;
  const store = await HistoryStore.open({ dir, fsync: 'never', retentionDays: 3650, now: () => now });
  const t = performance.now();
  const CHUNK = 1000;
  for (let i = 0; i < n; i += CHUNK) {
    const batch = [];
    for (let k = i; k < Math.min(n, i + CHUNK); k++) {
      const e = makeEntry(k, n);
      now = Date.parse(e.at);
      batch.push(store.append(e));
    }
    await Promise.all(batch);
  }
  await store.close();
  return { buildMs: performance.now() - t };
}

/** Phase: open and query with the store; RSS is this process's peak. */
async function storePhase(dir: string, rebuild: boolean): Promise<Figures> {
  if (rebuild) {
    // read-only opens do not write sidecars: every open here parses all JSONL
    const files = (await readdir(dir)).filter((f) => f.endsWith('.idx'));
    await Promise.all(files.map((f) => rm(join(dir, f))));
  }
  const heapBefore = process.memoryUsage();
  const t = performance.now();
  const store = await HistoryStore.open({ dir, readOnly: true, now: () => END });
  // the first open in a process (what start-up sees) includes the JIT warming up: reported apart
  const firstOpenMs = performance.now() - t;
  gc();
  const after = process.memoryUsage();
  const retainedMb = (after.heapUsed + after.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 2 ** 20;
  const rssAfterOpenMb = after.rss / 2 ** 20;
  const openMs = await timeIt(rebuild ? 2 : 7, async () => HistoryStore.open({ dir, readOnly: true, now: () => END }));
  const out: Figures = { firstOpenMs, openMs, entries: store.size, retainedMb, rssBeforeOpenMb: heapBefore.rss / 2 ** 20, rssAfterOpenMb };
  if (rebuild) return { ...out, rssMb: peakRssMb() };
  let deepCursor = 0;
  out.firstPageMs = await timeIt(30, () => store.query({ limit: 50 }));
  out.filteredPageMs = await timeIt(30, () => store.query({ instanceId: 'sonarr', jobId: 'upgrade', status: ['grabbed', 'failed'], limit: 50 }));
  out.timeRangePageMs = await timeIt(30, () => store.query({ since: new Date(END - 30 * DAY).toISOString(), until: new Date(END - 20 * DAY).toISOString(), limit: 50 }));
  out.deepOffsetPageMs = await timeIt(30, () => store.query({ limit: 50, offset: store.size - 1000 }));
  out.deepFilteredOffsetMs = await timeIt(30, async () => {
    const p = await store.query({ status: ['grabbed'], limit: 50, offset: 40_000 });
    deepCursor = p.entries[0]?.id ?? 0;
  });
  out.deepCursorPageMs = await timeIt(30, () => store.query({ status: ['grabbed'], limit: 50, before: deepCursor }));
  out.countsByDay30Ms = await timeIt(30, () => store.countsByDay(30, { timeZone: 'Europe/Berlin' }));
  out.countsByDay180Ms = await timeIt(30, () => store.countsByDay(180, { instanceId: 'radarr', timeZone: 'Europe/Berlin' }));
  return { ...out, rssMb: peakRssMb() };
}

/** Phase: the naive baseline on the same files: JSON.parse every line, then filter the array. */
async function naivePhase(dir: string): Promise<Figures> {
  let all: HistoryEntry[] = [];
  const heapBefore = process.memoryUsage();
  const load = async () => {
    all = [];
    for (const f of (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of (await readFile(join(dir, f), 'utf8')).split('\n')) if (line) all.push(JSON.parse(line) as HistoryEntry);
    }
  };
  const openMs = await timeIt(3, load);
  gc();
  const after = process.memoryUsage();
  const retainedMb = (after.heapUsed + after.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 2 ** 20;
  const page = (pred: (e: HistoryEntry) => boolean, offset = 0) => {
    const hits = all.filter(pred);
    return { total: hits.length, entries: hits.reverse().slice(offset, offset + 50) };
  };
  const since = new Date(END - 30 * DAY).toISOString();
  const until = new Date(END - 20 * DAY).toISOString();
  return {
    openMs,
    retainedMb,
    rssBeforeOpenMb: heapBefore.rss / 2 ** 20,
    rssAfterOpenMb: after.rss / 2 ** 20,
    entries: all.length,
    firstPageMs: await timeIt(10, () => page(() => true)),
    filteredPageMs: await timeIt(10, () => page((e) => e.instanceId === 'sonarr' && e.jobId === 'upgrade' && (e.status === 'grabbed' || e.status === 'failed'))),
    timeRangePageMs: await timeIt(10, () => page((e) => e.at >= since && e.at < until)),
    deepOffsetPageMs: await timeIt(10, () => page(() => true, all.length - 1000)),
    rssMb: peakRssMb(),
  };
}

/** Phase: append latency and throughput on top of the big store, fsync on (default) and off. */
async function appendPhase(dir: string): Promise<Figures> {
  const out: Figures = {};
  for (const fsync of ['always', 'never'] as const) {
    const store = await HistoryStore.open({ dir, fsync, retentionDays: 3650, now: () => END });
    const e = () => ({ ...makeEntry(7, 10), at: new Date(END).toISOString() });
    const SEQ = fsync === 'always' ? 500 : 5000;
    let t = performance.now();
    for (let i = 0; i < SEQ; i++) await store.append(e());
    out[`seq_${fsync}_perSec`] = SEQ / ((performance.now() - t) / 1000);
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await store.append(e());
      latencies.push(performance.now() - t0);
    }
    out[`seq_${fsync}_latencyMs`] = median(latencies);
    const CONC = 20_000;
    t = performance.now();
    await Promise.all(Array.from({ length: CONC }, () => store.append(e())));
    out[`concurrent_${fsync}_perSec`] = CONC / ((performance.now() - t) / 1000);
    await store.close();
  }
  return { ...out, rssMb: peakRssMb() };
}

function child(phase: string, dir: string): Figures {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--phase', phase, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`phase ${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Figures;
}

const fmt = (v: number | undefined) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const phaseAt = args.indexOf('--phase');
  if (phaseAt >= 0) {
    const [phase, dir] = [args[phaseAt + 1], args[phaseAt + 2]];
    const fn = { store: () => storePhase(dir, false), rebuild: () => storePhase(dir, true), naive: () => naivePhase(dir), append: () => appendPhase(dir) }[phase];
    if (!fn) throw new Error(`unknown phase ${phase}`);
    console.log(JSON.stringify(await fn()));
    return;
  }
  const nAt = args.indexOf('--entries');
  const n = nAt >= 0 ? Number(args[nAt + 1]) : 300_000;
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-bench-history-'));
  try {
    console.log(`history bench: ${n.toLocaleString('en')} entries over ${SPAN_DAYS} days in ${dir}`);
    const built = await build(dir, n);
    const files = await readdir(dir);
    const bytes = (await Promise.all(files.map(async (f) => (await readFile(join(dir, f))).length))).reduce((a, b) => a + b, 0);
    console.log(`built in ${(built.buildMs / 1000).toFixed(1)} s: ${files.filter((f) => f.endsWith('.jsonl')).length} segments, ${(bytes / 1e6).toFixed(1)} MB on disk\n`);

    const store = child('store', dir);
    const naive = child('naive', dir);
    const rebuild = child('rebuild', dir);
    const rows: [string, number | undefined, number | undefined][] = [
      ['first open in a fresh process (ms)', store.firstOpenMs, undefined],
      ['open (ms)', store.openMs, naive.openMs],
      ['first page, newest (ms)', store.firstPageMs, naive.firstPageMs],
      ['filtered page: instance+job+2 statuses (ms)', store.filteredPageMs, naive.filteredPageMs],
      ['time-range page, 10 days (ms)', store.timeRangePageMs, naive.timeRangePageMs],
      ['deep page, offset size-1000 (ms)', store.deepOffsetPageMs, naive.deepOffsetPageMs],
      ['deep filtered page, offset 40,000 (ms)', store.deepFilteredOffsetMs, undefined],
      ['deep filtered page, before-cursor (ms)', store.deepCursorPageMs, undefined],
      ['counts by day, 30 days (ms)', store.countsByDay30Ms, undefined],
      ['counts by day, 180 days, one instance (ms)', store.countsByDay180Ms, undefined],
      ['memory retained after open (MB, heap+buffers)', store.retainedMb, naive.retainedMb],
      ['RSS before open: Node + tsx (MB)', store.rssBeforeOpenMb, naive.rssBeforeOpenMb],
      ['RSS after open (MB)', store.rssAfterOpenMb, naive.rssAfterOpenMb],
      ['peak RSS of the phase (MB)', store.rssMb, naive.rssMb],
    ];
    console.log('medians'.padEnd(46) + 'store'.padStart(10) + 'naive JSONL'.padStart(14));
    for (const [label, a, b] of rows) console.log(label.padEnd(46) + fmt(a).padStart(10) + fmt(b).padStart(14));
    console.log(`\nopen without sidecars (every JSONL line parsed into the index): first ${fmt(rebuild.firstOpenMs)} ms, then ${fmt(rebuild.openMs)} ms, peak RSS ${fmt(rebuild.rssMb)} MB`);

    const append = child('append', dir);
    console.log('\nappends on the 300k store'.padEnd(46) + 'fsync always'.padStart(14) + 'fsync never'.padStart(14));
    console.log('one caller, awaiting each (entries/s)'.padEnd(46) + fmt(append.seq_always_perSec).padStart(14) + fmt(append.seq_never_perSec).padStart(14));
    console.log('one caller, latency per append (ms)'.padEnd(46) + fmt(append.seq_always_latencyMs).padStart(14) + fmt(append.seq_never_latencyMs).padStart(14));
    console.log('20,000 concurrent, group commit (entries/s)'.padEnd(46) + fmt(append.concurrent_always_perSec).padStart(14) + fmt(append.concurrent_never_perSec).padStart(14));
    console.log(`peak RSS of the append phase: ${fmt(append.rssMb)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
