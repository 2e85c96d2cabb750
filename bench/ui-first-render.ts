/**
 * Time to first render, in Debian's chromium, against the REAL headless command (`trawlarr run
 * --ui`, a child process) and simulated Radarr/Sonarr:
 *   - the dashboard with 20 instances × 6 jobs, and
 *   - the history page over a data dir whose history store holds 300,000 entries;
 * each against a baseline measured in the same run: the same command with 1 instance × 1 job and
 * 100 entries of the last 12 hours.
 *
 *   npm run bench:ui [-- --runs 7 --entries 300000]     (builds the renderer first)
 *
 * "First render" = from navigation start to the moment every instance card and job row
 * (dashboard) or the first page of 50 rows (history) is in the DOM, read from the page's own clock.
 * Each measurement is a fresh browser context (no cache); both commands run side by side, a first
 * round is a discarded warm-up, then baseline and full alternate. Each of the 20 instances has its
 * own small simulator (two enabled instances at one address are refused). The jobs run on a daily cron 12 hours away, so
 * the engine only checks the instances' health while the pages load: this measures the UI and the
 * backend answering it, not searches running beside it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { HistoryStore, historyDir } from '../src/engine/store';
import type { JobSettingsInput, JobType, SettingsInput } from '../src/shared/settings';
import type { NewHistoryEntry } from '../src/shared/status';
import { startSimulator, type Simulator } from '../src/simulator/index';
import { launchBrowser } from '../test/e2e/support/browser';
import { startRunUi, type RunUi } from '../test/e2e/support/app';
import { median } from './support/measure';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, entries: { type: 'string', default: '300000' } } });
const RUNS = Number(values.runs);
const ENTRIES = Number(values.entries);
if (!(RUNS >= 1) || !(ENTRIES >= 50)) throw new Error('--runs must be at least 1 and --entries at least 50');
const DAY = 86_400_000;
/** the full history's span: inside the default 180-day retention, so the engine keeps every entry */
const SPAN_DAYS = 150;


const RADARR_JOBS: JobType[] = ['missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'];
const SONARR_JOBS: JobType[] = ['new-episodes', 'missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'];

/** `count` job settings of the instance's kind, all on a daily cron 12 hours from now. */
function jobsFor(kind: 'radarr' | 'sonarr', count: number): JobSettingsInput[] {
  const cron = `0 ${(new Date().getHours() + 12) % 24} * * *`;
  const types = kind === 'radarr' ? RADARR_JOBS : SONARR_JOBS;
  // Radarr has five job types: a sixth job is a second "missing" job, as a user would add for another profile
  return Array.from({ length: count }, (_, i) => ({ id: i < types.length ? types[i] : `${types[i % types.length]}-${i}`, type: types[i % types.length], schedule: { cron } }));
}

function config(instances: number, jobs: number, sims: readonly Simulator[]): SettingsInput {
  return {
    version: 1,
    instances: Array.from({ length: instances }, (_, i) => {
      const sim = sims[i];
      return { id: `${sim.app}-${i + 1}`, name: `${sim.app === 'radarr' ? 'Radarr' : 'Sonarr'} ${i + 1}`, kind: sim.app, url: sim.url, apiKey: sim.apiKey, jobs: jobsFor(sim.app, jobs) };
    }),
  };
}

/** Fills the data dir's history through the engine's own store, spread evenly over `spanDays` up to now. */
async function fillHistory(dataDir: string, n: number, spanDays: number, settings: SettingsInput): Promise<void> {
  const end = Date.now();
  let now = end - spanDays * DAY;
  const store = await HistoryStore.open({ dir: historyDir(dataDir), fsync: 'never', retentionDays: 3650, now: () => now });
  const jobs = (settings.instances ?? []).flatMap((inst) => (inst.jobs ?? []).map((job) => ({ instanceId: inst.id, job })));
  try {
    for (let i = 0; i < n; i += 1000) {
      const batch: Promise<unknown>[] = [];
      for (let k = i; k < Math.min(n, i + 1000); k++) {
        now = end - spanDays * DAY + Math.floor((k / n) * spanDays * DAY);
        const { instanceId, job } = jobs[k % jobs.length];
        const grabbed = k % 11 === 0;
        const e: NewHistoryEntry = {
          at: new Date(now).toISOString(),
          instanceId,
          jobId: job.id,
          jobType: job.type,
          status: grabbed ? 'grabbed' : 'searched',
          items: [{ id: k, title: `Item ${k}` }],
          grabs: grabbed ? [{ itemId: k, itemTitle: `Item ${k}`, releaseTitle: `Item.${k}.2160p.WEB-DL-GROUP` }] : [],
          cost: 1,
        };
        batch.push(store.append(e));
      }
      await Promise.all(batch);
    }
  } finally {
    await store.close();
  }
}

/** What the page-side functions use (they run in the browser; this Node project has no DOM lib). */
interface PageGlobals {
  document: { querySelectorAll(selector: string): { length: number } };
}

interface Scenario {
  name: string;
  instances: number;
  jobs: number;
  entries: number;
  spanDays: number;
  app: RunUi;
  startMs: number;
  dir: string;
}

