/** The headless command as a child process, as a server user runs it, against simulators in this process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstanceSettingsInput } from '../../src/shared/settings';
import type { Simulator } from '../../src/simulator';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = join(ROOT, 'src/cli/main.ts');
export const BIN = join(ROOT, 'bin/trawlarr.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  /** run bin/trawlarr.js instead of `node --import tsx src/cli/main.ts` */
  bin?: boolean;
}

/** Fast polling of command status: the simulator moves a command one step per poll. */
const BASE_ENV = { TRAWLARR_POLL_MS: '5', NO_COLOR: '1' };

export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  const argv = options.bin ? [BIN, ...args] : ['--import', 'tsx', MAIN, ...args];
  return spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...BASE_ENV, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function collect(child: ChildProcess): Promise<CliResult> & { output(): string } {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliResult>((resolveDone) => child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr })));
  return Object.assign(done, { output: () => stdout + stderr });
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return collect(spawnCli(args, options));
}

export async function writeConfig(dir: string, instances: InstanceSettingsInput[] | unknown, name = 'trawlarr.json'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify({ version: 1, instances }, null, 2));
  return file;
}

export function radarrInstance(sim: Simulator, over: Partial<InstanceSettingsInput> = {}): InstanceSettingsInput {
  return {
    id: 'radarr',
    name: 'Home Radarr',
    kind: 'radarr',
    url: sim.url,
    apiKey: sim.apiKey,
    throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 },
    jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 10 }],
    ...over,
  };
}

/** POST and PUT requests the simulator received after the first `from` requests. */
export function writesSince(sim: Simulator, from: number): string[] {
  return sim.requests.slice(from).filter((r) => r.method === 'POST' || r.method === 'PUT').map((r) => `${r.method} ${r.path}`);
}

export async function waitFor(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
