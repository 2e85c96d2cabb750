/**
 * API keys at rest and the settings file: added through the window and sealed on disk (mode 600),
 * the async safeStorage API (Electron 46 has no other), re-sealing when a keyring appears, no
 * keyring, basic_text, and settings files this version cannot read.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { menuText } from './support/driver';
import { scenario, visibleWindow } from './support/scenario';
import { instanceFor, radarr, seedSettings, settingsFile, storedSettings } from './support/world';

const s = scenario();

const sealedBackend = (stored: string) => Buffer.from(stored.replace(/^safe:v1:/, ''), 'base64').subarray(0, 3).toString();

describe('API keys', () => {
  it('an instance added in the window: the key is sealed on disk at mode 600 and never printed (defect 3 on Electron 46)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    const app = await s.launch(machine, { electronMajor: 46 });
    await app.waitFor('the window', visibleWindow);
    await app.send({ cmd: 'page', op: 'click', role: 'button', name: 'Add instance' });
    await app.send({ cmd: 'page', op: 'select', form: 'Add instance', label: 'App', value: 'radarr' });
    await app.send({ cmd: 'page', op: 'fill', form: 'Add instance', label: 'Name', value: 'Radarr' });
    await app.send({ cmd: 'page', op: 'fill', form: 'Add instance', label: 'Address', value: sim.url });
    await app.send({ cmd: 'page', op: 'fill', form: 'Add instance', label: 'API key', value: sim.apiKey });
    await app.send({ cmd: 'page', op: 'click', role: 'button', name: 'Add instance', form: 'Add instance' });
    await app.waitFor('the instance in the tray', (r) => menuText(r).includes('Radarr'));
    const text = await readFile(settingsFile(machine), 'utf8');
    expect(text).not.toContain(sim.apiKey);
    const [instance] = (await storedSettings(machine)).settings.instances;
    expect(sealedBackend(instance.apiKey)).toBe('v11');
    expect((await stat(settingsFile(machine))).mode & 0o777).toBe(0o600);
    expect(app.output()).not.toContain(sim.apiKey);
  });

  it('on Electron 45 no deprecated safeStorage call is made (defect 3)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    await seedSettings(machine, { version: 1, instances: [instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing' }])] });
    const first = await s.launch(machine, { electronMajor: 45, args: ['--hidden'] });
    await first.waitFor('the tray', (r) => menuText(r).includes('Radarr'));
    first.kill();
    await first.exited;
    const again = await s.launch(machine, { electronMajor: 45, args: ['--hidden'] });
    const r = await again.waitFor('the tray', (r) => menuText(r).includes('Radarr') && r);
    expect(r.deprecations).toEqual([]);
  });

  it('a key sealed without a keyring is sealed again once a keyring exists (shouldReEncrypt, defect 3)', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    await seedSettings(machine, { version: 1, instances: [instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing' }])] });
    const before = await s.launch(machine, { keyring: 'basic_text', args: ['--hidden'] });
    await before.waitFor('the tray', (r) => menuText(r).includes('Radarr'));
    expect(sealedBackend((await storedSettings(machine)).settings.instances[0].apiKey)).toBe('v10');
    before.kill();
    await before.exited;
    const after = await s.launch(machine, { keyring: 'gnome_libsecret', args: ['--hidden'] });
    await after.waitFor('the tray', (r) => menuText(r).includes('Radarr'));
    const stored = (await storedSettings(machine)).settings.instances[0];
    expect(sealedBackend(stored.apiKey)).toBe('v11');
    expect(stored.enabled).toBe(true);
  });

  it('without a keyring a key cannot be saved, and the error says so with its own code (defect 7)', async () => {
    const app = await s.launch(await s.machine(), { keyring: 'none' });
    await app.waitFor('the window', visibleWindow);
    // nothing answers at that address: saved without the connection test, so the keyring is what refuses
    const draft = { id: 'radarr', name: 'Radarr', kind: 'radarr', url: 'http://127.0.0.1:9/', apiKey: 'a'.repeat(32), saveAnyway: true };
    const result = await app.send<{ ok: boolean; error?: { code: string; message: string } }>({ cmd: 'page', op: 'eval', expression: `window.trawlarr.saveInstance(${JSON.stringify(draft)})` });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('keyring-unavailable');
    expect(result.error?.message).toMatch(/keyring/i);
    expect(result.error?.message).not.toContain(draft.apiKey);
  });

  it('basic_text: the app says plainly that keys are only obscured', async () => {
    const app = await s.launch(await s.machine(), { keyring: 'basic_text' });
    await app.waitFor('the window', visibleWindow);
    const info = await app.send<{ ok: boolean; value: { secretStorage: { encrypted: boolean; message?: string } } }>({ cmd: 'page', op: 'eval', expression: 'window.trawlarr.getAppInfo()' });
    expect(info.value.secretStorage.encrypted).toBe(false);
    expect(info.value.secretStorage.message).toMatch(/not encrypted/);
  });
});

describe('settings files this version cannot read', () => {
  for (const [name, content] of [
    ['corrupt', '{"settings": {"version": 1, "instances": ['],
    ['from a newer Trawlarr', JSON.stringify({ settings: { version: 99, instances: [] } })],
  ] as const) {
    it(`${name}: the user is told, nothing is overwritten`, async () => {
      const machine = await s.machine();
      await seedSettings(machine, {});
      await writeFile(settingsFile(machine), content);
      const app = await s.launch(machine);
      const { code, records } = await app.exited;
      expect(code).not.toBe(0);
      expect(records?.dialogs.find((d) => d.kind === 'errorBox')?.message).toMatch(/settings/i);
      expect(await readFile(settingsFile(machine), 'utf8')).toBe(content);
    });
  }
});
