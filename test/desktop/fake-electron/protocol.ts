/**
 * protocol: scheme privileges only before 'ready' (and once), handlers only after. Chromium here
 * knows no custom scheme, so a page on app://host/ is loaded from http://host.app.localhost/
 * (playwright routes those requests to the registered handler) and mapped back wherever the app
 * can see a URL (webContents.getURL, the IPC sender frame).
 */
import { record, requireNotReady, requireReady } from './state';

type Handler = (request: Request) => Response | Promise<Response>;
const handlers = new Map<string, Handler>();
const privileged = new Set<string>();
let registered = false;

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    requireNotReady('protocol.registerSchemesAsPrivileged()');
    if (registered) throw new Error('protocol.registerSchemesAsPrivileged() can be called only once');
    registered = true;
    for (const s of schemes) privileged.add(s.scheme);
    record(`protocol.registerSchemesAsPrivileged(${schemes.map((s) => s.scheme).join(',')})`);
  },
  handle(scheme: string, handler: Handler): void {
    requireReady('protocol.handle()');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    if (!privileged.has(scheme)) throw new Error(`the fake expects ${scheme}: to be registered as privileged (standard, secure) before ready`);
    handlers.set(scheme, handler);
    record(`protocol.handle(${scheme})`);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
};

const MAPPED = /^http:\/\/([a-z0-9-]+)\.([a-z][a-z0-9+.-]*)\.localhost(\/.*)?$/;

/** app://trawlarr/index.html → http://trawlarr.app.localhost/index.html (http URLs stay) */
export function toBrowserUrl(url: string): string {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (scheme === 'http' || scheme === 'https') return url;
  if (!handlers.has(scheme)) throw new Error(`ERR_UNKNOWN_URL_SCHEME: no handler for ${scheme}:`);
  return `http://${parsed.host}.${scheme}.localhost${parsed.pathname}${parsed.search}${parsed.hash}`;
}

export function toAppUrl(browserUrl: string): string {
  const m = MAPPED.exec(browserUrl);
  return m ? `${m[2]}://${m[1]}${m[3] ?? '/'}` : browserUrl;
}

/** The registered handler's answer for a request the page made, or undefined for other URLs. */
export async function serve(browserUrl: string): Promise<Response | undefined> {
  const m = MAPPED.exec(browserUrl);
  if (!m) return undefined;
  const handler = handlers.get(m[2]);
  return handler ? handler(new Request(toAppUrl(browserUrl))) : new Response(null, { status: 404 });
}
