/**
 * Access to the browser mode as a server user lives with it, in Chromium against the real
 * `trawlarr run --ui --port N` (a child process): one login link, then the browser keeps its
 * session in new tabs, at a bookmarked address and across a restart on the same port; the links
 * printed work once; `ui-url` prints new ones and `ui-url --rotate` logs every browser out. The
 * output of every process is checked for the secret.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startRunUi, type RunUi } from './support/app';

let dir: string;
let configFile: string;
let dataDir: string;
let port: number;
let browser: Browser;
const runs: RunUi[] = [];
const outputs: string[] = [];

const LOGIN_LINK = /(http:\/\/127\.0\.0\.1:\d+\/#login=[A-Za-z0-9_.-]+)/;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port: p } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return p;
}

async function start(): Promise<RunUi> {
  const run = await startRunUi(configFile, dataDir, port);
  runs.push(run);
  return run;
}

/** `trawlarr ui-url --data-dir D [...]` as a child process: its whole output. */
function uiUrl(...extra: string[]): Promise<string> {
  const child = spawn(resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', 'ui-url', '--data-dir', dataDir, ...extra], { cwd: resolve('.'), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((r) =>
    child.on('close', () => {
      outputs.push(out);
      r(out);
    }),
  );
}

/** The page shows the dashboard with its data (not "Loading status…") and no error. */
async function expectDashboard(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByText('No instances yet.').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(page.url()).not.toContain('login=');
}

async function expectRefused(page: Page, text: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: text }).waitFor();
  expect(await page.getByText('Loading status…').count()).toBe(0);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-access-'));
  configFile = join(dir, 'trawlarr.json');
  dataDir = join(dir, 'data');
  await writeFile(configFile, JSON.stringify({ version: 1, instances: [] }));
  port = await freePort();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const run of runs) await run.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('browser access that survives', () => {
  let context: BrowserContext;

  it('one login link; then new tabs, a bookmark and a restart on the same port need none; printed links work once', async () => {
    const first = await start();
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(first.url);
    await expectDashboard(page);

    // a new tab at the plain address, as from a bookmark, on another page
    const tab = await context.newPage();
    await tab.goto(`${first.origin}/#/jobs`);
    await tab.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    expect(await tab.getByRole('alert').count()).toBe(0);
    await tab.close();

    await first.stop();
    const second = await start();
    expect(second.origin).toBe(first.origin);
    // the same browser, no new link: a reload and a new tab at the bookmarked address
    await page.reload();
    await expectDashboard(page);
    const bookmark = await context.newPage();
    await bookmark.goto(`${second.origin}/`);
    await expectDashboard(bookmark);

    // another browser: the first run's link was used, the page says what to do instead of loading forever
    const other = await (await browser.newContext()).newPage();
    await other.goto(first.url);
    await expectRefused(other, 'already used');
    await other.goto(`${second.origin}/`);
    await other.reload();
    await expectRefused(other, 'trawlarr ui-url --data-dir');
    // pasting the second run's link into that open tab logs it in, without a manual reload
    await other.goto(second.url);
    await expectDashboard(other);
    // and that link is used up too
    const third = await (await browser.newContext()).newPage();
    await third.goto(second.url);
    await expectRefused(third, 'already used');
    await third.context().close();
    await other.context().close();
  });

  it('ui-url prints a new one-time link; ui-url --rotate logs every browser out', async () => {
    const printed = await uiUrl();
    const link = LOGIN_LINK.exec(printed)?.[1];
    expect(link, printed).toBeDefined();
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link!);
    await expectDashboard(fresh);
    const again = await (await browser.newContext()).newPage();
    await again.goto(link!);
    await expectRefused(again, 'already used');

    const secretBefore = (await readFile(join(dataDir, 'ui', 'secret'), 'utf8')).trim();
    const rotated = await uiUrl('--rotate');
    expect(rotated).toContain('every browser must log in again');
    const page = await context.newPage();
    await page.goto(`${runs[runs.length - 1].origin}/`);
    await expectRefused(page, 'not logged in');
    await fresh.reload();
    await expectRefused(fresh, 'not logged in');
    // the link printed with the rotation works with the new secret
    await again.goto(LOGIN_LINK.exec(rotated)![1]);
    await expectDashboard(again);

    const secretAfter = (await readFile(join(dataDir, 'ui', 'secret'), 'utf8')).trim();
    const logs = [...runs.map((r) => r.output()), ...outputs].join('\n');
    expect(logs).toContain('#login=');
    for (const secret of [secretBefore, secretAfter]) expect(logs).not.toContain(secret);
  });
});
