import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const run = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('simulator CLI', () => {
  it('prints one JSON line when listening, serves the library, and stops on SIGTERM', async () => {
    const child = run(['--app', 'radarr', '--seed', '2', '--movies', '50', '--port', '0', '--api-key', 'cli-key']);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const info = JSON.parse(line) as { url: string; apiKey: string; app: string };
    expect(info).toMatchObject({ apiKey: 'cli-key', app: 'radarr', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const movies = (await (await fetch(`${info.url}/api/v3/movie`, { headers: { 'X-Api-Key': 'cli-key' } })).json()) as unknown[];
    expect(movies).toHaveLength(50);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('rejects a bad argument with a message naming it', async () => {
    const child = run(['--app', 'sonarr', '--movies', '10']);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('--movies is for --app radarr; use --series');
  });
});
