import { describe, expect, it } from 'vitest';
import { ConfigError, migrate } from '../../src/engine/config';
import { SettingsStore, SETTINGS_KEY } from '../../src/main/store/settings-store';
import { SEALED_PREFIX, openApiKey, sealApiKey } from '../../src/main/store/secret-box';
import { describeSecretStorage } from '../../src/main/store/secret-storage-status';
import { exportSettingsJson, importSettingsJson } from '../../src/engine/config';
import { settingsSchema, type Settings } from '../../src/shared/settings';
import { KEY_RADARR, KEY_SONARR, sampleSettings } from '../contract/fake-service';
import { FakeSafeStorage, MemoryKv } from './fake-safe-storage';

const setup = () => {
  const kv = new MemoryKv();
  const safe = new FakeSafeStorage();
  return { kv, safe, store: new SettingsStore(kv, safe) };
};

describe('secret sealing', () => {
  it('seals keys, leaves env references readable, opens them again', async () => {
    const safe = new FakeSafeStorage();
    const sealed = await sealApiKey(KEY_RADARR, safe);
    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealed).not.toContain(KEY_RADARR);
    expect(await openApiKey(sealed, safe)).toEqual({ ok: true, key: KEY_RADARR, rewrite: false });
    expect(await sealApiKey('env:RADARR_KEY', safe)).toBe('env:RADARR_KEY');
    expect(await sealApiKey(sealed, safe)).toBe(sealed);
  });

  it('asks for a rewrite when the keyring says shouldReEncrypt', async () => {
    const safe = new FakeSafeStorage();
    const sealed = await sealApiKey(KEY_RADARR, safe);
    safe.shouldReEncrypt = true;
    expect(await openApiKey(sealed, safe)).toEqual({ ok: true, key: KEY_RADARR, rewrite: true });
  });

  it('refuses to store a key when the system cannot encrypt', async () => {
    const safe = new FakeSafeStorage();
    safe.available = false;
    await expect(sealApiKey(KEY_RADARR, safe)).rejects.toThrow('cannot store the API key: this system offers no keyring');
  });
});

describe('settings store', () => {
  it('starts with defaults when empty', async () => {
    const { store } = setup();
    expect(await store.load()).toEqual({ settings: settingsSchema.parse({ version: 1 }), warnings: [] });
  });

  it('round-trips settings; the stored document never holds a key in plain text', async () => {
    const { kv, store } = setup();
    await store.save(sampleSettings());
    const onDisk = JSON.stringify(kv.data.get(SETTINGS_KEY));
    expect(onDisk).not.toContain(KEY_RADARR);
    expect(onDisk).not.toContain(KEY_SONARR);
    expect(onDisk).toContain(SEALED_PREFIX);
    expect(await store.load()).toEqual({ settings: sampleSettings(), warnings: [] });
  });

  it('writes nothing when the settings are invalid or the keys cannot be sealed', async () => {
    const { kv, safe, store } = setup();
    const bad = { ...sampleSettings(), horizonDays: 0 } as Settings;
    await expect(store.save(bad)).rejects.toThrow(ConfigError);
    safe.available = false;
    await expect(store.save(sampleSettings())).rejects.toThrow('cannot store the API key');
    expect(kv.writes).toBe(0);
  });

  it('rewrites a key found in plain text sealed, at once', async () => {
    const { kv, store } = setup();
    kv.set(SETTINGS_KEY, sampleSettings());
    const loaded = await store.load();
    expect(loaded.settings.instances[0].apiKey).toBe(KEY_RADARR);
    expect(JSON.stringify(kv.data.get(SETTINGS_KEY))).not.toContain(KEY_RADARR);
    expect(kv.writes).toBe(2);
  });

  it('turns off an instance whose key cannot be decrypted, says so, and keeps the sealed key', async () => {
    const { kv, safe, store } = setup();
    await store.save(sampleSettings());
    const sealedBefore = (kv.data.get(SETTINGS_KEY) as Settings).instances[0].apiKey;
    safe.broken = true;
    const { settings, warnings } = await store.load();
    expect(settings.instances.map((i) => i.enabled)).toEqual([false, false]);
    expect(warnings[0]).toBe('Radarr 4K was turned off: its stored API key cannot be decrypted (the system keyring may have changed). Enter the key again and turn it back on.');
    expect((kv.data.get(SETTINGS_KEY) as Settings).instances[0].apiKey).toBe(sealedBefore);
    // the keyring comes back: the key opens again
    safe.broken = false;
    expect((await store.load()).settings.instances[0].apiKey).toBe(KEY_RADARR);
  });

  it('refuses a document from a newer Trawlarr and leaves it untouched', async () => {
    const { kv, store } = setup();
    kv.set(SETTINGS_KEY, { version: 7, instances: [] });
    await expect(store.load()).rejects.toThrow(/settings version 7 was written by a newer Trawlarr/);
    expect(kv.data.get(SETTINGS_KEY)).toEqual({ version: 7, instances: [] });
  });

  it('reports invalid stored settings by field without showing a key', async () => {
    const { kv, store } = setup();
    kv.set(SETTINGS_KEY, { ...sampleSettings(), instances: [{ ...sampleSettings().instances[0], url: 'nope' }] });
    const error = await store.load().then(
      () => undefined,
      (e: unknown) => e as ConfigError,
    );
    expect(error?.message).toContain('instances["radarr"].url');
    expect(error?.message).not.toContain(KEY_RADARR);
  });

  it('migrates an older document through the migration table and stores the result', async () => {
    // a world one version ahead: version 1 documents gain horizonDays 45 on their way to version 2
    const kv = new MemoryKv();
    const parse = (raw: unknown) => {
      const doc = migrate(raw, { 1: (d) => ({ ...d, horizonDays: 45 }) }, 2);
      return settingsSchema.parse({ ...doc, version: 1 });
    };
    const store = new SettingsStore(kv, new FakeSafeStorage(), { parse, currentVersion: 2 });
    kv.set(SETTINGS_KEY, { version: 1, instances: [] });
    expect((await store.load()).settings.horizonDays).toBe(45);
    expect((kv.data.get(SETTINGS_KEY) as Settings).horizonDays).toBe(45);
    expect(kv.writes).toBe(2);
  });
});

