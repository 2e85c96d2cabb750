/**
 * Time to first render, in Debian's chromium, against the REAL headless command (`trawlarr run
 * --ui`, a child process) and simulated Radarr/Sonarr:
 *   - the dashboard with 20 instances × 6 jobs, and
 *   - the history page over a data dir whose history store holds 300,000 entries;
 * each against a baseline measured in the same run: the same command with 1 instance × 1 job and
 * 100 entries.
 *
 *   npm run bench:ui [-- --runs 7 --entries 300000]     (builds the renderer first)
 *
 * "First render" = from navigation start to the moment every instance card and job row
 * (dashboard) or the first page of 50 rows (history) is in the DOM, read from the page's own clock.
 * Each measurement is a fresh browser context (no cache). The 20 instances share two simulators
 * (several instance entries may point at one URL). The jobs run on a daily cron 12 hours away, so
 * the engine only checks the instances' health while the pages load: this measures the UI and the
 * backend answering it, not searches running beside it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { HistoryStore, historyDir } from '../src/engine/store';
import type { JobSettingsInput, JobType, SettingsInput } from '../src/shared/settings';
import type { NewHistoryEntry } from '../src/shared/status';
import { startSimulator, type Simulator } from '../src/simulator/index';
import { launchBrowser } from '../test/e2e/support/browser';
import { startRunUi } from '../test/e2e/support/app';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, entries: { type: 'string', default: '300000' } } });
const RUNS = Number(values.runs);
const ENTRIES = Number(values.entries);
if (!(RUNS >= 1) || !(ENTRIES >= 50)) throw new Error('--runs must be at least 1 and --entries at least 50');
const DAY = 86_400_000;
const SPAN_DAYS = 150; // inside the default 180-day retention, so the engine keeps every entry

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const RADARR_JOBS: JobType[] = ['missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'];
const SONARR_JOBS: JobType[] = ['new-episodes', 'missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'];

/** `count` job settings of the instance's kind, all on a daily cron 12 hours from now. */
function jobsFor(kind: 'radarr' | 'sonarr', count: number): JobSettingsInput[] {
  const cron = `0 ${(new Date().getHours() + 12) % 24} * * *`;
  const types = kind === 'radarr' ? RADARR_JOBS : SONARR_JOBS;
  // Radarr has five job types: a sixth job is a second "missing" job, as a user would add for another profile
  return Array.from({ length: count }, (_, i) => ({ id: i < types.length ? types[i] : `${types[i % types.length]}-${i}`, type: types[i % types.length], schedule: { cron } }));
}

function config(instances: number, jobs: number, sims: { radarr: Simulator; sonarr: Simulator }): SettingsInput {
  return {
    version: 1,
    instances: Array.from({ length: instances }, (_, i) => {
      const sim = i % 2 === 0 ? sims.radarr : sims.sonarr;
      return { id: `${sim.app}-${i + 1}`, name: `${sim.app === 'radarr' ? 'Radarr' : 'Sonarr'} ${i + 1}`, kind: sim.app, url: sim.url, apiKey: sim.apiKey, jobs: jobsFor(sim.app, jobs) };
    }),
  };
}

