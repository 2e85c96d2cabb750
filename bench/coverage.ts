/**
 * npm run bench:coverage [-- --movies 20000 --per-day 200 --days 30 --every 6h --seed 7 --grab-chance 0.3]
 *
 * A month of fake time (FakeClock; the simulator's `now` is the same clock) on a 20,000-movie
 * Radarr library with a budget of 200 queries a day, once with the engine (the Scheduler and the
 * real job runner: tags, cycles, eligibility, permit) and once per baseline, each on a fresh
 * simulator with the same seed, so the same library, in the same run:
 *  - random, wanted list: each run picks random movies from the app's /wanted/missing (monitored, as
 *    the app filters it; not filtered on availability, as the app does not), minus the download
 *    queue, remembering nothing: what tools without search memory do (Huntarr's random sample, say);
 *  - random, eligible only: the same, also skipping movies not available yet, so that only the
 *    lack of memory separates it from the engine.
 * The baselines get the same budget, permit, schedule, items per run and command size as the engine.
 * Every search is judged when it is sent, against the simulator's ground truth at that instant.
 * The job is "missing": with ~20k movies its eligible set (~5.5k) is one the budget can cover in a
 * month, so the days to full coverage say something.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RadarrClient } from '../src/arr';
import { DAY_MS, FakeClock, Scheduler, type Forecast } from '../src/engine/scheduler';
import { HistoryStore } from '../src/engine/store/history/store';
import { StateStore } from '../src/engine/store/state';
import { settingsSchema } from '../src/shared/settings';
import { startSimulator } from '../src/simulator';
import { SearchAudit, type AuditFigures } from './coverage-sim/audit';
import { driveUntil, Inflight, tracked } from './coverage-sim/drive';
import { engineRun, randomRun, type RunFn } from './coverage-sim/policies';
import { seededRandom } from '../src/engine/plan/order';

const { values } = parseArgs({
  options: {
    movies: { type: 'string', default: '20000' },
    'per-day': { type: 'string', default: '200' },
    'per-hour': { type: 'string', default: '50' },
    days: { type: 'string', default: '30' },
    every: { type: 'string', default: '6h' },
    seed: { type: 'string', default: '7' },
    'grab-chance': { type: 'string', default: '0.3' },
    /** one policy only (engine, wanted, eligible), e.g. to profile it */
    only: { type: 'string' },
  },
});
const MOVIES = Number(values.movies);
const PER_DAY = Number(values['per-day']);
const PER_HOUR = Number(values['per-hour']);
const DAYS = Number(values.days);
const SEED = Number(values.seed);
const GRAB = Number(values['grab-chance']);
const T0 = Date.UTC(2026, 2, 2, 0);

type Policy = 'engine' | 'random, wanted list' | 'random, eligible only';

interface Result {
  policy: Policy;
  figures: AuditFigures;
  /** initially eligible movies covered at the end of each day */
  daily: number[];
  itemsPerRun: number;
  forecast: Forecast;
  cycles: number;
  runErrors: string[];
  wallS: number;
}


