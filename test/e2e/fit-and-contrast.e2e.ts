/**
 * Every page of the real settings window (headless `run --ui` against simulated Radarr and
 * Sonarr, with instances, jobs, a run and its history), at a tray window's size (420×700) and at a
 * desktop size, in the light and the dark theme: nothing scrolls sideways or reaches past the
 * window's edge, no control or progress bar is squeezed away, and axe-core finds no WCAG 2 A/AA
 * violation (color contrast included). Forms and previews are opened, as a user would see them.
 * The measurements are written to test-output/fit-and-contrast.json, the pages as measured to
 * test-output/fit/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SettingsInput } from '../../src/shared/settings';
import type { Simulator } from '../../src/simulator/index';
import { launchBrowser } from './support/browser';
import { startApp, type RunningApp } from './support/app';
import { checkAccessibility, measureLayout, type Accessibility, type Layout } from './support/measure';

let app: RunningApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const results: Record<string, { layout: Layout; accessibility: Accessibility }> = {};

/** Hours from now: the scheduled jobs wait, so only "Run now" runs in this session. */
const far = `0 ${(new Date().getHours() + 12) % 24} * * *`;

function settings(radarr: Simulator, sonarr: Simulator): SettingsInput {
  return {
    version: 1,
    instances: [
      {
        id: 'radarr',
        name: 'Radarr',
        kind: 'radarr',
        url: radarr.url,
        apiKey: radarr.apiKey,
        jobs: [
          { id: 'missing', type: 'missing', schedule: { cron: far }, itemsPerRun: 20 },
          { id: 'upgrade', type: 'upgrade', schedule: { cron: far } },
        ],
      },
      {
        id: 'sonarr',
        name: 'Sonarr',
        kind: 'sonarr',
        url: sonarr.url,
        apiKey: sonarr.apiKey,
        throughput: { maxPerHour: 10, maxPerDay: 120, activeHours: [{ start: '22:00', end: '07:00' }] },
        jobs: [
          { id: 'missing', type: 'missing', granularity: 'season', schedule: { cron: far } },
          { id: 'new-episodes', type: 'new-episodes', schedule: { cron: far } },
        ],
      },
    ],
  };
}

async function go(name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: false }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Each page as a user sees it with something open. */
const PAGES: [string, () => Promise<void>][] = [
  ['Dashboard', () => page.locator('.chart canvas').first().waitFor()],
  [
    'Instances',
    async () => {
      await page.getByRole('button', { name: 'Edit Radarr' }).click();
      await page.getByRole('form', { name: 'Edit Radarr' }).waitFor();
    },
  ],
  [
    'Jobs',
    async () => {
      await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Radarr (Radarr)' });
      await page.getByRole('button', { name: 'Configure Missing job missing' }).click();
      await page.locator('form.job-form').getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('region', { name: 'Preview result' }).waitFor();
    },
  ],
  [
    'Throughput',
    async () => {
      await page.getByLabel('Limits of').selectOption({ label: 'Instance: Sonarr' });
      await page.getByTestId('forecast-headline').waitFor();
      await page.getByLabel('Window 1 start').waitFor();
    },
  ],
  ['History', () => page.locator('.history-table tbody tr').first().waitFor()],
  ['Settings', () => page.getByRole('button', { name: 'Save settings' }).waitFor()],
];

const SIZES = [
  { name: 'tray', width: 420, height: 700 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

beforeAll(async () => {
  await mkdir('test-output/fit', { recursive: true });
  app = await startApp(settings);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});

afterAll(async () => {
  await mkdir('test-output', { recursive: true });
  await writeFile('test-output/fit-and-contrast.json', JSON.stringify(results, null, 2));
  const lines = Object.entries(results).map(([k, r]) => `${k.padEnd(28)} width ${r.layout.scrollWidth}/${r.layout.clientWidth}, widest ${r.layout.widest}, min contrast ${r.accessibility.minContrast?.toFixed(2) ?? '-'}, violations: ${Object.keys(r.accessibility.violations).join(', ') || 'none'}`);
  console.log(lines.join('\n'));
  await browser?.close();
  await app?.stop();
});

describe('every page fits the window and passes axe, in both themes', () => {
  it('runs a job first, so the dashboard shows a result and the history has entries', async () => {
    const runNow = page.getByRole('button', { name: 'Run Radarr Missing now' });
    await runNow.click();
    const row = page.getByRole('row').filter({ has: runNow });
    await expect.poll(async () => (await runNow.isEnabled()) && /\d+ searched/.test(await row.innerText()), { timeout: 60_000 }).toBe(true);
  });

  for (const size of SIZES) {
    for (const [name, open] of PAGES) {
      it(`${name} at ${size.width}×${size.height} (${size.name})`, async () => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await go(name);
        await open();
        const failures: string[] = [];
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          // the chart draws its colours from the theme after the switch
          await page.waitForTimeout(100);
          // what was measured, to look at (test-output/ is not tracked)
          await page.screenshot({ path: `test-output/fit/${name.toLowerCase()}-${size.width}-${scheme}.png`, fullPage: true });
          const layout = await measureLayout(page);
          const accessibility = await checkAccessibility(page);
          results[`${name} ${size.width} ${scheme}`] = { layout, accessibility };
          if (layout.scrollWidth > layout.clientWidth) failures.push(`${scheme}: scrolls sideways (${layout.scrollWidth} px wide in ${layout.clientWidth})`);
          for (const b of layout.beyond.slice(0, 8)) failures.push(`${scheme}: past the edge: ${b}`);
          for (const s of layout.squeezed) failures.push(`${scheme}: squeezed: ${s}`);
          for (const [rule, nodes] of Object.entries(accessibility.violations)) for (const n of nodes.slice(0, 5)) failures.push(`${scheme}: axe ${rule}: ${n}`);
        }
        await page.emulateMedia({ colorScheme: null });
        expect(failures).toEqual([]);
      });
    }
  }

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
