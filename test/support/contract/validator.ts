/**
 * Checks one HTTP exchange against the upstream OpenAPI spec: the path template and method exist,
 * query parameters are documented and well-typed, the JSON request body matches the requestBody
 * schema, and a JSON response body matches the documented schema for its status.
 *
 * Only what the spec says is checked (SOURCES.md: the specs document no error bodies and no
 * command bodies):
 * - error responses (4xx/5xx) are not documented, so their bodies are not checked;
 * - Swashbuckle documents every success as "200"; the apps answer 201/202 on creates and bulk
 *   edits with the same resource, so any 2xx is checked against the documented success schema;
 * - `Command`/`CommandResource` are opened to extra properties, because each command carries its
 *   own parameters (movieIds, seriesId, …) that the spec does not list;
 * - `apikey` is accepted as a query parameter everywhere (the spec's security scheme).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadSpec, pathTemplates, type ArrApp, type OpenApiDoc, type OperationObject, type ParameterObject, type PathTemplate, type SchemaObject } from './spec.js';

export interface ExchangeLike {
  method: string;
  path: string;
  query?: Record<string, string[]>;
  requestBody?: unknown;
  status: number;
  contentType?: string;
  responseBody?: unknown;
  responseSample?: { elements: unknown[]; total: number };
}

export interface Violation {
  app: ArrApp;
  method: string;
  path: string;
  status: number;
  where: 'path' | 'method' | 'query' | 'requestBody' | 'responseBody';
  message: string;
}

const OPENED_FOR_COMMANDS = ['Command', 'CommandResource'];

/** `{"nullable": true}` with no type means "any value" in OpenAPI 3.0; Ajv wants a type beside nullable. */
function dropUntypedNullable(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(dropUntypedNullable);
  const obj = node as Record<string, unknown>;
  if (obj.nullable === true && obj.type === undefined) delete obj.nullable;
  for (const v of Object.values(obj)) dropUntypedNullable(v);
}

