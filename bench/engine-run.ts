/**
 * npm run bench:engine [-- --rounds 3 --movies 40000 --series 4000 --radarr-limit 100 --sonarr-limit 20]
 *
 * One job run of the engine (src/engine/run/runner.ts runJob: gather, plan, commands, tags, history)
 * against the simulator in its own process, each run in a fresh engine process so peaks don't mix,
 * and a fresh simulator per round so every round does the same work:
 *  - Radarr upgrade on 40,000 movies (100 movies per run, the settings' maximum);
 *  - Sonarr missing at auto granularity on 4,000 series (~250k episodes), then on libraries half and
 *    a quarter the size with the same run size, and on the full library with smaller and larger runs:
 *    requests vs series considered vs library size.
 * Requests and bytes are counted in the engine process, on the wire (node:diagnostics_channel:
 * every HTTP request started, every socket's bytesRead, headers included).
 * Baseline in the same run: a bare list of the library (GET /movie, GET /series) through the client.
 * Targets: 40,000 movies planned (time to the first search command) in under 15 s, peak RSS of the
 * engine process under 400 MB; a Sonarr run's requests grow with the series it considers, not the library.
 */
import { parseArgs } from 'node:util';
import { median, node, wireCounter, type Wire } from './engine-run/support';

const self = new URL(import.meta.url).pathname;
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    url: { type: 'string' },
    key: { type: 'string' },
    limit: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    movies: { type: 'string', default: '40000' },
    series: { type: 'string', default: '4000' },
    'radarr-limit': { type: 'string', default: '100' },
    'sonarr-limit': { type: 'string', default: '20' },
  },
});

interface Measurement {
  wallMs: number;
  /** until the first POST /command: gathering and planning */
  planMs: number;
  cpuMs: number;
  baseRssMB: number;
  peakRssMB: number;
  requests: number;
  bytes: number;
  byEndpoint: Record<string, number>;
  /** Sonarr: series whose episodes were fetched */
  seriesConsidered: number;
  /** library size as listed: movies or series (and episodes) */
  items: number;
  episodes: number;
  summary: string;
}

async function measure(run: (wire: Wire) => Promise<{ items: number; episodes?: number; summary: string }>): Promise<Measurement> {
  const baseRss = process.resourceUsage().maxRSS * 1024;
  const wire = wireCounter();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const out = await run(wire);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const firstCommand = wire.requests.find((r) => r.method === 'POST' && r.endpoint === '/command');
  const byEndpoint: Record<string, number> = {};
  for (const r of wire.requests) byEndpoint[`${r.method} ${r.endpoint}`] = (byEndpoint[`${r.method} ${r.endpoint}`] ?? 0) + 1;
  const series = new Set(wire.requests.filter((r) => r.endpoint === '/episode').map((r) => r.query.get('seriesId')));
  return {
    wallMs,
    planMs: firstCommand ? firstCommand.at - started : wallMs,
    cpuMs: (used.user + used.system) / 1000,
    baseRssMB: baseRss / MB,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    requests: wire.requests.length,
    bytes: wire.bytes(),
    byEndpoint,
    seriesConsidered: series.size,
    items: out.items,
    episodes: out.episodes ?? 0,
    summary: out.summary,
  };
}

/** In the engine process: one bare list, or one job run. Imports here so the parent stays small. */
async function child(mode: string, url: string, apiKey: string, limit: number): Promise<Measurement> {
  const { createArrClient } = await import('../src/arr');
  const { runJob } = await import('../src/engine/run/runner');
  const { ActiveHours, BudgetLedger, InstancePermit, systemClock } = await import('../src/engine/scheduler');
  const { HistoryStore } = await import('../src/engine/store/history/store');
  const { StateStore } = await import('../src/engine/store/state');
  const { jobSchema } = await import('../src/shared/settings');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const app = mode.startsWith('radarr') ? 'radarr' : 'sonarr';
  const client = createArrClient({ name: 'bench', kind: app, url, apiKey });
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-bench-'));
  try {
    return await measure(async () => {
      await client.connect();
      if (mode.endsWith('list')) {
        if (client.kind === 'radarr') return { items: (await client.movies()).length, summary: 'GET /movie' };
        const series = await client.series();
        return { items: series.length, episodes: series.reduce((n, s) => n + s.seasons.reduce((m, x) => m + (x.totalEpisodeCount ?? 0), 0), 0), summary: 'GET /series' };
      }
      const job = jobSchema.parse(app === 'radarr' ? { id: 'upgrade', type: 'upgrade' } : { id: 'missing', type: 'missing', granularity: 'auto' });
      const ledger = new BudgetLedger({ bench: { maxPerHour: 1_000_000, maxPerDay: 1_000_000 } });
      const permit = new InstancePermit({ clock: systemClock, ledger, budgetKey: 'bench', minGapMs: 0, activeHours: new ActiveHours([]) });
      const store = await StateStore.open(dir);
      const history = await HistoryStore.open({ dir: join(dir, 'history'), fsync: 'never' });
      const poll = { firstDelayMs: 1, maxDelayMs: 20, factor: 2, timeoutMs: 60_000 };
      const report = await runJob({ instanceId: 'bench', job, client, store, history, permit, clock: systemClock, limit, poll, seed: 1 });
      await history.close();
      if (report.result === 'error') throw new Error(`run failed: ${report.message}`);
      const summary = `${report.result}: ${report.commands.length} commands, ${report.searched} ${app === 'radarr' ? 'movies' : 'episodes'}, cost ${report.cost}, ~${report.remaining} left in the cycle`;
      return { items: 0, summary };
    });
  } finally {
    client.close();
    await rm(dir, { recursive: true, force: true });
  }
}

