/**
 * The upstream OpenAPI specs (../shared/arr-api beside the repo: CI clones the repo with shared/
 * next to it). Loaded once per app and path templates compiled for matching.
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

/** Where the specs live: $TRAWLARR_ARR_API_DIR, else ../shared/arr-api from the repo root. */
export function specDir(): string {
  return process.env.TRAWLARR_ARR_API_DIR ?? resolve(REPO_ROOT, '../shared/arr-api');
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
