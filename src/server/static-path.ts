/**
 * Maps a request path to a file under a root, or refuses it. Pure string logic (POSIX separators
 * inside the URL, the platform's join outside) shared by the HTTP server and Electron's app://
 * protocol handler; the caller still checks the real path after resolving symlinks.
 */
import { extname, resolve, sep } from 'node:path';

export type StaticTarget = { ok: true; file: string; spaFallback: boolean } | { ok: false; status: 400 | 403 };

export function resolveStaticPath(root: string, urlPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  // refuse instead of normalizing: a request that needs ".." is never a legitimate asset
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 403 };
  const base = resolve(root);
  const relative = segments.length ? segments.join('/') : 'index.html';
  const file = resolve(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return { ok: false, status: 403 };
  // client-side routes ("/history") get the app shell; missing assets ("/x.js") do not
  const spaFallback = extname(relative) === '';
  return { ok: true, file, spaFallback };
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
