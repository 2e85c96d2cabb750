/**
 * npm run bench:load [-- --runs 2 --items 10 --only radarr|sonarr]
 *
 * What one run of each job costs the user's server (issue 13), on the simulator's largest libraries
 * (size preset `large`: Radarr 40,000 movies; Sonarr 4,000 series, ~240k episodes):
 * Radarr missing, cutoff-unmet and upgrade; Sonarr new-episodes, missing and cutoff-unmet.
 *
 * Each run is a live `trawlarr once --job …` (the CLI's own once command: config file, data
 * directory, permit, searches, tags, history) in a fresh engine process, against a simulator in this
 * process. `--runs 2` (the default) runs each job twice in a row on the same data directory and
 * simulator: the first run, then the next one, as an hourly or daily schedule would, so a strategy
 * that keeps what it read can show it; the goals hold for every run.
 * - bytes served and requests: counted by the simulator (sim.served, sim.requests[].bodyBytes /
 *   wireBytes); the body bytes are uncompressed (the simulator never compresses), "on the wire"
 *   adds status lines, headers and chunk framing;
 * - wall time of the run (command polling at 5 ms: TRAWLARR_POLL_MS; the pacing of 2 s between two
 *   search commands, the settings' minimum, is included), time to the first search command, and
 *   the engine process's peak RSS.
 *
 * Strategies: today there is one, `full-fetch` (the baseline: each run lists the whole library).
 * A later change adds its strategy to STRATEGIES below; every strategy runs in the same bench run,
 * side by side, and the goals are checked against each.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { node, wireCounter } from './engine-run/support';

const self = new URL(import.meta.url).pathname;
const MB = 1_000_000;

const { values } = parseArgs({
  options: {
    child: { type: 'boolean', default: false },
    config: { type: 'string' },
    'data-dir': { type: 'string' },
    job: { type: 'string' },
    env: { type: 'string', default: '{}' },
    runs: { type: 'string', default: '2' },
    items: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});

type App = 'radarr' | 'sonarr';
type JobType = 'missing' | 'cutoff-unmet' | 'upgrade' | 'new-episodes';

/**
 * How the engine fetches what a run needs. `full-fetch` is today's engine, unchanged. A later change
 * adds e.g. `{ name: 'targeted', env: { … } }` or a `job` hook that sets a settings field, whatever
 * selects its strategy, and the bench prints its column beside the baseline.
 */
interface Strategy {
  name: string;
  /** what the column header says */
  label: string;
  /** environment of the engine process */
  env: Record<string, string>;
  /** the job's settings as written to the config file */
  job(job: Record<string, unknown>): Record<string, unknown>;
}

const STRATEGIES: Strategy[] = [{ name: 'full-fetch', label: 'today (baseline)', env: {}, job: (j) => j }];

interface JobCase {
  app: App;
  type: JobType;
  library: string;
}

const JOBS: JobCase[] = [
  { app: 'radarr', type: 'missing', library: 'Radarr, 40,000 movies' },
  { app: 'radarr', type: 'cutoff-unmet', library: 'Radarr, 40,000 movies' },
  { app: 'radarr', type: 'upgrade', library: 'Radarr, 40,000 movies' },
  { app: 'sonarr', type: 'new-episodes', library: 'Sonarr, 4,000 series' },
  { app: 'sonarr', type: 'missing', library: 'Sonarr, 4,000 series' },
  { app: 'sonarr', type: 'cutoff-unmet', library: 'Sonarr, 4,000 series' },
];

/** What the engine process reports about its run. */
interface ChildResult {
  exitCode: number;
  wallMs: number;
  /** the engine process's CPU time (user + system) during the run: less sensitive to a busy machine than wall time */
  cpuMs: number;
  /** until the first POST /command: gathering and planning */
  planMs: number | null;
  baseRssMB: number;
  peakRssMB: number;
  /** the client side's own count, to check the simulator's */
  clientRequests: number;
  clientBytesRead: number;
  summary: string;
}

/** One run as the simulator saw it, with the engine process's report. */
interface RunFigures extends ChildResult {
  requests: number;
  bodyBytes: number;
  wireBytes: number;
  byEndpoint: Record<string, number>;
  /** requests that list the whole library: GET /movie or GET /series without a filter */
  fullLibraryReads: number;
}

