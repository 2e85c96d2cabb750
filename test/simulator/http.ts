/** Minimal HTTP helper for simulator tests: real requests over the socket, body parsed when JSON. */
import type { Simulator } from '../../src/simulator/index.js';

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(sim: Simulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const r = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'X-Api-Key': sim.apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

/** GET and assert 200, returning the parsed body */
export async function get<T = unknown>(sim: Simulator, path: string): Promise<T> {
  const r = await call(sim, 'GET', path);
  if (r.status !== 200) throw new Error(`GET ${path} → ${r.status}: ${r.text.slice(0, 300)}`);
  return r.json as T;
}
