/**
 * `npm start` as a user runs it (a child process through npm): without Electron's binary it says
 * what happened and what runs instead, with exit status 69 and no stack trace; with a binary it
 * hands over to `electron-vite preview`, which launches that binary.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-start-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function npmStart(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const clean = { ...process.env };
  for (const k of ['ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_SKIP_BINARY_DOWNLOAD', 'ELECTRON_MIRROR', 'ELECTRON_ENTRY']) delete clean[k];
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The launcher's own lines, without npm's banner and its "npm error" summary. */
const own = (output: string) => output.split('\n').filter((l) => l && !l.startsWith('>') && !l.startsWith('npm '));

function expectClearMessage(output: string) {
  expect(output).toMatch(/cannot start the desktop app: Electron's binary is not installed/);
  expect(output).toContain('npm run demo');
  expect(output).toContain('npm run headless');
  // one message, not a stack trace
  expect(own(output).filter((l) => /^\s+at /.test(l))).toEqual([]);
  expect(own(output).length).toBeLessThanOrEqual(6);
}

describe('npm start', () => {
  it('without the binary and with downloads switched off, says so and exits 69', async () => {
    const empty = await mkdtemp(join(dir, 'dist-'));
    const r = await npmStart([], { ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expectClearMessage(r.output);
    expect(r.output).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(r.code).toBe(69);
  });

  it('without the binary, tries Electron\'s installer, and says why that failed', async () => {
    const empty = await mkdtemp(join(dir, 'dist-'));
    const cache = await mkdtemp(join(dir, 'cache-'));
    // a mirror nobody listens on (also over an .npmrc's electron_mirror): the download fails at once, online or not
    const mirror = 'http://127.0.0.1:9/';
    const r = await npmStart([], { ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_MIRROR: mirror, npm_config_electron_mirror: mirror, electron_config_cache: cache });
    expect(r.output).toContain('downloading it');
    expectClearMessage(r.output);
    expect(r.output).toMatch(/fetch failed|ECONNREFUSED/);
    expect(r.code).toBe(69);
  });

  it('with a binary, runs electron-vite preview, which launches that binary', async () => {
    const seen = join(dir, 'electron-args.json');
    const fake = join(dir, 'electron');
    await writeFile(fake, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify(process.argv.slice(2)));\nprocess.exit(7);\n`);
    await chmod(fake, 0o755);
    const entry = join(dir, 'main.js');
    await writeFile(entry, '');
    // --skipBuild: the build is electron-vite's own step (and the e2e test's); this checks the hand-over
    const r = await npmStart(['--skipBuild'], { ELECTRON_EXEC_PATH: fake, ELECTRON_ENTRY: entry });
    expect(JSON.parse(await readFile(seen, 'utf8'))).toEqual([entry]);
    expect(r.code).toBe(7);
    expect(r.output).not.toContain('cannot start');
  });
});