type Sim = { url: string; apiKey: string };

async function withSimulator<T>(args: string[], use: (sim: Sim) => Promise<T>): Promise<T> {
  const sim = await node<Sim>(['src/simulator/cli.ts', '--seed', '7', '--grab-chance', '0.3', ...args], true);
  try {
    return await use(sim.value);
  } finally {
    await sim.stop();
  }
}

const engine = (mode: string, sim: Sim, limit = 0) => node<Measurement>([self, '--child', mode, '--url', sim.url, '--key', sim.apiKey, '--limit', String(limit)]).then((c) => c.value);

const f = (n: number, digits = 1, width = 8) => n.toFixed(digits).padStart(width);
const kb = (bytes: number) => f(bytes / 1024, 0, 9);

function printRound(label: string, m: Measurement): void {
  console.log(`  ${label.padEnd(26)} wall ${f(m.wallMs / 1000, 2, 6)} s  plan ${f(m.planMs / 1000, 2, 6)} s  CPU ${f(m.cpuMs / 1000, 2, 6)} s  peak RSS ${f(m.peakRssMB, 0, 4)} MB  ${String(m.requests).padStart(5)} req ${kb(m.bytes)} KB  ${m.summary}`);
}

async function radarr(rounds: number, movies: number, limit: number): Promise<void> {
  console.log(`\n== Radarr upgrade, ${movies} movies, ${limit} movies per run (${rounds} rounds, fresh simulator each) ==`);
  const bare: Measurement[] = [];
  const runs: Measurement[] = [];
  for (let round = 1; round <= rounds; round++) {
    await withSimulator(['--app', 'radarr', '--movies', String(movies)], async (sim) => {
      bare.push(await engine('radarr-list', sim));
      printRound(`round ${round} bare GET /movie`, bare.at(-1)!);
      runs.push(await engine('radarr-run', sim, limit));
      printRound(`round ${round} upgrade run`, runs.at(-1)!);
    });
  }
  const med = (xs: Measurement[], pick: (m: Measurement) => number) => median(xs.map(pick));
  console.log(`\n  medians                      bare GET /movie   upgrade run`);
  console.log(`  wall time (s)              ${f(med(bare, (m) => m.wallMs / 1000), 2, 12)} ${f(med(runs, (m) => m.wallMs / 1000), 2, 13)}`);
  console.log(`  to the first command (s)   ${''.padStart(12)} ${f(med(runs, (m) => m.planMs / 1000), 2, 13)}`);
  console.log(`  CPU time (s)               ${f(med(bare, (m) => m.cpuMs / 1000), 2, 12)} ${f(med(runs, (m) => m.cpuMs / 1000), 2, 13)}`);
  console.log(`  peak RSS (MB)              ${f(med(bare, (m) => m.peakRssMB), 0, 12)} ${f(med(runs, (m) => m.peakRssMB), 0, 13)}   (process baseline after imports ${f(med(runs, (m) => m.baseRssMB), 0, 0)} MB)`);
  console.log(`  requests                   ${f(med(bare, (m) => m.requests), 0, 12)} ${f(med(runs, (m) => m.requests), 0, 13)}`);
  console.log(`  bytes received (KB)        ${kb(med(bare, (m) => m.bytes)).padStart(12)} ${kb(med(runs, (m) => m.bytes)).padStart(13)}`);
  console.log(`  run's requests by endpoint: ${Object.entries(runs[0].byEndpoint).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  planning took ${(med(runs, (m) => m.planMs) / med(bare, (m) => m.wallMs)).toFixed(2)}x the time of the bare list (which it includes)`);
  const plan = med(runs, (m) => m.planMs / 1000);
  const rss = med(runs, (m) => m.peakRssMB);
  console.log(`  ${plan < 15 ? 'target met' : 'TARGET MISSED'}: ${bare[0].items} movies planned in ${plan.toFixed(1)} s (< 15 s); ${rss < 400 ? 'target met' : 'TARGET MISSED'}: peak RSS ${rss.toFixed(0)} MB (< 400 MB)`);
}