/** In the engine process: `trawlarr once --job …` through the CLI's own command. */
async function child(): Promise<ChildResult> {
  const { parseCli } = await import('../src/cli/args');
  const { onceCommand } = await import('../src/cli/commands/once');
  const cmd = parseCli(['once', '--config', values.config!, '--data-dir', values['data-dir']!, '--job', values.job!, '--json']);
  if (cmd.cmd !== 'once') throw new Error('not a once command');
  const baseRss = process.resourceUsage().maxRSS * 1024;
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += `${t}\n`), env: { ...process.env, TRAWLARR_POLL_MS: '5', ...(JSON.parse(values.env!) as Record<string, string>) } };
  const wire = wireCounter();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const exitCode = await onceCommand(cmd, io);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  wire.stop();
  const firstCommand = wire.requests.find((r) => r.method === 'POST' && r.endpoint === '/command');
  let summary = err.trim();
  try {
    const doc = JSON.parse(out) as { jobs: { result: string; searched: unknown[]; failed: unknown[]; cost: number; progress: { remaining: number } }[] };
    summary = doc.jobs.map((j) => `${j.result}: ${j.searched.length} searched, ${j.failed.length} failed, cost ${j.cost}, ${j.progress.remaining} left in the cycle`).join('; ') + (err ? ` (${err.trim()})` : '');
  } catch {
    // not JSON: the error text says what went wrong
  }
  return {
    exitCode,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    planMs: firstCommand ? firstCommand.at - started : null,
    baseRssMB: baseRss / 1024 / 1024,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    clientRequests: wire.requests.length,
    clientBytesRead: wire.bytes(),
    summary,
  };
}

/** GET /movie or GET /series not narrowed to one item (tmdbId, tvdbId); excludeLocalCovers and the like do not narrow. */
const isFullLibraryRead = (r: { method: string; path: string; query: Record<string, string[]> }) =>
  r.method === 'GET' && /\/api\/v3\/(movie|series)\/?$/i.test(r.path) && !Object.keys(r.query).some((k) => /^(tmdbid|tvdbid)$/i.test(k));

const endpointOf = (path: string) => path.replace(/^.*?\/api\/v3/, '').replace(/\/\d+(?=\/|$)/g, '/{id}') || '/';

