/** The real file system for the Linux autostart entry, and the kernel switch that stops AppImages. */
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AutostartFs } from './login-item';

export const nodeAutostartFs: AutostartFs = {
  exists: (path) => access(path).then(() => true, () => false),
  writeFile: (path, content) => writeFile(path, content, { mode: 0o644 }),
  remove: (path) => rm(path, { force: true }),
  mkdir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
};

const USERNS_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

/** Ubuntu 24.04+ turns this on; other systems have no such file (then: not restricted). */
export async function usernsRestricted(): Promise<boolean> {
  const value = await readFile(USERNS_SYSCTL, 'utf8').catch(() => '0');
  return value.trim() === '1';
}
