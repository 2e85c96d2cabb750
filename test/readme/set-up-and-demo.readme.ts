/**
 * The README's "Set up" and "Demo" commands, run literally, in order, in a fresh `git clone` of
 * this repository in a temporary folder: what a new user types on a machine like CI's (Node 22,
 * no Electron binary, no display). A command that fails fails the test. Three have their own
 * judgement, because they do not simply end with 0 here:
 * - `npm start` needs Electron's binary, which this machine has not (ELECTRON_SKIP_BINARY_DOWNLOAD=1,
 *   as the README says for such machines): it must exit 69 with the README's one clear message;
 * - `npm test` would run this test again inside the clone: the clone runs its first step (the
 *   typecheck, which catches anything that only works thanks to untracked files), and the outer run,
 *   which is `npm test` on the same commit, is the rest;
 * - `npm run demo` keeps running: it must print its URL and serve the window there, then stop on Ctrl-C.
 * Each section starts from a fresh clone's files. The clone has the committed tree only:
 * uncommitted changes are not tested (the test says so).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeCommands } from './commands';

const ROOT = resolve('.');
const commands = readmeCommands(await readFile(join(ROOT, 'README.md'), 'utf8'), ['Set up', 'Demo']);
// the one-time login link run --ui prints (src/server/access.ts)
const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/#login=[A-Za-z0-9_.-]+/;

let dir: string;
let clone: string;
const started: number[] = [];

/** The user's environment: no leftovers of the outer npm/vitest run, npm served from its cache. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_lifecycle_|npm_package_|VITEST|TRAWLARR_|ELECTRON_)/.test(k) || k === 'NODE_ENV' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' };
}

interface Ran {
  code: number | null;
  output: string;
}

function sh(command: string, timeoutMs = 540_000): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', command], { cwd: clone, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    started.push(child.pid!);
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => fail(new Error(`"${command}" did not finish in ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)), timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

const tail = (r: Ran) => `exit ${r.code}; output:\n${r.output.slice(-3000)}`;

async function plain(command: string) {
  const r = await sh(command);
  expect(r.code, tail(r)).toBe(0);
}

async function npmStart(command: string) {
  const r = await sh(command);
  expect(r.output, tail(r)).toMatch(/cannot start the desktop app: Electron's binary is not installed/);
  expect(r.output).toContain('npm run demo');
  expect(r.output).not.toMatch(/^\s+at /m);
  expect(r.code, tail(r)).toBe(69);
}

async function demo(command: string) {
  const child = spawn('sh', ['-c', command], { cwd: clone, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child.pid!);
  let output = '';
  const closed = new Promise<number | null>((r) => child.on('close', r));
  const url = await new Promise<string>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`"${command}" printed no URL in 240 s:\n${output}`)), 240_000);
    const onData = (c: Buffer) => {
      output += c.toString();
      const m = URL_LINE.exec(output);
      if (!m) return;
      clearTimeout(timer);
      found(m[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void closed.then((code) => {
      clearTimeout(timer);
      fail(new Error(`"${command}" exited (${code}) before printing a URL:\n${output}`));
    });
  });
  // the window is served where the URL says
  const page = await fetch(new URL('/', url));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  // Ctrl-C (the terminal signals the whole foreground group)
  process.kill(-child.pid!, 'SIGINT');
  const code = await Promise.race([closed, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
  expect(code, `after Ctrl-C:\n${output.slice(-2000)}`).not.toBe('hung');
}

/** How each README command is judged (anything else must simply succeed). */
const judge: Record<string, (command: string) => Promise<void>> = {
  'npm start': npmStart,
  'npm test': () => plain('npm run typecheck'),
  'npm run demo': demo,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trawlarr-readme-'));
  clone = join(dir, 'trawlarr');
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  if (dirty) console.warn(`README test: the clone is of commit ${head}; uncommitted changes are not in it:\n${dirty}`);
  const r = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git clone failed: ${r.stderr}`);
});

afterAll(async () => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the README's set-up and demo commands, in a fresh clone", () => {
  it('finds them', () => {
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['npm install', 'npm start', 'npm test', 'npm run demo']));
  });

  let previous: string | null = null;
  for (const { section, command } of commands) {
    // a reader may start at any section: each starts from a fresh clone's files (git clean: no
    // out/, nothing an earlier section built), keeping only node_modules to save a second download
    const fresh = section !== previous;
    previous = section;
    it(`${section}: ${command}`, async () => {
      if (fresh) await plain('git clean -xdfq -e node_modules');
      await (judge[command] ?? plain)(command);
    });
  }
});
