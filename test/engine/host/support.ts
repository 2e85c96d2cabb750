/** Real pieces for the host tests: simulators on 127.0.0.1, settings through the real schema, a temporary data directory. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngineHost, type EngineHost, type EngineHostOptions } from '../../../src/engine/host';
import type { PollOptions } from '../../../src/engine/run/poll';
import { settingsSchema, type InstanceSettingsInput, type Settings } from '../../../src/shared/settings';
import type { BackendEvent } from '../../../src/shared/contract';
import type { Simulator } from '../../../src/simulator';

export const FAST_POLL: PollOptions = { firstDelayMs: 1, maxDelayMs: 5, factor: 2, timeoutMs: 10_000 };

export function instanceOf(sim: Simulator, id: string, over: Partial<InstanceSettingsInput> = {}): InstanceSettingsInput {
  return { id, name: `${sim.app === 'radarr' ? 'Radarr' : 'Sonarr'} ${id}`, kind: sim.app, url: sim.url, apiKey: sim.apiKey, ...over };
}

export function settingsOf(instances: InstanceSettingsInput[], over: Record<string, unknown> = {}): Settings {
  return settingsSchema.parse({ version: 1, instances, ...over });
}

export async function tempDir(prefix = 'trawlarr-host-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestHost {
  host: EngineHost;
  saved: Settings[];
  events: BackendEvent[];
}

/** A host on `dataDir` whose saved settings are collected and whose events are recorded. */
export async function openHost(settings: Settings, dataDir: string, over: Partial<EngineHostOptions> = {}): Promise<TestHost> {
  const saved: Settings[] = [];
  const events: BackendEvent[] = [];
  const host = await createEngineHost({ settings, dataDir, saveSettings: (s) => void saved.push(s), poll: FAST_POLL, fsync: 'never', log: () => undefined, timeZone: 'UTC', ...over });
  host.subscribe((e) => events.push(e));
  return { host, saved, events };
}

/** POST and PUT requests the simulator received. */
export function writes(sim: Simulator): { method: string; path: string }[] {
  return sim.requests.filter((r) => r.method === 'POST' || r.method === 'PUT').map((r) => ({ method: r.method, path: r.path }));
}
