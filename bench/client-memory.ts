/**
 * npm run bench:client [-- --movies 40000 --rounds 3]
 *
 * Loads a 40,000-movie Radarr library from the simulator (started in its own process) and compares:
 *  - client: RadarrClient.movies(), which parses the response stream element by element;
 *  - naive:  the whole response as text, JSON.parse, then mapped to the same slim movies.
 * Each measurement runs in a fresh child process so peaks don't mix; rounds alternate the two.
 * Also times the two streaming parsers on the same body (own splitter vs @streamparser/json),
 * the measurement behind src/arr/stream/json-array-items.ts. Prints medians and ratios.
 * Target: the client's peak memory at most half the naive one.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSONParser } from '@streamparser/json';
import axios from 'axios';
import { RadarrClient } from '../src/arr';
import { toMovie } from '../src/arr/map/radarr';
import { JsonArraySplitter } from '../src/arr/stream/json-array-items';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;

interface Measurement {
  wallMs: number;
  /** CPU time of this process during the load (user + system): less affected by other load on the machine */
  cpuMs: number;
  movies: number;
  baselineRssMB: number;
  peakRssMB: number;
  baselineHeapMB: number;
  peakHeapMB: number;
}

interface ParserTimes {
  bodyMB: number;
  splitterMs: number;
  streamparserMs: number;
}

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    url: { type: 'string' },
    key: { type: 'string' },
    movies: { type: 'string', default: '40000' },
    rounds: { type: 'string', default: '3' },
  },
});

/** Samples heapUsed while the event loop turns; `mark()` adds a reading at a chosen moment. */
function heapSampler() {
  let peak = process.memoryUsage().heapUsed;
  const mark = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(mark, 5);
  return { mark, stop: () => (clearInterval(timer), mark(), peak) };
}

async function measure(load: (mark: () => void) => Promise<number>): Promise<Measurement> {
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  const baselineHeap = process.memoryUsage().heapUsed;
  const sampler = heapSampler();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const movies = await load(sampler.mark);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const peakHeap = sampler.stop();
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    movies,
    baselineRssMB: baselineRss / MB,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    baselineHeapMB: baselineHeap / MB,
    peakHeapMB: peakHeap / MB,
  };
}

async function runChild(mode: string, url: string, apiKey: string): Promise<Measurement | ParserTimes> {
  const headers = { 'X-Api-Key': apiKey };
  if (mode === 'client') {
    return measure(async (mark) => {
      const client = new RadarrClient({ name: 'bench', kind: 'radarr', url, apiKey });
      const movies = await client.movies();
      mark();
      client.close();
      return movies.length;
    });
  }
  if (mode === 'naive') {
    return measure(async (mark) => {
      const res = await axios.get<string>(`${url}/api/v3/movie?excludeLocalCovers=true`, { headers, responseType: 'text', transformResponse: [] });
      mark();
      const all = JSON.parse(res.data) as unknown[];
      mark(); // text and full object graph both alive here
      const movies = all.map(toMovie);
      mark();
      return movies.length;
    });
  }
  // parsers: the same received chunks through both streaming parsers
  const res = await axios.get<NodeJS.ReadableStream>(`${url}/api/v3/movie?excludeLocalCovers=true`, { headers, responseType: 'stream' });
  const chunks: Buffer[] = [];
  for await (const chunk of res.data) chunks.push(chunk as Buffer);
  // CPU time, not wall time: two shared cores make wall times of a single-threaded loop noisy
  const cpuMs = (run: () => void) => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  let count = 0;
  const splitterMs = cpuMs(() => {
    const splitter = new JsonArraySplitter((v) => void (toMovie(v), count++));
    for (const c of chunks) splitter.push(c);
    splitter.end();
  });
  const streamparserMs = cpuMs(() => {
    const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
    parser.onValue = ({ value }) => void (toMovie(value), count--);
    for (const c of chunks) parser.write(c);
  });
  if (count !== 0) throw new Error('the two parsers disagree on the number of movies');
  return { bodyMB: chunks.reduce((n, c) => n + c.length, 0) / MB, splitterMs, streamparserMs };
}

/** Runs a node process with tsx and resolves with the first JSON line it prints. */
function node<T>(args: string[], keepRunning = false): Promise<{ value: T; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let done = false;
    lines.once('line', (line) => {
      done = true;
      resolve({ value: JSON.parse(line) as T, stop: () => child.kill('SIGTERM') });
      if (!keepRunning) lines.close();
    });
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${args.join(' ')} exited with ${code} before printing its result`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f1 = (n: number) => n.toFixed(1).padStart(8);

async function main(): Promise<void> {
  if (values.child) {
    const result = await runChild(values.child, values.url ?? '', values.key ?? '');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const rounds = Number(values.rounds);
  console.log(`starting the simulator with ${values.movies} movies (own process)…`);
  const sim = await node<{ url: string; apiKey: string }>(['src/simulator/cli.ts', '--app', 'radarr', '--movies', String(values.movies)], true);
  try {
    const { url, apiKey } = sim.value;
    const results: Record<'client' | 'naive', Measurement[]> = { client: [], naive: [] };
    const parsers: ParserTimes[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const mode of round % 2 ? (['client', 'naive'] as const) : (['naive', 'client'] as const)) {
        const { value } = await node<Measurement>([self, '--child', mode, '--url', url, '--key', apiKey]);
        results[mode].push(value);
        console.log(`round ${round} ${mode.padEnd(6)} ${value.movies} movies, ${f1(value.wallMs / 1000)} s (CPU ${f1(value.cpuMs / 1000)} s), peak RSS ${f1(value.peakRssMB)} MB, peak heap ${f1(value.peakHeapMB)} MB`);
      }
      parsers.push((await node<ParserTimes>([self, '--child', 'parsers', '--url', url, '--key', apiKey])).value);
    }
    const row = (name: string, pick: (m: Measurement) => number, unit: string) => {
      const c = median(results.client.map(pick));
      const n = median(results.naive.map(pick));
      console.log(`${name.padEnd(28)} ${f1(c)} ${f1(n)}   ${(c / n).toFixed(2)}  ${unit}`);
    };
    console.log(`\nmedians of ${rounds} rounds, ${results.client[0].movies} movies                 client    naive   client/naive`);
    row('wall time (incl. serving)', (m) => m.wallMs / 1000, 's');
    row('CPU time of the loader', (m) => m.cpuMs / 1000, 's');
    row('peak RSS', (m) => m.peakRssMB, 'MB');
    row('peak RSS above baseline', (m) => m.peakRssMB - m.baselineRssMB, 'MB');
    row('peak heap', (m) => m.peakHeapMB, 'MB');
    row('peak heap above baseline', (m) => m.peakHeapMB - m.baselineHeapMB, 'MB');
    const body = parsers[0].bodyMB;
    const sp = median(parsers.map((p) => p.splitterMs));
    const jp = median(parsers.map((p) => p.streamparserMs));
    console.log(`\nparsing the same ${body.toFixed(0)} MB body to slim movies (CPU time): own splitter ${(sp / 1000).toFixed(2)} s, @streamparser/json ${(jp / 1000).toFixed(2)} s (${(jp / sp).toFixed(1)}x)`);
    const ratio = median(results.client.map((m) => m.peakRssMB)) / median(results.naive.map((m) => m.peakRssMB));
    console.log(ratio <= 0.5 ? `target met: client peak RSS is ${(ratio * 100).toFixed(0)}% of naive (≤ 50%)` : `TARGET MISSED: client peak RSS is ${(ratio * 100).toFixed(0)}% of naive (> 50%)`);
  } finally {
    sim.stop();
  }
}

await main();
