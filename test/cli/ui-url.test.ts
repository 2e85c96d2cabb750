/**
 * `trawlarr ui-url` as a child process, on a data directory no UI has served yet: it says how to
 * start one (exit 1) but already creates the secret (mode 600) that `run --ui` will use; --rotate
 * replaces it. The links themselves are tested in the browser (test/e2e/access.e2e.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../engine/host/support';
import { runCli } from './support';

let tmp: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  tmp = await tempDir('trawlarr-cli-ui-url-');
});
afterAll(() => tmp?.remove());

describe('trawlarr ui-url', () => {
  it('before any run --ui: exit 1 naming the command to start, a secret created once, replaced by --rotate', async () => {
    const dataDir = join(tmp.dir, 'data');
    const file = join(dataDir, 'ui', 'secret');
    const first = await runCli(['ui-url', '--data-dir', dataDir]);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe(
      `trawlarr: no browser UI has been served from ${dataDir} yet: start "trawlarr run --config FILE --data-dir ${dataDir} --ui --port N" (a fixed port keeps bookmarks and sessions across restarts)\n`,
    );
    const secret = await readFile(file, 'utf8');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await runCli(['ui-url', '--data-dir', dataDir])).code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(secret);

    const rotated = await runCli(['ui-url', '--data-dir', dataDir, '--rotate']);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toBe(`Wrote a new secret to ${file}: every browser must log in again, and earlier links no longer work.\n`);
    const next = await readFile(file, 'utf8');
    expect(next).not.toBe(secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.stdout + first.stderr + rotated.stdout + rotated.stderr).not.toContain(secret.trim());
    expect(rotated.stdout + rotated.stderr).not.toContain(next.trim());
    // four child processes on a loaded machine
  }, 120_000);
});
