/**
 * A new user's first session with the settings window, on the real app (headless `run --ui`
 * against simulated Radarr and Sonarr): add instances (a wrong key first), configure jobs,
 * preview, run now, watch progress, find the searches in history, change throughput and see the
 * forecast move, reload and find everything saved. Bad input is tried in every form.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

async function go(name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: false }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function reload() {
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

const PAGES = [
  ['Dashboard', 'dashboard'],
  ['Instances', 'instances'],
  ['Jobs', 'jobs'],
  ['Throughput', 'throughput'],
  ['History', 'history'],
  ['Settings', 'settings'],
] as const;

/** Once a day, 12 hours from now (local time, which the engine on this machine shares). */
const RADARR_CRON = `0 ${(new Date().getHours() + 12) % 24} * * *`;

const errorsShown = () => page.locator('.field__error').allTextContents();

/** The part of the page's window the keyboard test reads (in the browser, not in Node). */
interface PageElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface PageWindow {
  document: { activeElement: PageElement | null; body: PageElement };
  getComputedStyle(el: PageElement): { outlineStyle: string; backgroundColor: string };
}

/** History rows once the page has its answer (null while loading). */
async function shownRows(): Promise<number | null> {
  if (/Loading/.test(await page.getByRole('navigation', { name: 'History pages' }).innerText())) return null;
  return page.locator('.history-table tbody tr').count();
}
async function shownBadges(): Promise<string[] | null> {
  if ((await shownRows()) === null) return null;
  return page.locator('.history-table tbody tr td:nth-child(4) .badge:first-child').allInnerTexts();
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  // leaving with unsaved changes asks (beforeunload); the tests that reload accept
  page.on('dialog', (d) => void d.accept());
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('settings window, as a new user', () => {
  it('removes the login code from the address bar and shows an empty start', async () => {
    expect(page.url()).not.toContain('login=');
    await page.getByText('No instances yet.').waitFor();
  });

  it('refuses a bad instance form with specific messages and saves nothing', async () => {
    await go('Instances');
    await page.getByRole('button', { name: 'Add instance' }).first().click();
    const form = page.getByRole('form', { name: 'Add instance' });
    await form.getByLabel('Name').fill('   ');
    await form.getByLabel('Address').fill('radarr.local:7878');
    await form.getByRole('button', { name: 'Add instance' }).click();
    await expect
      .poll(errorsShown)
      .toEqual(expect.arrayContaining(['name is required', expect.stringMatching(/url must/), expect.stringMatching(/^API key is required/), 'Not saved: correct the fields marked below.']));
    await reload();
    // the loaded page says there is no instance yet (and so has no table)
    await page.getByText('Trawlarr needs at least one Radarr or Sonarr instance to search.').waitFor();
    await expect(page.locator('.instances-table').count()).resolves.toBe(0);
  });

  it('adds Radarr: a wrong key shows the client\'s error, the right key shows app and version', async () => {
    await page.getByRole('button', { name: 'Add instance' }).first().click();
    const form = page.getByRole('form', { name: 'Add instance' });
    await form.getByLabel('App').selectOption('radarr');
    await form.getByLabel('Name').fill('Radarr');
    await form.getByLabel('Address').fill(app.radarr.url);
    await form.getByLabel('API key').fill('0'.repeat(32));
    await form.getByRole('button', { name: 'Test connection' }).click();
    const result = form.locator('.test-result');
    await result.getByText(/^Connection failed: /).waitFor();
    expect(await result.innerText()).not.toContain('0'.repeat(32));
    await form.getByLabel('API key').fill(app.radarr.apiKey);
    // this session configures its jobs itself (the default jobs would start searching at once)
    await form.getByLabel('Start with the default jobs').uncheck();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await result.getByText(/^Connected: Radarr \d/).waitFor();
    await form.getByRole('button', { name: 'Add instance' }).click();
    await page.getByRole('row', { name: /Radarr/ }).waitFor();
  });

  it('adds Sonarr, and the key is write-only afterwards', async () => {
    await page.getByRole('button', { name: 'Add instance' }).first().click();
    const form = page.getByRole('form', { name: 'Add instance' });
    await form.getByLabel('App').selectOption('sonarr');
    await form.getByLabel('Name').fill('Sonarr');
    await form.getByLabel('Address').fill(app.sonarr.url);
    await form.getByLabel('API key').fill(app.sonarr.apiKey);
    await form.getByLabel('Start with the default jobs').uncheck();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.locator('.test-result').getByText(/^Connected: Sonarr \d/).waitFor();
    await form.getByRole('button', { name: 'Add instance' }).click();
    await page.getByRole('row', { name: /Sonarr/ }).waitFor();
    // the table and the edit form show only the masked key; no page holds the real one
    await page.getByRole('button', { name: 'Edit Sonarr' }).click();
    const edit = page.getByRole('form', { name: 'Edit Sonarr' });
    await expect(edit.getByLabel('API key').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain(app.sonarr.apiKey);
    expect(await page.content()).not.toContain(app.radarr.apiKey);
    // testing with the stored key works without revealing it
    await edit.getByRole('button', { name: 'Test connection' }).click();
    await edit.locator('.test-result').getByText(/^Connected: Sonarr/).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('refuses a bad job with specific messages, then saves a good one', async () => {
    await go('Jobs');
    await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Radarr (Radarr)' });
    await page.getByLabel('New job type').selectOption('missing');
    await page.getByRole('button', { name: 'Add job' }).first().click();
    const form = page.locator('form.job-form');
    await form.getByLabel('Schedule').selectOption('every');
    await form.getByLabel('Run every').fill('5m');
    await form.getByLabel('Tag', { exact: true }).fill('Bad Tag');
    await form.getByLabel('Items per run').selectOption('number');
    await form.getByLabel('Items each run').fill('500');
    await form.getByRole('button', { name: 'Add job' }).click();
    const formErrors = () => form.locator('.field__error').allTextContents();
    await expect.poll(formErrors).toEqual(expect.arrayContaining(['runs must be at least 15 minutes apart', 'tag may contain only a-z, 0-9 and -', 'must be at most 100']));
    await form.getByLabel('Schedule').selectOption('cron');
    await form.getByLabel('Cron expression').fill('0 3 * *');
    await form.getByRole('button', { name: 'Add job' }).click();
    await expect.poll(formErrors).toEqual(expect.arrayContaining([expect.stringMatching(/five fields/)]));
    await reload();
    await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Radarr (Radarr)' });
    await page.getByText('No jobs yet: add one below.').waitFor();
    await expect(page.getByRole('button', { name: /Configure Missing job/ }).count()).resolves.toBe(0);

    await page.getByLabel('New job type').selectOption('missing');
    await page.getByRole('button', { name: 'Add job' }).first().click();
    await form.getByLabel('Items per run').selectOption('number');
    await form.getByLabel('Items each run').fill('20');
    // daily, at the hour furthest from now: the job waits for it, so only "Run now" starts it in this session
    await form.getByLabel('Schedule').selectOption('cron');
    await form.getByLabel('Cron expression').fill(RADARR_CRON);
    await form.getByRole('button', { name: 'Add job' }).click();
    await page.getByRole('button', { name: 'Configure Missing job missing' }).waitFor();
  });

  it('previews the job: what would be searched and the count per skip reason', async () => {
    await page.getByRole('button', { name: 'Configure Missing job missing' }).click();
    const form = page.locator('form.job-form');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = form.getByRole('region', { name: 'Preview result' });
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/A run started now would search \d+ item/);
    expect(await preview.locator('ol li').count()).toBeGreaterThan(0);
    expect(await preview.locator('table tbody tr').count()).toBeGreaterThan(0);
  });

  it('adds a Sonarr job with a granularity', async () => {
    await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Sonarr (Sonarr)' });
    await page.getByLabel('New job type').selectOption('missing');
    await page.getByRole('button', { name: 'Add job' }).first().click();
    const form = page.locator('form.job-form');
    await form.getByLabel('Sonarr search granularity').selectOption('season');
    await form.getByRole('button', { name: 'Add job' }).click();
    await page.getByRole('button', { name: 'Configure Missing job missing' }).waitFor();
  });

  it('runs the Radarr job now and the dashboard shows progress advance', async () => {
    await go('Dashboard');
    const progress = page.getByRole('progressbar', { name: /^Radarr Missing cycle \d+ progress/ });
    await progress.waitFor();
    const runNow = page.getByRole('button', { name: 'Run Radarr Missing now' });
    const jobRow = page.getByRole('row').filter({ has: progress });
    // nothing ran before: the job's cron slot is hours away
    expect(app.radarr.searches).toEqual([]);
    await expect(jobRow.innerText()).resolves.toMatch(/never/);
    await runNow.click();
    await expect
      .poll(async () => Number(/: ([\d,]+) of/.exec((await progress.getAttribute('aria-label')) ?? '')?.[1].replace(/,/g, '')), { timeout: 60_000 })
      .toBeGreaterThan(0);
    // the run ends (the default 10 queries an hour stop it) and reports what Radarr was asked to search
    await expect.poll(async () => (await runNow.isEnabled()) && /\d+ searched/.test(await jobRow.innerText()), { timeout: 60_000 }).toBe(true);
    const searchedItems = app.radarr.searches.reduce((n, s) => n + s.ids.length, 0);
    expect(searchedItems).toBeGreaterThan(0);
    expect(/([\d,]+) searched/.exec(await jobRow.innerText())?.[1]).toBe(String(searchedItems));
  });

  it('finds the searches in history, filtered by instance and status', async () => {
    await go('History');
    await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Radarr' });
    const statuses = page.getByRole('group', { name: /Status/ });
    // one entry per search command the simulated Radarr ran: "Grabbed" when it grabbed a release, else "Searched"
    const searches = () => app.radarr.searches;
    await statuses.getByLabel('Searched').check();
    await statuses.getByLabel('Grabbed').check();
    await expect.poll(async () => `${await shownRows()} rows`, { timeout: 30_000 }).toBe(`${searches().length} rows`);
    expect(searches().length).toBeGreaterThan(0);
    const rows = await page.locator('.history-table tbody tr').allInnerTexts();
    // the job as users know it; no API command names
    for (const row of rows) expect(row).toMatch(/Radarr[\s\S]*Missing/);
    for (const row of rows) expect(row).not.toMatch(/MoviesSearch/);
    await statuses.getByLabel('Grabbed').uncheck();
    await expect.poll(() => shownBadges(), { timeout: 10_000 }).toEqual(searches().filter((s) => s.grabbed.length === 0).map(() => 'Searched'));
    await statuses.getByLabel('Grabbed').check();
    await statuses.getByLabel('Searched').uncheck();
    await expect.poll(() => shownBadges(), { timeout: 10_000 }).toEqual(searches().filter((s) => s.grabbed.length > 0).map(() => 'Grabbed'));
    await page.getByLabel('From', { exact: true }).fill('2030-01-02');
    await page.getByLabel('To', { exact: true }).fill('2030-01-01');
    await expect.poll(errorsShown).toContain('"from" must not be after "to"');
  });

  it('updates the coverage forecast while throughput is edited, refuses bad values, and saves good ones', async () => {
    await go('Throughput');
    await page.getByLabel('Limits of').selectOption({ label: 'Instance: Radarr' });
    const headline = page.getByTestId('forecast-headline');
    const heldBackBy = page.locator('.forecast tbody td:nth-child(4)');
    const days = async () => Number(/in (\d+) days?$/.exec(await headline.innerText())?.[1]);
    await headline.waitFor();
    // the Radarr job searches 20 items a run, once a day: with the default 100/day that is its pace
    await expect.poll(() => heldBackBy.allInnerTexts(), { timeout: 10_000 }).toEqual(['items per run']);
    const before = await headline.innerText();
    const daysBefore = await days();
    expect(daysBefore).toBeGreaterThan(1);
    // 10 queries a day is half that pace: the forecast must move out, and say why
    await page.getByLabel('Queries per hour').fill('2');
    await page.getByLabel('Queries per day').fill('10');
    await expect.poll(() => heldBackBy.allInnerTexts(), { timeout: 10_000 }).toEqual(['daily budget']);
    expect(await days()).toBeGreaterThanOrEqual(2 * daysBefore - 1);
    // raising the budget to the most allowed cannot beat 20 items a run: back where it was
    await page.getByLabel('Queries per hour').fill('60');
    await page.getByLabel('Queries per day').fill('1000');
    await expect.poll(() => heldBackBy.allInnerTexts(), { timeout: 10_000 }).toEqual(['items per run']);
    expect(await headline.innerText()).toBe(before);
    await page.getByLabel('Queries per hour').fill('61');
    await page.getByRole('button', { name: 'Add window' }).click();
    await page.getByLabel('Window 1 start').fill('02:00');
    await page.getByLabel('Window 1 end').fill('02:00');
    await page.getByRole('button', { name: 'Save throughput' }).click();
    await expect.poll(errorsShown).toEqual(expect.arrayContaining(['must be at most 60', 'Window 1: start and end must differ']));
    await page.getByLabel('Queries per hour').fill('30');
    await page.getByLabel('Window 1 end').fill('07:00');
    await page.getByLabel('Queries per day').fill('400');
    await page.getByRole('button', { name: 'Save throughput' }).click();
    await page.getByText('Saved.').waitFor();
  });

  it('refuses bad app settings and a bad budget group', async () => {
    await go('Settings');
    await page.getByLabel('Horizon (days)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(errorsShown).toContain('must be at least 1');
    await page.getByLabel('Horizon (days)').fill('120');
    await page.getByLabel('Releases were grabbed').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();

    await go('Throughput');
    await page.getByLabel('Limits of').selectOption({ label: 'New budget group…' });
    await page.getByLabel('Group name').fill('Shared');
    await page.getByLabel('Group id').fill('Not Valid');
    await page.getByLabel('Shared queries per day').fill('5000');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect.poll(errorsShown).toEqual(expect.arrayContaining([expect.stringMatching(/^budget group id must be/), 'must be at most 1000']));
  });

  it('finds everything saved after a reload', async () => {
    await reload();
    await go('Instances');
    await expect.poll(() => page.locator('.instances-table tbody tr').count()).toBe(2);
    await go('Jobs');
    await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Radarr (Radarr)' });
    await page.getByRole('button', { name: 'Configure Missing job missing' }).click();
    await expect(page.locator('form.job-form').getByLabel('Items each run').inputValue()).resolves.toBe('20');
    await expect(page.locator('form.job-form').getByLabel('Cron expression').inputValue()).resolves.toBe(RADARR_CRON);
    await go('Throughput');
    await page.getByLabel('Limits of').selectOption({ label: 'Instance: Radarr' });
    await expect(page.getByLabel('Queries per hour').inputValue()).resolves.toBe('30');
    await expect(page.getByLabel('Queries per day').inputValue()).resolves.toBe('400');
    await expect(page.getByLabel('Window 1 end').inputValue()).resolves.toBe('07:00');
    await expect(page.getByLabel('Limits of').locator('option', { hasText: /^Budget group:/ }).count()).resolves.toBe(0);
    await go('Settings');
    await expect(page.getByLabel('Horizon (days)').inputValue()).resolves.toBe('120');
    await expect(page.getByLabel('Releases were grabbed').isChecked()).resolves.toBe(false);
  });

  it('asks before leaving a page with unsaved changes', async () => {
    await go('Settings');
    await page.getByLabel('Horizon (days)').fill('200');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Settings');
    await expect(page.getByLabel('Horizon (days)').inputValue()).resolves.toBe('200');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
  });

  it('works from the keyboard alone, with a visible focus', async () => {
    await go('Dashboard');
    await reload(); // focus starts at the top of a fresh page
    const focused = () =>
      page.evaluate(() => {
        // runs in the page; this Node project has no DOM lib, so the little it uses is typed here
        const w = globalThis as unknown as PageWindow;
        const el = w.document.activeElement;
        if (!el) return { text: '', tag: '', outline: 'none' };
        return { text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), tag: el.tagName, outline: w.getComputedStyle(el).outlineStyle };
      });
    // Tab through the main navigation to Settings and open it with Enter
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.tag === 'A' && f.text === 'Settings') break;
    }
    const onSettings = await focused();
    expect(onSettings).toMatchObject({ tag: 'A', text: 'Settings' });
    expect(onSettings.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // to the first notification checkbox, toggle it with Space, and save with Enter on the button
    for (let i = 0; i < 10 && (await focused()).tag !== 'INPUT'; i++) await page.keyboard.press('Tab');
    const box = page.getByLabel('A cycle is complete');
    const was = await box.isChecked();
    await page.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(!was);
    for (let i = 0; i < 30 && (await focused()).text !== 'Save settings'; i++) await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Save settings');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
  });

  it('writes a screenshot of each page, light and dark', async () => {
    // test-output/ is not tracked, so a test run leaves the tree clean; `npm run screenshots` writes
    // the README's copies to docs/screenshots
    const dir = resolve(process.env.TRAWLARR_SCREENSHOTS ?? 'test-output/screenshots');
    await mkdir(dir, { recursive: true });
    const background: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      background[scheme] = await page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        return w.getComputedStyle(w.document.body).backgroundColor;
      });
      for (const [name, file] of PAGES) {
        await go(name);
        // the dashboard's chart loads after the first paint
        if (file === 'dashboard') await page.locator('.chart canvas, .chart + details').first().waitFor();
        if (file === 'throughput') await page.getByTestId('forecast-headline').waitFor();
        await page.screenshot({ path: join(dir, `${file}-${scheme}.png`), fullPage: true });
      }
    }
    await page.emulateMedia({ colorScheme: null });
    // the page follows the OS scheme
    expect(background.dark).not.toBe(background.light);
  });

  it('had no page errors and no CSP violations', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