async function measureJob(job: JobCase, strategy: Strategy, runs: number, items: number): Promise<RunFigures[]> {
  const { startSimulator } = await import('../src/simulator');
  const sim = await startSimulator({ app: job.app, seed: 7, size: 'large', grabChance: 0.3 });
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-load-'));
  try {
    const jobSettings = strategy.job({ id: job.type, type: job.type, itemsPerRun: items, ...(job.app === 'sonarr' && job.type !== 'new-episodes' ? { granularity: 'auto' } : {}) });
    const settings = {
      version: 1,
      instances: [
        {
          id: job.app,
          name: job.app === 'radarr' ? 'Radarr' : 'Sonarr',
          kind: job.app,
          url: sim.url,
          apiKey: sim.apiKey,
          // the settings' most generous limits: the run is limited by its items, not by the budget
          throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 10_000 },
          jobs: [jobSettings],
        },
      ],
    };
    const config = join(dir, 'trawlarr.json');
    await writeFile(config, JSON.stringify(settings, null, 2));
    const out: RunFigures[] = [];
    for (let run = 0; run < runs; run++) {
      const from = sim.requests.length;
      const before = { ...sim.served };
      const result = await node<ChildResult>([self, '--child', '--config', config, '--data-dir', join(dir, 'data'), '--job', `${job.app}/${job.type}`, '--env', JSON.stringify(strategy.env)]).then((c) => c.value);
      const log = sim.requests.slice(from);
      const byEndpoint: Record<string, number> = {};
      for (const r of log) byEndpoint[`${r.method} ${endpointOf(r.path)}`] = (byEndpoint[`${r.method} ${endpointOf(r.path)}`] ?? 0) + 1;
      const fullLibraryReads = log.filter(isFullLibraryRead).length;
      out.push({
        ...result,
        requests: sim.served.requests - before.requests,
        bodyBytes: sim.served.bodyBytes - before.bodyBytes,
        wireBytes: sim.served.wireBytes - before.wireBytes,
        byEndpoint,
        fullLibraryReads,
      });
    }
    return out;
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

interface Goal {
  text: string;
  /** undefined: met; a string: what missed it */
  check(runs: RunFigures[]): string | undefined;
}

const maxOf = (runs: RunFigures[], pick: (r: RunFigures) => number) => Math.max(...runs.map(pick));
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1)} MB`;

const servedAtMost = (limit: number): Goal => ({
  text: `≤ ${mb(limit)} served per run`,
  check: (runs) => (maxOf(runs, (r) => r.bodyBytes) <= limit ? undefined : `${mb(maxOf(runs, (r) => r.bodyBytes))}`),
});
const requestsAtMost = (limit: number): Goal => ({
  text: `≤ ${limit} requests per run`,
  check: (runs) => (maxOf(runs, (r) => r.requests) <= limit ? undefined : `${maxOf(runs, (r) => r.requests)}`),
});
const rssBelow: Goal = {
  text: 'peak RSS < 400 MB',
  check: (runs) => (maxOf(runs, (r) => r.peakRssMB) < 400 ? undefined : `${maxOf(runs, (r) => r.peakRssMB).toFixed(0)} MB`),
};
const planBelow: Goal = {
  text: 'planned in < 15 s',
  check: (runs) => (maxOf(runs, (r) => r.planMs ?? r.wallMs) < 15_000 ? undefined : `${(maxOf(runs, (r) => r.planMs ?? r.wallMs) / 1000).toFixed(1)} s`),
};
const libraryOncePerDay: Goal = {
  text: 'whole library read ≤ once a day (runs here)',
  check: (runs) => {
    const reads = runs.reduce((n, r) => n + r.fullLibraryReads, 0);
    return runs.length < 2 ? 'needs --runs 2' : reads <= 1 ? undefined : `${reads} full reads in ${runs.length} runs`;
  },
};

/** Issue 13's goals for each job (Sonarr missing and cutoff-unmet have none but the common ones). */
function goalsOf(job: JobCase): Goal[] {
  if (job.app === 'radarr' && job.type === 'upgrade') return [libraryOncePerDay, planBelow, rssBelow];
  if (job.app === 'radarr') return [servedAtMost(5 * MB), planBelow, rssBelow];
  if (job.type === 'new-episodes') return [servedAtMost(1 * MB), requestsAtMost(10), rssBelow];
  return [rssBelow];
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (s: string, n: number) => s.padStart(n);

function printRuns(job: JobCase, strategy: Strategy, runs: RunFigures[]): void {
  runs.forEach((r, i) => {
    const which = i === 0 ? 'first run' : 'next run';
    const drift = r.clientRequests === r.requests ? '' : `  (engine counted ${r.clientRequests} requests)`;
    console.log(
      `  ${pad(strategy.name, 11)} ${pad(which, 9)} ${num(mb(r.bodyBytes), 10)} ${num(mb(r.wireBytes), 10)} ${num(String(r.requests), 5)} ${num((r.wallMs / 1000).toFixed(1), 6)} s ${num((r.cpuMs / 1000).toFixed(1), 5)} s ${num(r.planMs === null ? '—' : (r.planMs / 1000).toFixed(1), 5)} s ${num(r.peakRssMB.toFixed(0), 5)} MB   exit ${r.exitCode}: ${r.summary}${drift}`,
    );
  });
  console.log(`  ${''.padEnd(21)} requests by endpoint (first run): ${Object.entries(runs[0].byEndpoint).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

async function main(): Promise<void> {
  if (values.child) {
    process.stdout.write(`${JSON.stringify(await child())}\n`);
    process.exit(0); // a stray handle must not hold the next run
  }
  const runs = Math.max(1, Number(values.runs));
  const items = Number(values.items);
  const jobs = JOBS.filter((j) => !values.only || j.app === values.only);
  console.log(`load bench (issue 13): node ${process.version}; simulator size "large" (seed 7) in this process, each run a live \`trawlarr once --job\` in its own process`);
  console.log(`itemsPerRun ${items} (Radarr: movies; Sonarr: search commands); ${runs === 1 ? 'one run' : `${runs} runs in a row`} per job on one data directory; strategies: ${STRATEGIES.map((s) => `${s.name} = ${s.label}`).join(', ')}`);
  console.log(`bytes served as counted by the simulator (MB = 10^6 bytes): the body (uncompressed), and on the wire with status lines, headers and chunk framing; wall time includes 2 s between search commands; CPU: the engine process's; plan: until the first search command`);
  const results = new Map<JobCase, Map<Strategy, RunFigures[]>>();
  for (const job of jobs) {
    console.log(`\n== ${job.library}: ${job.type} ==`);
    console.log(`  ${pad('strategy', 11)} ${pad('run', 9)} ${num('served', 10)} ${num('on wire', 10)} ${num('req', 5)} ${num('wall', 8)} ${num('CPU', 7)} ${num('plan', 7)} ${num('peak RSS', 8)}   outcome`);
    const byStrategy = new Map<Strategy, RunFigures[]>();
    for (const strategy of STRATEGIES) {
      const figures = await measureJob(job, strategy, runs, items);
      byStrategy.set(strategy, figures);
      printRuns(job, strategy, figures);
    }
    results.set(job, byStrategy);
  }

  console.log('\n== goals (issue 13), checked against every run measured ==');
  const width = 24;
  console.log(`  ${pad('job', 36)} ${pad('goal', 44)} ${STRATEGIES.map((s) => pad(`${s.name}`, width)).join(' ')}`);
  for (const job of jobs) {
    for (const goal of goalsOf(job)) {
      const cells = STRATEGIES.map((s) => {
        const miss = goal.check(results.get(job)!.get(s)!);
        return pad(miss === undefined ? 'met' : `NOT MET (${miss})`, width);
      });
      console.log(`  ${pad(`${job.library}: ${job.type}`, 36)} ${pad(goal.text, 44)} ${cells.join(' ')}`);
    }
  }
  const baseline = STRATEGIES[0];
  const all = jobs.flatMap((j) => results.get(j)!.get(baseline)!);
  const mismatched = all.filter((r) => r.clientRequests !== r.requests).length;
  if (mismatched) console.log(`\n  note: in ${mismatched} runs the engine's own request count differs from the simulator's`);
}

await main();
