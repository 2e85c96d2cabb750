/** Opening the engine for `once` and `run`: the config file, env keys checked first, the data directory. */
import packageJson from '../../package.json';
import { loadConfigFile, resolveApiKey, saveConfigFile } from '../engine/config';
import { setCrashSecrets } from '../engine/crash-guard';
import { createEngineHost, refuseSameUrlInFile, type EngineHost } from '../engine/host';
import type { Settings } from '../shared/settings';
import { pollFromEnv, retryFromEnv } from './env';
import type { CliIo } from './io';

export const VERSION: string = packageJson.version;

/** `onLockLost`: the data directory's lock was lost while running; the engine has stopped itself. */
export async function openEngine(
  io: CliIo,
  configFile: string,
  dataDir: string,
  instanceIds?: readonly string[],
  onLockLost?: (error: Error) => void,
): Promise<{ host: EngineHost; settings: Settings }> {
  const settings = await loadConfigFile(configFile);
  refuseSameUrlInFile(settings, configFile); // two instances at one address: exit 2, naming both
  // an `env:` key that does not resolve is a config problem (exit 2), found before anything runs
  for (const inst of settings.instances) {
    if (inst.enabled && (!instanceIds || instanceIds.includes(inst.id))) resolveApiKey(inst, io.env);
  }
  const host = await createEngineHost({
    settings,
    saveSettings: (next) => saveConfigFile(configFile, next),
    dataDir,
    env: io.env,
    log: (line) => io.err(line),
    mode: 'browser',
    version: VERSION,
    poll: pollFromEnv(io.env),
    onLockLost,
    retry: retryFromEnv(io.env),
  });
  setCrashSecrets(() => host.service.secrets());
  return { host, settings };
}
