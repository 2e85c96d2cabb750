/** A new user's first start: tray, lazy window on the Instances page, Electron's rules kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { launch, menuText, newMachine, type DesktopRun, type Machine } from './support/driver';

let machine: Machine;
let app: DesktopRun | undefined;
afterEach(async () => {
  app?.kill();
  await app?.exited;
  await machine?.dispose();
});

describe('first start', () => {
  it('shows the tray and opens the window on the Instances page', async () => {
    machine = await newMachine();
    app = await launch(machine);
    const r = await app.waitFor('the window', (r) => r.windows.find((w) => w.visible && w.url));
    expect(r.url).toMatch(/^app:\/\/trawlarr\/index\.html/);
    expect(await app.heading()).toBe('Instances');
    const records = await app.records();
    expect(records.tray.created).toBe(true);
    expect(records.tray.imageExists).toBe(true);
    expect(records.singleInstanceLock).toBe('held');
    expect(menuText(records)).toContain('Quit Trawlarr');
    expect(records.calls).toContain('app.enableSandbox');
  });
});
