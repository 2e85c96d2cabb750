/** Launch at Login (Linux: an XDG autostart entry), and the AppImage on kernels that restrict user namespaces. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuText } from './support/driver';
import { scenario } from './support/scenario';

const s = scenario();
const entryOf = (home: string) => join(home, '.config', 'autostart', 'trawlarr.desktop');
const exists = (path: string) => readFile(path, 'utf8').then((t) => t, () => undefined);

describe('Launch at Login', () => {
  it('the tray checkbox writes an autostart entry that starts hidden, and removes it (defect 5)', async () => {
    const machine = await s.machine();
    const app = await s.launch(machine, { args: ['--hidden'] });
    await app.waitFor('the checkbox', (r) => menuText(r).includes('Launch at Login'));
    await app.send({ cmd: 'trayPick', path: ['Launch at Login'] });
    await app.waitFor('the box checked', (r) => menuText(r).includes('Launch at Login [x]'));
    const entry = await exists(entryOf(machine.home));
    expect(entry).toMatch(/^Exec=\S+ --hidden$/m);
    await app.send({ cmd: 'trayPick', path: ['Launch at Login'] });
    await app.waitFor('the box unchecked', (r) => /Launch at Login$/m.test(menuText(r)));
    expect(await exists(entryOf(machine.home))).toBeUndefined();
  });

  it('from an AppImage on a kernel that restricts user namespaces: refused, the user is told to install the .deb (defect 4)', async () => {
    const machine = await s.machine();
    const app = await s.launch(machine, { args: ['--hidden'], appImage: join(machine.home, 'Trawlarr.AppImage'), usernsRestricted: true });
    await app.waitFor('the checkbox', (r) => menuText(r).includes('Launch at Login'));
    await app.send({ cmd: 'trayPick', path: ['Launch at Login'] });
    const told = await app.waitFor('the explanation', (r) => r.dialogs.find((d) => /\.deb/.test(`${d.message} ${d.detail}`)));
    expect(`${told.message} ${told.detail}`).toMatch(/AppImage/);
    expect(await exists(entryOf(machine.home))).toBeUndefined();
    expect(menuText(await app.records())).not.toContain('Launch at Login [x]');
  });
});
