/** What a scenario's machine holds besides the app: simulated Radarr/Sonarr and the app's settings file. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../src/simulator/index';
import type { Machine } from './driver';

export async function radarr(options: { grabChance?: number } = {}): Promise<Simulator> {
  return startSimulator({ app: 'radarr', seed: 11, size: 'tiny', grabChance: options.grabChance ?? 0 });
}

export async function sonarr(): Promise<Simulator> {
  return startSimulator({ app: 'sonarr', seed: 12, size: 'tiny', grabChance: 0 });
}

export const settingsFile = (machine: Machine) => join(machine.userData, 'settings.json');

/** Writes the desktop store's file as an earlier run would have left it (keys in plain text are sealed at load). */
export async function seedSettings(machine: Machine, settings: unknown): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(machine.userData, { recursive: true });
  await writeFile(settingsFile(machine), JSON.stringify({ settings }, null, 2), { mode: 0o600 });
}

export async function storedSettings(machine: Machine): Promise<{ settings: { version: number; instances: { id: string; apiKey: string; enabled: boolean }[] } }> {
  return JSON.parse(await readFile(settingsFile(machine), 'utf8'));
}

/** One instance with the given jobs, pointed at a simulator. */
export function instanceFor(sim: Simulator, id: string, name: string, jobs: { id: string; type: string; unattended?: boolean; itemsPerRun?: number }[]) {
  return { id, name, kind: sim.app, url: sim.url, apiKey: sim.apiKey, jobs: jobs.map((j) => ({ schedule: { every: '24h' }, ...j })) };
}

/** Through the open window's bridge, as the settings pages do: add an instance with one job and run it now. */
export function addAndRunExpression(sim: Simulator, job: { id: string; type: string }): string {
  // without the default jobs: the scenario's one job runs alone, its budget not shared with others
  const instance = { id: 'radarr', name: 'Radarr', kind: sim.app, url: sim.url, apiKey: sim.apiKey, startWithDefaultJobs: false };
  return `(async () => {
    const t = window.trawlarr;
    const steps = [
      await t.saveInstance(${JSON.stringify(instance)}),
      await t.saveJob({ instanceId: 'radarr', job: ${JSON.stringify({ ...job, schedule: { every: '24h' } })} }),
      await t.runJobNow({ instanceId: 'radarr', jobId: ${JSON.stringify(job.id)} }),
    ];
    return steps.every((s) => s.ok) || JSON.stringify(steps.filter((s) => !s.ok));
  })()`;
}
