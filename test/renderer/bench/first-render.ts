/**
 * Time to first render, in Debian's chromium, of
 *   - the dashboard with 20 instances × 6 jobs (baseline: 1 instance × 1 job), and
 *   - the history page over a real 300,000-entry history store (baseline: 100 entries).
 *
 *   npm run bench:ui [-- --runs 7 --entries 300000]     (needs `electron-vite build` first)
 *
 * "First render" = from navigation start to the moment every instance card (dashboard) or the
 * first page of 50 rows (history) is in the DOM, read from the page's own clock. Each run is a
 * fresh browser context (no cache). The UI talks to the real browser-mode server; status and
 * settings come from the UI-development fake service, history from the engine's HistoryStore.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { HistoryStore } from '../../../src/engine/store/history/store';
import { startUiServer } from '../../../src/server/index';
import type { NewHistoryEntry } from '../../../src/shared/status';
import { launchBrowser } from '../../e2e/support/browser';
import { createFakeService } from '../fake/service';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, entries: { type: 'string', default: '300000' } } });
const RUNS = Number(values.runs);
const ENTRIES = Number(values.entries);
const DAY = 86_400_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function buildHistory(dir: string, n: number, instanceIds: string[]): Promise<HistoryStore> {
  const end = Date.now();
  let now = end - 180 * DAY;
  const store = await HistoryStore.open({ dir, fsync: 'never', retentionDays: 3650, now: () => now });
  for (let i = 0; i < n; i += 1000) {
    const batch: Promise<unknown>[] = [];
    for (let k = i; k < Math.min(n, i + 1000); k++) {
      now = end - 180 * DAY + Math.floor((k / n) * 180 * DAY);
      const grabbed = k % 11 === 0;
      const e: NewHistoryEntry = {
        at: new Date(now).toISOString(),
        instanceId: instanceIds[k % instanceIds.length],
        jobId: 'missing',
        jobType: 'missing',
        status: grabbed ? 'grabbed' : 'searched',
        items: [{ id: k, title: `Movie ${k}` }],
        grabs: grabbed ? [{ itemId: k, itemTitle: `Movie ${k}`, releaseTitle: `Movie.${k}.2160p.WEB-DL-GROUP` }] : [],
        cost: 1,
      };
      batch.push(store.append(e));
    }
    await Promise.all(batch);
  }
  return store;
}

async function scenario(browser: Browser, opts: { instances: number; jobs: number; entries: number }) {
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-bench-ui-'));
  const service = createFakeService({ instances: opts.instances, jobsPerInstance: opts.jobs, historyEntries: 0 });
  const ids = (await service.getSettings(undefined)).instances.map((i) => i.id);
  const store = await buildHistory(dir, opts.entries, ids);
  service.queryHistory = (q) => store.query(q);
  service.historyPerDay = async (q) => ({ days: store.countsByDay(q.days, q) });
  const server = await startUiServer({ service, staticDir: resolve('out/renderer') });
  const measure = async (hash: string, counts: [selector: string, count: number][]) => {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // the token rides in the fragment; the route is given afterwards, as a user's click would
      await page.addInitScript((t: string) => sessionStorage.setItem('trawlarr.token', t), server.token);
      await page.goto(`${server.origin}/${hash}`);
      // a function (not a string) predicate: the page's CSP forbids eval
      await page.waitForFunction((want) => want.every(([sel, n]) => document.querySelectorAll(sel).length === n), counts, { polling: 'raf', timeout: 60_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  };
  const dashboardMs = await measure('#/dashboard', [
    ['.instance-card', opts.instances],
    ['.job-table tbody tr', opts.instances * opts.jobs],
  ]);
  const historyMs = await measure('#/history', [['.history-table tbody tr', Math.min(50, opts.entries)]]);
  await server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return { dashboardMs, historyMs };
}

const browser = await launchBrowser();
try {
  const baseline = await scenario(browser, { instances: 1, jobs: 1, entries: 100 });
  const full = await scenario(browser, { instances: 20, jobs: 6, entries: ENTRIES });
  const row = (name: string, base: number, value: number) => console.log(`${name.padEnd(44)} ${value.toFixed(0).padStart(7)} ms   (baseline ${base.toFixed(0)} ms)`);
  console.log(`first render in chromium, median of ${RUNS} fresh contexts`);
  row('dashboard, 20 instances × 6 jobs', baseline.dashboardMs, full.dashboardMs);
  row(`history, ${ENTRIES.toLocaleString('en-US')} entries (first page of 50)`, baseline.historyMs, full.historyMs);
  console.log(JSON.stringify({ runs: RUNS, entries: ENTRIES, baseline, full }));
} finally {
  await browser.close();
}
