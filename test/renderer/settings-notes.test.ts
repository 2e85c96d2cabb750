import { describe, expect, it } from 'vitest';
import { keysNote, notificationsNote } from '../../src/renderer/pages/settings/notes';

describe('settings page notes', () => {
  it('browser mode explains where keys are kept as a neutral note, not an error', () => {
    const note = keysNote({ mode: 'browser', secretStorage: { encrypted: false, message: 'Headless mode: API keys stay in the config file as written.' } });
    expect(note).toEqual({ tone: 'note', text: 'Headless mode: API keys stay in the config file as written.' });
  });

  it('the desktop app without a key store warns; with one it says nothing', () => {
    expect(keysNote({ mode: 'desktop', secretStorage: { encrypted: false, message: 'keys are only obscured' } })?.tone).toBe('warning');
    expect(keysNote({ mode: 'desktop', secretStorage: { encrypted: true } })).toBeNull();
  });

  it('says where notifications appear: desktop notifications in the app, none from the headless command', () => {
    expect(notificationsNote('desktop')).toMatch(/desktop notifications/);
    const headless = notificationsNote('browser');
    expect(headless).toMatch(/Only the Trawlarr desktop app shows notifications/);
    expect(headless).toMatch(/"trawlarr run"\) sends none/);
  });
});
