/**
 * Where a stored API key may go: the origin and base path it was saved with, nowhere else (the
 * rule password managers follow). The backend refuses to send a stored key to another address,
 * and the instance form asks for the key again as soon as the address is edited; both use this
 * one comparison so the form asks exactly when the backend would refuse.
 *
 * Also: a key the UI types is the key itself. `env:VARIABLE` references are written in the config
 * file only; accepted from the UI, they would make the backend read any of its environment
 * variables and send the value wherever the UI points.
 */

/**
 * The address a key belongs to: scheme, host, port and base path, normalised as the clients use
 * them (src/arr/http/endpoint.ts: trailing slashes, query and fragment do not reach the server).
 * Credentials are left out: they do not change which server receives the key. Undefined: not a URL.
 */
export function keyAddress(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** Both addresses are URLs, and a key saved for one reaches the same server and base path at the other. */
export function sameKeyAddress(a: string, b: string): boolean {
  const left = keyAddress(a);
  return left !== undefined && left === keyAddress(b);
}

/** `env:` (in any case) starts a reference, not a key: refused wherever the UI supplies a key. */
export function isEnvReferenceInput(apiKey: string): boolean {
  return /^env:/i.test(apiKey.trim());
}

export const ENV_REFERENCE_INPUT_MESSAGE = 'type the API key itself: env:VARIABLE references can only be written in the config file';

/** What the backend and the form say when an edited address would need the stored key. */
export function keyNeededMessage(instance: { id: string; url: string }, url: string): string {
  const from = keyAddress(instance.url) ?? 'the saved address';
  const to = keyAddress(url) ?? 'another address';
  return `the address of instance "${instance.id}" changed from ${from} to ${to}: type the API key again (a stored key is only sent to the address it was saved with)`;
}