function prepare(doc: OpenApiDoc): OpenApiDoc {
  const copy = structuredClone(doc);
  dropUntypedNullable(copy.components);
  for (const name of OPENED_FOR_COMMANDS) {
    const s = copy.components.schemas[name];
    if (s) s.additionalProperties = true;
  }
  return copy;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`)
    .join('; ');
}

function jsonSchemaOf(content: Record<string, { schema?: SchemaObject }> | undefined): { type: string; schema?: SchemaObject } | undefined {
  if (!content) return undefined;
  const type = ['application/json', 'text/json', 'application/*+json', 'text/plain'].find((t) => content[t]?.schema);
  return type ? { type, schema: content[type].schema } : undefined;
}

function checkParamValue(p: ParameterObject, value: string, doc: OpenApiDoc): string | undefined {
  let schema = p.schema ?? {};
  const isArray = schema.type === 'array';
  if (isArray) schema = (schema.items as SchemaObject) ?? {};
  const ref = schema.$ref as string | undefined;
  if (ref) schema = doc.components.schemas[ref.split('/').pop()!] ?? {};
  if (schema.type === 'integer' && !/^-?\d+$/.test(value)) {
    return `query parameter ${p.name}=${value} is not an integer${isArray ? ' (send repeated keys, not a comma list)' : ''}`;
  }
  if (schema.type === 'boolean' && !/^(true|false)$/i.test(value)) return `query parameter ${p.name}=${value} is not a boolean`;
  if (Array.isArray(schema.enum) && !(schema.enum as string[]).some((v) => v.toLowerCase() === value.toLowerCase()) && !/^\d+$/.test(value)) {
    return `query parameter ${p.name}=${value} is not one of ${(schema.enum as string[]).join(', ')}`;
  }
  return undefined;
}

export class ContractValidator {
  readonly #doc: OpenApiDoc;
  readonly #templates: PathTemplate[];
  readonly #ajv: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(readonly app: ArrApp) {
    this.#doc = prepare(loadSpec(app));
    this.#templates = pathTemplates(this.#doc);
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
    // .NET TimeSpan ("hh:mm:ss.fffffff", optionally with days)
    this.#ajv.addFormat('date-span', /^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/);
    this.#ajv.addSchema(this.#doc as unknown as SchemaObject, app);
  }

  #validator(ptr: string): ValidateFunction {
    let v = this.#compiled.get(ptr);
    if (!v) {
      v = this.#ajv.getSchema(`${this.app}#/${ptr}`);
      if (!v) throw new Error(`no schema at ${ptr} in the ${this.app} spec`);
      this.#compiled.set(ptr, v);
    }
    return v;
  }

  /** the spec template for a concrete path, e.g. /api/v3/movie/12 → /api/v3/movie/{id} */
  matchPath(path: string): PathTemplate | undefined {
    return this.#templates.find((t) => t.re.test(path));
  }

  check(x: ExchangeLike): Violation[] {
    const out: Violation[] = [];
    const v = (where: Violation['where'], message: string) => out.push({ app: this.app, method: x.method, path: x.path, status: x.status, where, message });
    const t = this.matchPath(x.path);
    if (!t) {
      v('path', `${x.path} is not a ${this.app} API path`);
      return out;
    }
    const method = x.method.toLowerCase();
    const op: OperationObject | undefined = this.#doc.paths[t.template][method];
    if (!op) {
      v('method', `${x.method} is not documented for ${t.template}`);
      return out;
    }
    const m = t.re.exec(x.path)!;
    const params = op.parameters ?? [];
    t.params.forEach((name, i) => {
      const p = params.find((q) => q.in === 'path' && q.name === name);
      const err = p && checkParamValue(p, decodeURIComponent(m[i + 1]), this.#doc);
      if (err) v('path', err.replace('query parameter', 'path parameter'));
    });
    for (const [name, values] of Object.entries(x.query ?? {})) {
      if (name.toLowerCase() === 'apikey') continue;
      const p = params.find((q) => q.in === 'query' && q.name.toLowerCase() === name.toLowerCase());
      if (!p) {
        v('query', `query parameter "${name}" is not documented for ${x.method} ${t.template}`);
        continue;
      }
      if (values.length > 1 && p.schema?.type !== 'array') v('query', `query parameter ${name} is repeated but takes a single value`);
      for (const value of values) {
        const err = checkParamValue(p, value, this.#doc);
        if (err) v('query', err);
      }
    }

    const base = ['paths', t.template, method];
    if (x.requestBody !== undefined) {
      const body = jsonSchemaOf(op.requestBody?.content);
      if (!body) v('requestBody', `${x.method} ${t.template} takes no JSON body`);
      else {
        const validate = this.#validator(pointer(...base, 'requestBody', 'content', body.type, 'schema'));
        if (!validate(x.requestBody)) v('requestBody', describe(validate.errors));
      }
    }

    if (x.status >= 200 && x.status < 300 && (x.responseBody !== undefined || x.responseSample) && (!x.contentType || /json/i.test(x.contentType))) {
      const responses = op.responses ?? {};
      const code = responses[String(x.status)] ? String(x.status) : responses['200'] ? '200' : undefined;
      const body = code ? jsonSchemaOf(responses[code].content) : undefined;
      if (body) {
        const ptr = pointer(...base, 'responses', code!, 'content', body.type, 'schema');
        if (x.responseSample) {
          if (body.schema?.type !== 'array') v('responseBody', `a list was served where the spec documents ${JSON.stringify(body.schema)}`);
          else {
            const items = this.#validator(`${ptr}/items`);
            x.responseSample.elements.forEach((el, i) => {
              if (!items(el)) v('responseBody', `sampled element ${i}: ${describe(items.errors)}`);
            });
          }
        } else {
          const validate = this.#validator(ptr);
          if (!validate(x.responseBody)) v('responseBody', describe(validate.errors));
        }
      }
    }
    return out;
  }
}

const validators = new Map<ArrApp, ContractValidator>();

export function contractValidator(app: ArrApp): ContractValidator {
  let v = validators.get(app);
  if (!v) validators.set(app, (v = new ContractValidator(app)));
  return v;
}

export function checkExchange(app: ArrApp, x: ExchangeLike): Violation[] {
  return contractValidator(app).check(x);
}