async function simulate(policy: Policy): Promise<Result> {
  const started = performance.now();
  const clock = new FakeClock(T0);
  const inflight = new Inflight();
  const audit = new SearchAudit(clock);
  const sim = await startSimulator({ app: 'radarr', seed: SEED, size: { movies: MOVIES }, now: () => clock.now(), grabChance: GRAB, onExchange: audit.onExchange, requestLogLimit: 100 });
  audit.attach(sim);
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-coverage-'));
  const raw = new RadarrClient({ name: 'Radarr', kind: 'radarr', url: sim.url, apiKey: sim.apiKey });
  const client = tracked(raw, inflight);
  const store = tracked(await StateStore.open(dir), inflight);
  const history = tracked(await HistoryStore.open({ dir: join(dir, 'history'), fsync: 'never', now: () => clock.now() }), inflight);
  const settings = settingsSchema.parse({
    version: 1,
    instances: [
      {
        id: 'radarr',
        name: 'Radarr',
        kind: 'radarr',
        url: sim.url,
        apiKey: sim.apiKey,
        throughput: { maxPerDay: PER_DAY, maxPerHour: PER_HOUR, minGapSeconds: 5, activeHours: [], queueLimit: 20 },
        jobs: [{ id: 'missing', type: 'missing', schedule: { every: values.every } }],
      },
    ],
  });
  let cycles = 1;
  const runErrors: string[] = [];
  const run: RunFn =
    policy === 'engine'
      ? engineRun({ client, store, history, clock }, (r) => (cycles = Math.max(cycles, r.cycle)))
      : randomRun({ client, clock, random: seededRandom(SEED), skipUnavailable: policy === 'random, eligible only', perCommand: 5 });
  // no queue or health gate: the simulator never finishes a download, so its queue only grows
  const scheduler = new Scheduler({ settings, clock, run, timeZone: 'UTC', onRunError: (_i, _j, e) => runErrors.push((e as Error).message) });
  const itemsPerRun = scheduler.itemsPerRun('radarr', 'missing');
  const forecast = scheduler.forecast('radarr', 'missing', { cycle: 1, remainingItems: audit.figures.initial, avgCostPerItem: 1 });
  const daily: number[] = [];
  try {
    await client.connect();
    scheduler.start();
    for (let day = 1; day <= DAYS; day++) {
      await driveUntil(clock, T0 + day * DAY_MS, inflight);
      daily.push(audit.figures.initialCovered);
      if (day % 5 === 0) process.stdout.write(`  day ${day}: ${pct(audit.figures.initialCovered, audit.figures.initial)} of the day-0 eligible searched, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    const figures = audit.finish(); // before the stop: a run cut short by it may still send
    const stopping = scheduler.stop();
    await Promise.race([stopping, driveUntil(clock, T0 + (DAYS + 1) * DAY_MS, inflight)]);
    await stopping;
    return { policy, figures, daily, itemsPerRun, forecast, cycles, runErrors, wallS: (performance.now() - started) / 1000 };
  } finally {
    raw.close();
    await history.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const days = (r: Result) =>
  r.figures.coveredAt !== undefined ? `${((r.figures.coveredAt - T0) / DAY_MS).toFixed(1)} days` : `not covered in ${DAYS} days (${pct(r.figures.initialCovered, r.figures.initial)})`;

function table(results: Result[]): void {
  const col = 34;
  const row = (label: string, cell: (r: Result) => string | number) => console.log(`${label.padEnd(44)}${results.map((r) => String(cell(r)).padStart(col)).join('')}`);
  row('', (r) => r.policy);
  row('days to full coverage of day-0 eligible', days);
  for (const d of [5, 10, 15, 20, 25, 30].filter((x) => x <= DAYS)) row(`  coverage at day ${d}`, (r) => pct(r.daily[d - 1], r.figures.initial));
  row('item searches sent (queries spent)', (r) => r.figures.searches);
  row('  most in any rolling 24 h', (r) => `${r.figures.worstDay} (cap ${PER_DAY})`);
  row('searches on ineligible items', (r) => r.figures.ineligible);
  row('  not available yet', (r) => r.figures.ineligibleWhy.notAvailable);
  row('  already downloading', (r) => r.figures.ineligibleWhy.downloading);
  row('  other (unmonitored, has a file)', (r) => r.figures.ineligibleWhy.other);
  row('searches on already-searched items', (r) => r.figures.repeats);
  row('  before full coverage', (r) => r.figures.repeatsBeforeCoverage);
  row('first searches of newly eligible items', (r) => r.figures.newlyEligible);
  row('GET /movie (whole library) / wanted pages', (r) => `${r.figures.libraryFetches} / ${r.figures.wantedPages}`);
  row('engine cycles started', (r) => (r.policy === 'engine' ? r.cycles : '-'));
  row('run errors', (r) => r.runErrors.length);
  row('wall time of the simulation', (r) => `${r.wallS.toFixed(0)} s`);
}

async function main(): Promise<void> {
  const all: Policy[] = ['engine', 'random, wanted list', 'random, eligible only'];
  const policies = values.only ? all.filter((p) => p.includes(values.only!)) : all;
  const results: Result[] = [];
  for (const p of policies) {
    process.stdout.write(`simulating ${DAYS} days: ${p}…\n`);
    results.push(await simulate(p));
  }
  const e = results[0];
  console.log(`\ncoverage bench: ${MOVIES} movies (seed ${SEED}), job "missing", budget ${PER_DAY} queries/day and ${PER_HOUR}/hour, a run every ${values.every}, items per run auto = ${e.itemsPerRun}, 5 movies per command, grab chance ${GRAB}, ${DAYS} days of fake time`);
  console.log(`eligible at day 0 (monitored, no file, available, not downloading): ${e.figures.initial} movies; at ${PER_DAY}/day that takes at least ${(e.figures.initial / PER_DAY).toFixed(1)} days`);
  console.log(`the scheduler's forecast at day 0: ${e.forecast.days.toFixed(1)} days (limited by: ${e.forecast.limitedBy})`);
  console.log(`baselines: random picks from the app's wanted list on every run, no memory; "wanted list" keeps what /wanted/missing?monitored=true returns (which includes movies not available yet) minus the download queue; "eligible only" also drops unavailable movies\n`);
  table(results);
  if (e.figures.coveredAt !== undefined) {
    const actual = (e.figures.coveredAt - T0) / DAY_MS;
    console.log(`\nengine: covered in ${actual.toFixed(1)} days against a forecast of ${e.forecast.days.toFixed(1)} (${(((actual - e.forecast.days) / e.forecast.days) * 100).toFixed(1)}%); its searches after that are cycle 2 (unattended reset)`);
  }
  if (e.figures.ineligible !== 0) console.log(`\nFAILED: the engine searched ${e.figures.ineligible} ineligible movies`);
  if (e.figures.worstDay > PER_DAY) console.log(`\nFAILED: the engine went over the daily budget (${e.figures.worstDay} > ${PER_DAY})`);
  for (const r of results) for (const m of new Set(r.runErrors)) console.log(`run error (${r.policy}): ${m}`);
}

await main();
