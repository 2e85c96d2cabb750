/**
 * The upstream OpenAPI specs, vendored in spec/arr (their sources and checksums in
 * spec/arr/SOURCES.md), so a bare clone checks its exchanges against the same documents that
 * `npm run gen:api` builds the client types from. Loaded once per app and path templates compiled
 * for matching.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ArrApp = 'radarr' | 'sonarr';

export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, SchemaObject> };
}

export type SchemaObject = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header';
  schema?: SchemaObject;
}

export interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the specs live: the repository's own copies, never a folder outside it. */
export function specDir(): string {
  return resolve(REPO_ROOT, 'spec/arr');
}

const cache = new Map<ArrApp, OpenApiDoc>();

export function loadSpec(app: ArrApp): OpenApiDoc {
  let doc = cache.get(app);
  if (!doc) {
    const file = resolve(specDir(), `${app}-openapi.json`);
    try {
      doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc;
    } catch (e) {
      throw new Error(`cannot read the ${app} OpenAPI spec at ${file}: ${(e as Error).message}`, { cause: e });
    }
    cache.set(app, doc);
  }
  return doc;
}

export interface PathTemplate {
  template: string;
  re: RegExp;
  params: string[];
}

/** Templates ordered so literal segments win over parameters (/tag/detail before /tag/{id}). */
export function pathTemplates(doc: OpenApiDoc): PathTemplate[] {
  return Object.keys(doc.paths)
    .map((template) => {
      const params: string[] = [];
      const pattern = template
        .split('/')
        .map((seg) => {
          const m = /^\{(\w+)\}$/.exec(seg);
          if (m) {
            params.push(m[1]);
            return '([^/]+)';
          }
          return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        })
        .join('/');
      return { template, re: new RegExp(`^${pattern}/?$`, 'i'), params };
    })
    .sort((a, b) => a.params.length - b.params.length);
}
