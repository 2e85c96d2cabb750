/**
 * The harness's scenarios, first steps, in real Electron (playwright-core's Electron driver): the
 * first start opens the window on Instances through the real preload, the tray exists, a start at
 * login stays hidden, sleep/resume is survived, and quitting ends the process and frees the lock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = resolve('out/main/index.js');
// the electron package exports the path of its binary
const ELECTRON = createRequire(import.meta.url)('electron') as unknown as string;

let app: ElectronApplication | undefined;
let home: string | undefined;
afterEach(async () => {
  await app?.close().catch(() => undefined);
  if (home) await rm(home, { recursive: true, force: true });
  app = undefined;
});

async function start(args: string[] = []): Promise<ElectronApplication> {
  home ??= await mkdtemp(join(tmpdir(), 'trawlarr-smoke-'));
  app = await electron.launch({ executablePath: ELECTRON, args: [MAIN, ...args], env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') } });
  return app;
}

describe('real Electron, first steps', () => {
  it('first start: the tray, and the window on Instances through the real preload', async () => {
    const electronApp = await start();
    const page = await electronApp.firstWindow();
    await page.getByRole('heading', { level: 1, name: 'Instances' }).waitFor();
    expect(await page.evaluate('typeof window.trawlarr.getStatus')).toBe('function');
    expect(await page.evaluate('window.trawlarr.getStatus().then((r) => r.ok)')).toBe(true);
  });

  it('a start at login (--hidden) opens no window; sleep and wake are survived', async () => {
    const electronApp = await start(['--hidden']);
    await electronApp.evaluate(({ app: electronMain }) => electronMain.whenReady());
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
    await electronApp.evaluate(({ powerMonitor }) => {
      powerMonitor.emit('suspend');
      powerMonitor.emit('resume');
    });
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
  });

  it('quit ends the process, and the next start gets the single-instance lock', async () => {
    const electronApp = await start();
    await electronApp.firstWindow();
    const closed = new Promise((r) => electronApp.process().once('exit', r));
    await electronApp.evaluate(({ app: electronMain }) => electronMain.quit());
    await closed;
    const again = await start();
    await (await again.firstWindow()).getByRole('heading', { level: 1 }).waitFor();
  });
});
