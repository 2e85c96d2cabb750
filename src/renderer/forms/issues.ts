/**
 * Turns zod issues into one specific message per form field. The settings schema's own messages
 * (regexes, refinements) are already written for people; zod's generic ones ("Too small: expected
 * number to be >=2") are rewritten here so every field says what it needs.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** ["activeHours", 0, "start"] → "activeHours.0.start": the key a field registers under. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
      if (issue.origin === 'string' && /^Too small/.test(issue.message)) return Number(issue.minimum) <= 1 ? 'is required' : `must be at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array' && /^Too small/.test(issue.message)) return `needs at least ${String(issue.minimum)}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number') return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
      if (issue.origin === 'string' && /^Too big/.test(issue.message)) return `must be at most ${String(issue.maximum)} characters`;
      return issue.message;
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'enter a number';
      if (/^Invalid input/.test(issue.message)) return 'is required';
      return issue.message;
    case 'invalid_value':
      return /^Invalid (input|option)/.test(issue.message) ? `must be one of ${issue.values.map(String).join(', ')}` : issue.message;
    case 'invalid_format':
      if (issue.format === 'date' && /^Invalid/.test(issue.message)) return 'use a date such as 2025-01-31';
      return issue.message;
    case 'invalid_union':
      return /^Invalid input/.test(issue.message) ? 'is not valid here' : issue.message;
    default:
      return issue.message;
  }
}

/**
 * First message per field. For a union (schedule: every | cron) zod reports one branch per
 * alternative; the branch matching the keys the user filled in is the one worth showing.
 */
export function fieldErrors(error: z.ZodError | undefined, prefix: readonly PropertyKey[] = []): FieldErrors {
  const out: FieldErrors = {};
  if (!error) return out;
  const add = (issue: z.core.$ZodIssue, base: readonly PropertyKey[]) => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = issue.errors.find((issues) => issues.every((i) => i.code !== 'invalid_type')) ?? issue.errors[0];
      for (const inner of branch) add(inner, [...base, ...issue.path]);
      return;
    }
    const full = [...base, ...issue.path];
    if (prefix.some((p, i) => full[i] !== p)) return;
    const key = pathKey(full.slice(prefix.length));
    if (!(key in out)) out[key] = issueMessage(issue);
  };
  for (const issue of error.issues) add(issue, []);
  return out;
}

/** Errors under one sub-path, re-keyed relative to it: for a sub-form inside a larger draft. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  const p = `${prefix}.`;
  for (const [k, v] of Object.entries(errors)) {
    if (k === prefix) out[''] = v;
    else if (k.startsWith(p)) out[k.slice(p.length)] = v;
  }
  return out;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
