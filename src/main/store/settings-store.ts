/**
 * The desktop app's settings: the engine's versioned Settings document (same format as the
 * headless config file) kept in electron-store, with every API key sealed by safeStorage. Pure:
 * the key-value store and safeStorage are injected. Loading migrates and validates through the
 * engine's config path; a key stored in plain text (by a build that had no encryption) is
 * rewritten sealed at once.
 */
import { parseSettings } from '../../engine/config';
import { SETTINGS_VERSION, type Settings } from '../../shared/settings';
import { openApiKey, sealApiKey, type SafeStorageLike } from './secret-box';

/** The parts of electron-store used here. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const SETTINGS_KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** for the user: instances turned off because their key could not be decrypted, … */
  warnings: string[];
}

export interface SettingsStoreOptions {
  /** migrate + validate (default: the engine's parseSettings, the same path as the headless config) */
  parse?: (raw: unknown, source: string) => Settings;
  /** the version parse produces (default SETTINGS_VERSION); an older stored document is rewritten after migration */
  currentVersion?: number;
  source?: string;
}

export class SettingsStore {
  private readonly parse: (raw: unknown, source: string) => Settings;
  private readonly currentVersion: number;
  private readonly source: string;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly safe: SafeStorageLike,
    options: SettingsStoreOptions = {},
  ) {
    this.parse = options.parse ?? ((raw, source) => parseSettings(raw, source));
    this.currentVersion = options.currentVersion ?? SETTINGS_VERSION;
    this.source = options.source ?? 'the settings store';
  }

  /** Throws ConfigError (and writes nothing) for a document it cannot read, e.g. one from a newer Trawlarr. */
  async load(): Promise<LoadedSettings> {
    const raw = this.kv.get(SETTINGS_KEY);
    if (raw === undefined) return { settings: this.parse({ version: SETTINGS_VERSION }, this.source), warnings: [] };
    const migrated = (raw as { version?: unknown }).version !== this.currentVersion;
    const stored = this.parse(raw, this.source);
    const warnings: string[] = [];
    let rewrite = migrated;
    const instances = await Promise.all(
      stored.instances.map(async (instance) => {
        const opened = await openApiKey(instance.apiKey, this.safe);
        if (!opened.ok) {
          warnings.push(
            `${instance.name} was turned off: its stored API key cannot be decrypted (the system keyring may have changed). Enter the key again and turn it back on.`,
          );
          // keep the sealed value: it opens again if the keyring comes back
          if (instance.enabled) rewrite = true;
          return { ...instance, enabled: false };
        }
        if (opened.rewrite) rewrite = true;
        return { ...instance, apiKey: opened.key };
      }),
    );
    const settings = { ...stored, instances };
    if (rewrite) await this.save(settings);
    return { settings, warnings };
  }

  /** Validates, seals every key and writes; nothing is written when anything fails. */
  async save(settings: Settings): Promise<void> {
    const valid = this.parse(settings, 'the settings to save');
    const instances = await Promise.all(valid.instances.map(async (i) => ({ ...i, apiKey: await sealApiKey(i.apiKey, this.safe) })));
    this.kv.set(SETTINGS_KEY, { ...valid, instances });
  }
}