interface SonarrRow {
  series: number;
  limit: number;
  episodes: number;
  bare: Measurement[];
  runs: Measurement[];
}

async function sonarr(rounds: number, largest: number, limit: number): Promise<void> {
  const configs = [
    { series: largest, limit },
    { series: Math.round(largest / 2), limit },
    { series: Math.round(largest / 4), limit },
    { series: largest, limit: Math.max(1, Math.round(limit / 4)) },
    { series: largest, limit: limit * 4 },
  ];
  console.log(`\n== Sonarr missing, auto granularity (${rounds} rounds per row, fresh simulator each) ==`);
  const rows: SonarrRow[] = [];
  for (const c of configs) {
    const row: SonarrRow = { ...c, episodes: 0, bare: [], runs: [] };
    for (let round = 1; round <= rounds; round++) {
      await withSimulator(['--app', 'sonarr', '--series', String(c.series)], async (sim) => {
        if (round === 1 || c.limit === limit) {
          row.bare.push(await engine('sonarr-list', sim));
          row.episodes = row.bare[0].episodes;
        }
        row.runs.push(await engine('sonarr-run', sim, c.limit));
        printRound(`${c.series} series, ${c.limit} commands, r${round}`, row.runs.at(-1)!);
      });
    }
    rows.push(row);
  }
  console.log(`\n  medians: library size       run size   series     requests  (of which   bytes rec.   bare GET /series:`);
  console.log(`  series   episodes           commands   considered  per run   /episode)     KB         wall s   KB       run wall s  plan s  peak RSS MB`);
  for (const r of rows) {
    const m = (pick: (x: Measurement) => number) => median(r.runs.map(pick));
    const b = (pick: (x: Measurement) => number) => median(r.bare.map(pick));
    console.log(
      `  ${String(r.series).padStart(6)} ${String(r.episodes).padStart(10)} ${String(r.limit).padStart(14)} ${f(m((x) => x.seriesConsidered), 0, 12)} ${f(m((x) => x.requests), 0, 10)} ${f(m((x) => x.byEndpoint['GET /episode'] ?? 0), 0, 10)} ${kb(m((x) => x.bytes)).padStart(12)} ${f(b((x) => x.wallMs / 1000), 2, 10)} ${kb(b((x) => x.bytes)).padStart(8)} ${f(m((x) => x.wallMs / 1000), 2, 10)} ${f(m((x) => x.planMs / 1000), 2, 7)} ${f(m((x) => x.peakRssMB), 0, 8)}`,
    );
  }
  const req = (r: SonarrRow) => median(r.runs.map((x) => x.requests));
  const considered = (r: SonarrRow) => median(r.runs.map((x) => x.seriesConsidered));
  const same = rows.filter((r) => r.limit === limit);
  const spread = Math.max(...same.map(req)) / Math.min(...same.map(req));
  console.log(`  same run size on ${same.map((r) => r.series).join(' / ')} series: ${same.map(req).join(' / ')} requests for ${same.map(considered).join(' / ')} series considered (x${(spread).toFixed(2)} requests for a x${(same[0].series / same.at(-1)!.series).toFixed(0)} library)`);
  const full = rows.filter((r) => r.series === largest).sort((a, b) => considered(a) - considered(b));
  console.log(`  on ${largest} series: ${full.map((r) => `${considered(r)} series considered → ${req(r)} requests`).join(', ')}`);
  const first = rows[0].runs[0];
  console.log(`  run's requests by endpoint (${rows[0].series} series, ${rows[0].limit} commands, round 1): ${Object.entries(first.byEndpoint).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

async function main(): Promise<void> {
  if (values.child) {
    const result = await child(values.child, values.url ?? '', values.key ?? '', Number(values.limit ?? 0));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const rounds = Number(values.rounds);
  console.log(`engine run bench: node ${process.version}, ${rounds} rounds; figures are medians; each run in its own process, the simulator in another`);
  await radarr(rounds, Number(values.movies), Number(values['radarr-limit']));
  await sonarr(rounds, Number(values.series), Number(values['sonarr-limit']));
}

await main();
