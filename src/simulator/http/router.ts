/** A small route table: spec-style templates (`/api/v3/movie/{id}`), case-insensitive like ASP.NET routing. */
import type { IncomingMessage } from 'node:http';
import type { Query } from './query';
import type { SimState } from '../state';

export interface Ctx {
  sim: SimState;
  method: string;
  path: string;
  query: Query;
  body: unknown;
  params: Record<string, number>;
  req: IncomingMessage;
}

export type Reply =
  | { status: number; json?: unknown }
  | { status: number; list: Iterable<unknown>; total: number }
  | { status: number; html: string };

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

interface Route {
  method: string;
  template: string;
  re: RegExp;
  keys: string[];
  handler: Handler;
}

export class Router {
  readonly #routes: Route[] = [];

  add(method: string, template: string, handler: Handler): this {
    const keys: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, k: string) => {
      keys.push(k);
      return '(-?\\d+)';
    });
    this.#routes.push({ method, template, re: new RegExp(`^${pattern}/?$`, 'i'), keys, handler });
    return this;
  }

  /** the handler, 'method' when only the method is wrong, or undefined for an unknown route */
  match(method: string, path: string): { handler: Handler; params: Record<string, number>; template: string } | 'method' | undefined {
    let wrongMethod = false;
    for (const r of this.#routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        wrongMethod = true;
        continue;
      }
      const params: Record<string, number> = {};
      r.keys.forEach((k, i) => (params[k] = Number(m[i + 1])));
      return { handler: r.handler, params, template: r.template };
    }
    return wrongMethod ? 'method' : undefined;
  }
}
