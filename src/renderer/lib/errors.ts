import { ContractError } from '../../shared/contract/errors';

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Per-field messages a backend rejection carried, relative to `prefix` (e.g. ["job"] for saveJob),
 * keyed like the form's own errors ("filters.includeTags").
 */
export function serverFieldErrors(err: unknown, prefix: readonly (string | number)[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ContractError)) return out;
  for (const issue of err.issues) {
    if (prefix.some((p, i) => issue.path[i] !== p)) continue;
    const key = issue.path.slice(prefix.length).map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
