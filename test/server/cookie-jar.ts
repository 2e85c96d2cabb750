/**
 * A browser's cookie jar for Node's fetch, for tests against the real server: keeps what Set-Cookie
 * says (per name, dropping Max-Age=0) and sends it back as a Cookie header, as a browser does for a
 * same-origin request. Also records every Set-Cookie line so tests can read the attributes.
 */
export interface Jar {
  fetch: typeof fetch;
  cookies: Map<string, string>;
  setCookies: string[];
  /** the Cookie header this jar sends */
  header(): string;
}

export function cookieJar(): Jar {
  const cookies = new Map<string, string>();
  const setCookies: string[] = [];
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const jarFetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.credentials !== 'omit' && cookies.size > 0) headers.set('cookie', header());
    const res = await fetch(input, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }) as typeof fetch;
  return { fetch: jarFetch, cookies, setCookies, header };
}
