/** Query-string access with ASP.NET's binding rules: case-insensitive names, repeated keys, typed values. */
import { bindingProblem } from './errors';

export class Query {
  readonly raw: Record<string, string[]> = {};
  readonly #lower = new Map<string, { name: string; values: string[] }>();

  constructor(params: URLSearchParams) {
    for (const [k, v] of params) {
      (this.raw[k] ??= []).push(v);
      const key = k.toLowerCase();
      let entry = this.#lower.get(key);
      if (!entry) this.#lower.set(key, (entry = { name: k, values: [] }));
      entry.values.push(v);
    }
  }

  all(name: string): string[] {
    return this.#lower.get(name.toLowerCase())?.values.filter((v) => v !== '') ?? [];
  }

  get(name: string): string | undefined {
    return this.all(name)[0];
  }

  has(name: string): boolean {
    return this.all(name).length > 0;
  }

  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    return toInt(name, v);
  }

  ints(name: string): number[] {
    return this.all(name).map((v) => toInt(name, v));
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.get(name);
    if (v === undefined) return fallback;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw bindingProblem({ [name]: [`The value '${v}' is not valid.`] });
  }
}

function toInt(name: string, v: string): number {
  if (!/^-?\d+$/.test(v.trim()) || Math.abs(Number(v)) > 2_147_483_647) throw bindingProblem({ [name]: [`The value '${v}' is not valid.`] });
  return Number(v);
}
