/**
 * The real application for end-to-end tests: simulated Radarr and Sonarr on 127.0.0.1, and the
 * headless command `trawlarr run --ui` (a child process, exactly as a server user starts it) with
 * an empty config, serving the built renderer. Nothing here is faked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SettingsInput } from '../../../src/shared/settings';
import { startSimulator, type Simulator } from '../../../src/simulator/index';

export interface RunningApp {
  /** the one-time login link the command printed (use it once; then the context has a session) */
  url: string;
  origin: string;
  radarr: Simulator;
  sonarr: Simulator;
  configFile: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+)\/#login=([A-Za-z0-9_.-]+)/;

/** `settings` builds the config from the simulators (default: no instance, a new user's start). */
export async function startApp(settings?: (radarr: Simulator, sonarr: Simulator) => SettingsInput): Promise<RunningApp> {
  const radarr = await startSimulator({ app: 'radarr', seed: 11, size: 'small', grabChance: 0.5 });
  const sonarr = await startSimulator({ app: 'sonarr', seed: 12, size: 'tiny', grabChance: 0.5 });
  const dir = await mkdtemp(join(tmpdir(), 'trawlarr-e2e-'));
  const configFile = join(dir, 'trawlarr.json');
  const dataDir = join(dir, 'data');
  await writeFile(configFile, JSON.stringify(settings ? settings(radarr, sonarr) : { version: 1, instances: [] }, null, 2));

  let ui: RunUi;
  try {
    ui = await startRunUi(configFile, dataDir);
  } catch (error) {
    await Promise.all([radarr.close(), sonarr.close()]);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await ui.stop();
    await Promise.all([radarr.close(), sonarr.close()]);
    await rm(dir, { recursive: true, force: true });
  };
  return { url: ui.url, origin: ui.origin, radarr, sonarr, configFile, dataDir, output: ui.output, stop };
}

export interface RunUi {
  /** the one-time login link the command printed (ORIGIN/#login=CODE) */
  url: string;
  origin: string;
  output: () => string;
  /** SIGTERM, then SIGKILL after 10 s */
  stop: () => Promise<void>;
}

/** `trawlarr run --config F --data-dir D --ui --port N` (default 0: any) as a child process, once it printed its login link. */
export async function startRunUi(configFile: string, dataDir: string, port = 0): Promise<RunUi> {
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', 'run', '--config', configFile, '--data-dir', dataDir, '--ui', '--port', String(port)], {
    cwd: resolve('.'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const found = await new Promise<RegExpExecArray>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`trawlarr run --ui printed no URL within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = URL_LINE.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`trawlarr run --ui exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { url: found[0], origin: found[1], output: () => output, stop };
}
