/** Electron glue for app://: serves files resolved by resolveAppRequest. */
import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { APP_SCHEME_PRIVILEGES, resolveAppRequest } from './app-protocol';
import { APP_SCHEME } from './options';

export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    try {
      // symlinks out of the renderer directory are refused like ".."
      const [root, file] = await Promise.all([realpath(rendererDir), realpath(resolved.file)]);
      if (!file.startsWith(root + sep)) return new Response(null, { status: 403 });
      return new Response(await readFile(file), { status: 200, headers: resolved.headers });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