/** Fills the data dir's history through the engine's own store, spread over SPAN_DAYS up to now. */
async function fillHistory(dataDir: string, n: number, settings: SettingsInput): Promise<void> {
  const end = Date.now();
  let now = end - SPAN_DAYS * DAY;
  const store = await HistoryStore.open({ dir: historyDir(dataDir), fsync: 'never', retentionDays: 3650, now: () => now });
  const jobs = (settings.instances ?? []).flatMap((inst) => (inst.jobs ?? []).map((job) => ({ instanceId: inst.id, job })));
  try {
    for (let i = 0; i < n; i += 1000) {
      const batch: Promise<unknown>[] = [];
      for (let k = i; k < Math.min(n, i + 1000); k++) {
        now = end - SPAN_DAYS * DAY + Math.floor((k / n) * SPAN_DAYS * DAY);
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
  sessionStorage: { setItem(key: string, value: string): void };
  document: { querySelectorAll(selector: string): { length: number } };
}

interface Figures {
  dashboardMs: number[];
  historyMs: number[];
  startMs: number;
}

async function scenario(browser: Browser, sims: { radarr: Simulator; sonarr: Simulator }, opts: { instances: number; jobs: number; entries: number }): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-bench-ui-'));
  try {
    const settings = config(opts.instances, opts.jobs, sims);
    const configFile = join(dir, 'trawlarr.json');
    const dataDir = join(dir, 'data');
    await writeFile(configFile, JSON.stringify(settings, null, 2));
    await mkdir(dataDir, { recursive: true });
    await fillHistory(dataDir, opts.entries, settings);
    const started = performance.now();
    const app = await startRunUi(configFile, dataDir);
    const startMs = performance.now() - started;
    try {
      const measure = async (hash: string, counts: [selector: string, count: number][]) => {
        const times: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          // the token the command printed, as the page keeps it after its first load; the route is given directly
          await page.addInitScript((t: string) => (globalThis as unknown as PageGlobals).sessionStorage.setItem('trawlarr.token', t), app.token);
          await page.goto(`${app.origin}/${hash}`);
          // a function (not a string) predicate: the page's CSP forbids eval
          await page.waitForFunction((want) => want.every(([sel, n]) => (globalThis as unknown as PageGlobals).document.querySelectorAll(sel).length === n), counts, { polling: 'raf', timeout: 60_000 });
          times.push(await page.evaluate(() => performance.now()));
          await context.close();
        }
        return times;
      };
      const dashboardMs = await measure('#/dashboard', [
        ['.instance-card', opts.instances],
        ['.job-table tbody tr', opts.instances * opts.jobs],
      ]);
      const historyMs = await measure('#/history', [['.history-table tbody tr', Math.min(50, opts.entries)]]);
      return { dashboardMs, historyMs, startMs };
    } finally {
      await app.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const radarr = await startSimulator({ app: 'radarr', seed: 21, size: 'tiny' });
const sonarr = await startSimulator({ app: 'sonarr', seed: 22, size: 'tiny' });
const browser = await launchBrowser();
try {
  const baseline = await scenario(browser, { radarr, sonarr }, { instances: 1, jobs: 1, entries: 100 });
  const full = await scenario(browser, { radarr, sonarr }, { instances: 20, jobs: 6, entries: ENTRIES });
  const ms = (xs: number[]) => `${median(xs).toFixed(0).padStart(6)} ms`;
  const row = (name: string, base: number[], value: number[]) => console.log(`${name.padEnd(46)} ${ms(value)}   (baseline ${ms(base).trim()}; runs ${value.map((v) => v.toFixed(0)).join(' ')})`);
  console.log(`first render in chromium against trawlarr run --ui, median of ${RUNS} fresh contexts`);
  console.log(`baseline: the same command with 1 instance × 1 job and 100 history entries`);
  row('dashboard, 20 instances × 6 jobs', baseline.dashboardMs, full.dashboardMs);
  row(`history, ${ENTRIES.toLocaleString('en-US')} entries (first page of 50)`, baseline.historyMs, full.historyMs);
  console.log(`${'run --ui start until it printed its URL'.padEnd(46)} ${full.startMs.toFixed(0).padStart(6)} ms   (baseline ${baseline.startMs.toFixed(0)} ms)`);
  const medians = (f: Figures) => ({ dashboardMs: Math.round(median(f.dashboardMs)), historyMs: Math.round(median(f.historyMs)), startMs: Math.round(f.startMs) });
  console.log(JSON.stringify({ runs: RUNS, entries: ENTRIES, baseline: medians(baseline), full: medians(full) }));
} finally {
  await browser.close();
  await Promise.all([radarr.close(), sonarr.close()]);
}
