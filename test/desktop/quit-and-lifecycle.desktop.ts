/** Quit with unsaved changes (Stay, then Leave), a second instance, and sleep. */
import { describe, expect, it } from 'vitest';
import { menuText } from './support/driver';
import { scenario, visibleWindow } from './support/scenario';
import { instanceFor, radarr, seedSettings } from './support/world';

const s = scenario();

/** First start (the window on Instances) with a half-filled "Add instance" form. */
async function unsavedForm() {
  const app = await s.launch(await s.machine());
  await app.waitFor('the window', visibleWindow);
  await app.send({ cmd: 'page', op: 'eval', expression: "location.hash = '#/instances'" });
  await app.send({ cmd: 'page', op: 'waitText', text: 'Add instance' });
  await app.send({ cmd: 'page', op: 'click', role: 'button', name: 'Add instance' });
  await app.send({ cmd: 'page', op: 'fill', form: 'Add instance', label: 'Name', value: 'Half-typed' });
  return app;
}

const callWorks = (app: Awaited<ReturnType<typeof unsavedForm>>) => app.send<boolean>({ cmd: 'page', op: 'eval', expression: 'window.trawlarr.getStatus().then((r) => r.ok)' });

describe('quitting', () => {
  it('with unsaved changes, "Stay" keeps a working app; closing later and quitting ends it cleanly (defect 2)', async () => {
    const app = await unsavedForm();
    await app.send({ cmd: 'answerDialogs', buttons: ['Stay'] });
    await app.send({ cmd: 'trayPick', path: ['Quit Trawlarr'] });
    await app.waitFor('the question to be answered', (r) => r.quit.some((q) => q.startsWith('cancelled')));
    expect(await callWorks(app)).toBe(true);
    let r = await app.records();
    expect(r.tray.destroyed).toBe(false);
    expect(r.ipcHandlers.length).toBeGreaterThan(0);

    await app.send({ cmd: 'answerDialogs', buttons: ['Leave without saving'] });
    expect(await app.send({ cmd: 'closeWindow' })).toBe('closed');
    r = await app.records();
    expect(r.tray.destroyed, 'the app lives on in the tray').toBe(false);
    expect(menuText(r)).toContain('Quit Trawlarr');

    await app.send({ cmd: 'trayPick', path: ['Quit Trawlarr'] });
    const { code, records } = await app.exited;
    expect(code).toBe(0);
    expect(records?.singleInstanceLock).toBe('released');
  });

  it('with unsaved changes, "Leave" quits', async () => {
    const app = await unsavedForm();
    await app.send({ cmd: 'answerDialogs', buttons: ['Leave without saving'] });
    await app.send({ cmd: 'trayPick', path: ['Quit Trawlarr'] });
    const { code, records } = await app.exited;
    expect(code).toBe(0);
    expect(records?.quit.at(-1)).toBe('quit');
    expect(records?.quit.filter((q) => q.startsWith('cancelled: a window'))).toEqual([]);
    expect(records?.singleInstanceLock).toBe('released');
  });
});

describe('lifecycle', () => {
  it('a second instance shows the first one\'s window and exits', async () => {
    const machine = await s.machine();
    const sim = s.sim(await radarr());
    await seedSettings(machine, { version: 1, instances: [instanceFor(sim, 'radarr', 'Radarr', [{ id: 'missing', type: 'missing' }])] });
    const first = await s.launch(machine, { args: ['--hidden'] });
    await first.waitFor('the tray', (r) => menuText(r).includes('Radarr'));
    const second = await s.launch(machine);
    const { code, records } = await second.exited;
    expect(code).toBe(0);
    expect(records?.singleInstanceLock).toBe('refused');
    expect(records?.tray.created).toBe(false);
    await first.waitFor('the first instance\'s window', visibleWindow);
    expect((await first.records()).secondInstanceArgs).toHaveLength(1);
  });

  it('sleep and wake: the scheduler catches up once and the app keeps answering', async () => {
    const app = await s.launch(await s.machine());
    await app.waitFor('the window', visibleWindow);
    await app.send({ cmd: 'power', event: 'suspend' });
    await app.send({ cmd: 'power', event: 'resume' });
    await app.waitFor('the catch-up', () => app.output().includes('system resumed'));
    expect(await app.send({ cmd: 'page', op: 'eval', expression: 'window.trawlarr.getStatus().then((r) => r.ok)' })).toBe(true);
  });
});
