/**
 * The app is loaded from app://trawlarr/ (not file://, not a local server): a custom protocol
 * serving the packaged renderer with the strict security headers. The request mapping is pure;
 * registerAppProtocol is the Electron glue.
 */
import { SECURITY_HEADERS } from '../../shared/contract';
import { contentTypeOf, resolveStaticPath } from '../../server/static-path';
import { APP_HOST, APP_SCHEME } from './options';

export type AppRequest = { ok: true; file: string; headers: Record<string, string> } | { ok: false; status: number };

export function resolveAppRequest(requestUrl: string, rendererDir: string): AppRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404 };
  const target = resolveStaticPath(rendererDir, url.pathname);
  if (!target.ok) return { ok: false, status: target.status };
  return { ok: true, file: target.file, headers: { ...SECURITY_HEADERS, 'content-type': contentTypeOf(target.file), 'cache-control': 'no-cache' } };
}

/** Scheme privileges; must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false, bypassCSP: false, allowServiceWorkers: false },
} as const;
