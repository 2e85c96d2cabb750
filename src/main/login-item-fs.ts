/** The real file system for the Linux autostart entry. */
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AutostartFs } from './login-item';

export const nodeAutostartFs: AutostartFs = {
  exists: (path) => access(path).then(() => true, () => false),
  writeFile: (path, content) => writeFile(path, content, { mode: 0o644 }),
  remove: (path) => rm(path, { force: true }),
  mkdir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
};
