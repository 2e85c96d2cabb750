/**
 * The child process a scenario runs: plain Node playing Electron's main process. `electron`
 * resolves to the fake (test/desktop/fake-electron) through a module resolve hook, then the built
 * main bundle runs, and 'ready' follows, as in Electron.
 */
import { registerHooks, syncBuiltinESMExports } from 'node:module';
import fsPromises from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const fake = new URL('../fake-electron/index.ts', import.meta.url).href;
const harness = new URL('..', import.meta.url).href;
const imported = new Set<string>();
let bundleUrl = '';
registerHooks({
  resolve: (specifier, context, next) => {
    if (context.parentURL === bundleUrl && !/^(node:|\.|\/)/.test(specifier)) imported.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    if (specifier === 'electron') return { url: fake, shortCircuit: true };
    // the harness runs on Node's own type stripping (fast to start): its relative imports name no extension
    if (context.parentURL?.startsWith(harness) && /^\.\.?\//.test(specifier) && !/\.[a-z]+$/.test(specifier)) return next(`${specifier}.ts`, context);
    return next(specifier, context);
  },
});

const { config, records } = await import('../fake-electron/state');
bundleUrl = pathToFileURL(config.mainBundle).href;
Object.defineProperty(records, 'importedPackages', { enumerable: true, get: () => [...imported].sort() });
const { app, exitProcess } = await import('../fake-electron/app');
const { setBrowser } = await import('../fake-electron/window');
const { listen } = await import('../fake-electron/control');

// what Electron's main process looks like from inside
process.argv = [process.execPath, ...config.args];
Object.assign(process, { type: 'browser', resourcesPath: `${config.appPath}/assets` });
Object.defineProperty(process.versions, 'electron', { value: `${config.electronMajor}.0.0` });
if (config.appImage) process.env.APPIMAGE = config.appImage;
else delete process.env.APPIMAGE;
process.env.HOME = config.home;
delete process.env.XDG_CONFIG_HOME;

// the kernel's sysctl for unprivileged user namespaces, as this scenario's machine has it
const USERNS = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
const realReadFile = fsPromises.readFile;
fsPromises.readFile = ((path: unknown, ...rest: unknown[]) =>
  path === USERNS ? Promise.resolve(config.usernsRestricted ? '1\n' : '0\n') : (realReadFile as (...a: unknown[]) => Promise<unknown>)(path, ...rest)) as typeof fsPromises.readFile;
syncBuiltinESMExports();

if (config.compressTimers) {
  // fast-forward: a compressed timer fires 1000 times sooner and moves the clock on by the time it skipped
  const RealDate = Date;
  let skipped = 0;
  class ForwardDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + skipped);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + skipped;
    }
  }
  globalThis.Date = ForwardDate as DateConstructor;
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    if (ms === undefined || ms < 5 * 60_000 || ms > 30 * 60_000) return realSetTimeout(fn, ms);
    return realSetTimeout(() => {
      skipped += ms - ms / 1000;
      fn();
    }, ms / 1000);
  }) as typeof setTimeout;
}

setBrowser(() => chromium.connect(config.wsEndpoint));
listen();
process.on('uncaughtException', (error) => {
  console.error(`[fake-electron] uncaught: ${error.stack ?? String(error)}`);
  void exitProcess(70);
});

await import(bundleUrl);
setImmediate(() => app.becomeReady());
process.send?.({ type: 'booted' });
