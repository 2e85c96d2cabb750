/** Serves the built renderer: GET/HEAD only, inside the root even through symlinks, SPA fallback. */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { SECURITY_HEADERS } from '../shared/contract';
import { contentTypeOf, resolveStaticPath } from './static-path';

async function fileInside(root: string, file: string): Promise<string | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    return (await stat(realFile)).isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  const target = resolveStaticPath(root, req.url ?? '/');
  if (!target.ok) {
    res.writeHead(target.status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(target.status === 400 ? 'bad path\n' : 'forbidden\n');
    return;
  }
  let file = await fileInside(root, target.file);
  if (!file && target.spaFallback) file = await fileInside(root, join(root, 'index.html'));
  if (!file) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