/** A config and a pre-filled data dir, and `run --ui` on them. */
async function prepare(sims: readonly Simulator[], name: string, opts: { instances: number; jobs: number; entries: number; spanDays: number }): Promise<Scenario> {
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-bench-ui-'));
  try {
    const settings = config(opts.instances, opts.jobs, sims);
    const configFile = join(dir, 'trawlarr.json');
    const dataDir = join(dir, 'data');
    await writeFile(configFile, JSON.stringify(settings, null, 2));
    await mkdir(dataDir, { recursive: true });
    await fillHistory(dataDir, opts.entries, opts.spanDays, settings);
    const started = performance.now();
    const app = await startRunUi(configFile, dataDir);
    return { name, ...opts, app, startMs: performance.now() - started, dir };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function dispose(s: Scenario): Promise<void> {
  await s.app.stop();
  await rm(s.dir, { recursive: true, force: true });
}

const sessions = new Map<Scenario, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** Logs in once per scenario with the link the command printed, and keeps the session cookie. */
async function sessionOf(browser: Browser, s: Scenario) {
  let state = sessions.get(s);
  if (!state) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(s.app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    state = await context.storageState();
    sessions.set(s, state);
    await context.close();
  }
  return state;
}

/** Milliseconds from navigation start until every selector matches its count, in a fresh context. */
async function firstRender(browser: Browser, s: Scenario, hash: string, counts: [selector: string, count: number][]): Promise<number> {
  // a browser that logged in before (its session cookie only: no cache); the route is given directly
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: await sessionOf(browser, s) });
  try {
    const page = await context.newPage();
    await page.goto(`${s.app.origin}/${hash}`);
    // a function (not a string) predicate: the page's CSP forbids eval
    await page.waitForFunction((want) => want.every(([sel, n]) => (globalThis as unknown as PageGlobals).document.querySelectorAll(sel).length === n), counts, { polling: 'raf', timeout: 60_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

const dashboard = (s: Scenario): [string, number][] => [
  ['.instance-card', s.instances],
  ['.job-table tbody tr', s.instances * s.jobs],
];
const history = (s: Scenario): [string, number][] => [['.history-table tbody tr', Math.min(50, s.entries)]];

// one per instance, Radarr and Sonarr alternating
const sims = await Promise.all(Array.from({ length: 20 }, (_, i) => startSimulator({ app: i % 2 === 0 ? 'radarr' : 'sonarr', seed: 21 + i, size: 'tiny' })));
const browser = await launchBrowser();
const scenarios: Scenario[] = [];
try {
  // the baseline's 100 entries lie within its last day: spread over months, the first page would be
  // read from 50 day files (one per entry), not the small case a baseline should be
  const baseline = await prepare(sims, 'baseline', { instances: 1, jobs: 1, entries: 100, spanDays: 0.5 });
  scenarios.push(baseline);
  const full = await prepare(sims, 'full', { instances: 20, jobs: 6, entries: ENTRIES, spanDays: SPAN_DAYS });
  scenarios.push(full);
  const times = { baseline: { dashboard: [] as number[], history: [] as number[] }, full: { dashboard: [] as number[], history: [] as number[] } };
  // round 0 warms the browser and both servers up and is not counted; then the two alternate, so
  // load from elsewhere on the machine falls on both alike
  for (let r = 0; r <= RUNS; r++) {
    for (const s of [baseline, full]) {
      const d = await firstRender(browser, s, '#/dashboard', dashboard(s));
      const h = await firstRender(browser, s, '#/history', history(s));
      if (r === 0) continue;
      times[s.name as 'baseline' | 'full'].dashboard.push(d);
      times[s.name as 'baseline' | 'full'].history.push(h);
    }
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0).padStart(6)} ms`;
  const row = (name: string, base: number[], value: number[]) => console.log(`${name.padEnd(46)} ${ms(value)}   (baseline ${ms(base).trim()}; runs ${value.map((v) => v.toFixed(0)).join(' ')})`);
  console.log(`first render in chromium against trawlarr run --ui, median of ${RUNS} fresh contexts after a warm-up`);
  console.log(`baseline: the same command with 1 instance × 1 job and 100 history entries of the last 12 hours, measured alternately`);
  row('dashboard, 20 instances × 6 jobs', times.baseline.dashboard, times.full.dashboard);
  row(`history, ${ENTRIES.toLocaleString('en-US')} entries (first page of 50)`, times.baseline.history, times.full.history);
  console.log(`${'run --ui start until it printed its URL'.padEnd(46)} ${full.startMs.toFixed(0).padStart(6)} ms   (baseline ${baseline.startMs.toFixed(0)} ms)`);
  const medians = (t: { dashboard: number[]; history: number[] }, s: Scenario) => ({ dashboardMs: Math.round(median(t.dashboard)), historyMs: Math.round(median(t.history)), startMs: Math.round(s.startMs) });
  console.log(JSON.stringify({ runs: RUNS, entries: ENTRIES, baseline: medians(times.baseline, baseline), full: medians(times.full, full) }));
} finally {
  for (const s of scenarios) await dispose(s);
  await browser.close();
  await Promise.all(sims.map((sim) => sim.close()));
}
