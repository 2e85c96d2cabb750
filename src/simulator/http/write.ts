/**
 * Writes replies the way the apps do: pretty-printed JSON (2-space indent), large lists streamed
 * element by element with back-pressure, never one giant string.
 */
import type { ServerResponse } from 'node:http';

const CHUNK = 64 * 1024;

/** Waits for 'drain' (or the client going away) without leaving listeners behind. */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Returns the body's size in bytes (0 without a body). */
export function writeJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): number {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return 0;
  }
  const text = JSON.stringify(body, null, 2);
  const bytes = Buffer.byteLength(text);
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': String(bytes) });
  res.end(text);
  return bytes;
}

export interface ListSample {
  elements: unknown[];
  total: number;
  /** every element, when the list was short enough to keep */
  all?: unknown[];
  /** body bytes handed to the socket (fewer than the whole list when the client went away) */
  bytes: number;
}

/** Indices worth checking in a long list: the first and last few and an even spread. */
function sampleIndices(total: number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(5, total); i++) out.add(i);
  for (let i = Math.max(0, total - 3); i < total; i++) out.add(i);
  const step = Math.max(1, Math.floor(total / 25));
  for (let i = 0; i < total; i += step) out.add(i);
  return out;
}

export async function writeList(res: ServerResponse, headers: Record<string, string>, list: Iterable<unknown>, total: number, keepLimit: number, sample: boolean): Promise<ListSample> {
  res.writeHead(200, { ...headers, 'Content-Type': JSON_TYPE });
  const keepAll = sample && total <= keepLimit;
  const pick = sample && !keepAll ? sampleIndices(total) : undefined;
  const kept: unknown[] = [];
  let buf = '';
  let i = 0;
  let bytes = 0;
  for (const el of list) {
    if (res.destroyed) break;
    if (keepAll || pick?.has(i)) kept.push(el);
    // stringify inside a one-element array so the element comes out indented one level
    const wrapped = JSON.stringify([el], null, 2);
    buf += (i === 0 ? '[\n' : ',\n') + wrapped.slice(2, -2);
    i++;
    if (buf.length >= CHUNK) {
      bytes += Buffer.byteLength(buf);
      const more = res.write(buf);
      buf = '';
      if (!more && !res.destroyed) await drainOrClose(res);
    }
  }
  buf += i === 0 ? '[]' : '\n]';
  if (!res.destroyed) {
    bytes += Buffer.byteLength(buf);
    res.end(buf);
  }
  return { elements: keepAll ? [] : kept, total: i, all: keepAll ? kept : undefined, bytes };
}

export const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in</title></head>
<body>
<form method="post" action="/oauth2/sign_in"><h1>Sign in to continue</h1>
<input name="username" placeholder="Username"><input name="password" type="password" placeholder="Password">
<button type="submit">Sign in</button></form>
</body>
</html>
`;
