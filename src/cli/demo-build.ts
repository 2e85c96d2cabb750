/**
 * The demo serves the browser UI, so it builds it when the build is missing or older than the
 * sources: a fresh clone has no out/, and a demo of yesterday's build after an edit would show
 * what the checkout no longer is. It says what it does and why.
 */
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** What the renderer bundle is made of (it imports src/shared). */
const SOURCES = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json'];

/** The newest file among `paths` (files or folders, walked), or null when there is none. */
async function newest(paths: string[]): Promise<{ file: string; mtimeMs: number } | null> {
  let best: { file: string; mtimeMs: number } | null = null;
  for (const p of paths) {
    const st = await fsp.stat(p).catch(() => undefined);
    if (!st) continue;
    if (st.isDirectory()) {
      const entries = await fsp.readdir(p);
      const inner = await newest(entries.map((e) => join(p, e)));
      if (inner && (!best || inner.mtimeMs > best.mtimeMs)) best = inner;
    } else if (!best || st.mtimeMs > best.mtimeMs) {
      best = { file: p, mtimeMs: st.mtimeMs };
    }
  }
  return best;
}

/** Why out/renderer must be (re)built, or null when it is up to date. */
export async function staleReason(root = ROOT): Promise<string | null> {
  const index = join(root, 'out/renderer/index.html');
  const built = await fsp.stat(index).catch(() => undefined);
  if (!built) return `${relative(root, index)} is missing`;
  const src = await newest(SOURCES.map((s) => join(root, s)));
  if (src && src.mtimeMs > built.mtimeMs) return `${relative(root, src.file)} is newer than the last build`;
  return null;
}

/** `electron-vite build` (what `npm run build` runs); its output is shown only if it fails. */
function build(root: string): Promise<void> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`the build (npm run build) failed with exit ${code}:\n${output}`))));
  });
}

/** Builds the browser UI when it is missing or stale, telling `say` what and why. */
export async function ensureRendererBuilt(say: (line: string) => void, root = ROOT): Promise<void> {
  const why = await staleReason(root);
  if (!why) return;
  say(`Building the browser UI (npm run build), because ${why}…`);
  const started = Date.now();
  await build(root);
  say(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