describe('secret storage status', () => {
  it('tells the user plainly on Linux with basic_text', () => {
    const status = describeSecretStorage({ platform: 'linux', available: true, linuxBackend: 'basic_text' });
    expect(status.encrypted).toBe(false);
    expect(status.message).toMatch(/^Your API keys are not encrypted by the operating system/);
    expect(describeSecretStorage({ platform: 'linux', available: true, linuxBackend: 'gnome_libsecret' })).toEqual({ encrypted: true });
    expect(describeSecretStorage({ platform: 'darwin', available: true })).toEqual({ encrypted: true });
    expect(describeSecretStorage({ platform: 'win32', available: false }).encrypted).toBe(false);
  });
});

describe('import and export', () => {
  it('exports without keys unless asked, and the export imports back keeping stored keys', () => {
    const current = sampleSettings();
    const json = exportSettingsJson(current, { includeKeys: false });
    expect(json).not.toContain(KEY_RADARR);
    expect(JSON.parse(json).instances[0].apiKey).toBeUndefined();
    const imported = importSettingsJson(json, current);
    expect(imported.settings).toEqual(current);
    expect(imported.warnings).toEqual([
      'instance "radarr" (Radarr 4K): the file has no API key, the stored one is kept',
      'instance "sonarr" (Sonarr): the file has no API key, the stored one is kept',
    ]);
    expect(exportSettingsJson(current, { includeKeys: true })).toContain(KEY_RADARR);
  });

  it('names instances that would end up without a key', () => {
    const json = exportSettingsJson(sampleSettings(), { includeKeys: false });
    expect(() => importSettingsJson(json, settingsSchema.parse({ version: 1 }))).toThrow(
      'the imported file has no API key for "radarr" (Radarr 4K), "sonarr" (Sonarr), and none is stored for them: export again with keys included, or add those instances first',
    );
  });

  it('rejects broken and invalid files with specific messages', () => {
    expect(() => importSettingsJson('{"version":', sampleSettings())).toThrow('the imported file is not valid JSON');
    expect(() => importSettingsJson('{"version":1,"horizonDays":-1}', sampleSettings())).toThrow(/horizonDays/);
  });
});
