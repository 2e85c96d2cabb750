#!/usr/bin/env node
// `npm start`: the desktop app through `electron-vite preview` (build, then launch Electron), but
// only once Electron's binary is there. Electron's npm package carries no binary: it downloads one
// on first use, and electron-vite does not trigger that download, so on a fresh clone (or a machine
// without internet) it died with "Error: Electron uninstall" and a stack trace. This launcher
// finds the binary the way electron-vite does, downloads it with Electron's own installer when it
// is missing (unless ELECTRON_SKIP_BINARY_DOWNLOAD says not to), and otherwise says in a few
// lines what happened and what runs without Electron. Arguments pass through to electron-vite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** The exit status when Electron's binary is missing (sysexits' EX_UNAVAILABLE); the README names it. */
const NO_ELECTRON = 69;

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** Where the binary is (or would be), as Electron's own index.js and electron-vite compute it. */
function electronBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH;
  const pathFile = join(electronDir, 'path.txt');
  const platformName = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : platformName;
  return join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), name);
}

const skipDownload = /^(1|true|yes)$/i.test(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '');

/** Electron's installer (`npx install-electron`); returns why it failed, or null. */
function download() {
  process.stderr.write("Electron's binary is not installed yet: downloading it (npx install-electron)…\n");
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status === 0) return null;
  // the installer prints a stack; its first line is the reason
  return (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0];
}

let binary = electronBinary();
if (!existsSync(binary)) {
  const why = skipDownload ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded' : download();
  binary = electronBinary();
  if (why !== null || !existsSync(binary)) {
    const rel = relative(process.cwd(), binary);
    const shown = rel && !rel.startsWith('..') ? rel : binary;
    process.stderr.write(
      [
        `trawlarr: cannot start the desktop app: Electron's binary is not installed (no ${shown}; ${why ?? 'the installer wrote none'}).`,
        'Everything but the Electron window runs without it:',
        '  npm run demo                 the settings window in your browser, against simulated Radarr and Sonarr',
        '  npm run headless -- --help   the headless mode (servers): the same engine and settings, with --ui for the window',
        'For the desktop app, install the binary where it can be downloaded: npx install-electron, then npm start.',
        '',
      ].join('\n'),
    );
    process.exit(NO_ELECTRON);
  }
}

// electron-vite is told which binary to launch: the one found here
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: binary } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
