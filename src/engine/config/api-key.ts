/**
 * API keys may be written `env:VARIABLE` in the settings. Resolution is separate from validation,
 * so loading and saving a settings file keeps the reference, never the key it points to.
 */
import type { InstanceSettings } from '../../shared/settings';
import { ConfigError } from './errors';

const ENV_REF = /^env:(.*)$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type Env = Readonly<Record<string, string | undefined>>;

export function isEnvReference(apiKey: string): boolean {
  return ENV_REF.test(apiKey.trim());
}

/** The key to send to the instance. Errors name the instance and the variable, never a key. */
export function resolveApiKey(instance: Pick<InstanceSettings, 'id' | 'name' | 'apiKey'>, env: Env = process.env): string {
  const ref = ENV_REF.exec(instance.apiKey.trim());
  if (!ref) return instance.apiKey.trim();
  const who = `instance "${instance.id}" (${instance.name})`;
  const name = ref[1];
  if (!ENV_NAME.test(name)) throw new ConfigError(`${who}: apiKey "env:${name}" does not name an environment variable (letters, digits and _)`);
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${who}: apiKey is read from the environment variable ${name}, which is not set or empty`);
  return value;
}

/** Every key the settings resolve to (for scrubbing free text); references that do not resolve are skipped. */
export function secretsOf(settings: { instances: readonly Pick<InstanceSettings, 'id' | 'name' | 'apiKey'>[] }, env: Env = process.env): string[] {
  const keys = new Set<string>();
  for (const inst of settings.instances) {
    try {
      keys.add(resolveApiKey(inst, env));
    } catch {
      // unresolved reference: nothing to scrub
    }
  }
  return [...keys];
}
