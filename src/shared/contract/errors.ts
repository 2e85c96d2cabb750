/**
 * How failures cross a transport: every call resolves to an envelope, so field-level messages
 * survive Electron's contextBridge (which keeps only an Error's message) and HTTP alike.
 */
import type { z } from 'zod';
import { describeSettingsPath } from '../settings';

/** `keyring-unavailable`: the desktop app cannot store an API key because the system offers no keyring to encrypt it. */
export const ERROR_CODES = ['invalid-request', 'not-found', 'conflict', 'unsupported', 'unavailable', 'keyring-unavailable', 'forbidden', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractIssue {
  /** path inside the request, e.g. ["job", "tag"] */
  path: (string | number)[];
  /** the path made readable, naming instances and jobs by id: `job.tag`, `instances["radarr"].url` */
  field: string;
  message: string;
}

export interface ContractFailure {
  code: ErrorCode;
  message: string;
  issues?: ContractIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractFailure };

/**
 * Thrown by an AppService for an expected failure (unknown instance, invalid settings, feature not
 * available in this mode). Its message reaches the user as is: it must be clear and never hold a key.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ContractIssue[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Thrown by the renderer-side API when a call fails; carries the issues for inline form messages. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly issues: ContractIssue[];
  constructor(readonly channel: string, failure: ContractFailure) {
    super(failure.message);
    this.name = 'ContractError';
    this.code = failure.code;
    this.issues = failure.issues ?? [];
  }
  /** The message for one form field, if any, e.g. issueFor(['job', 'tag']). */
  issueFor(path: readonly (string | number)[]): string | undefined {
    const key = JSON.stringify(path);
    return this.issues.find((i) => JSON.stringify(i.path) === key)?.message;
  }
}

export function issuesFromZod(error: z.ZodError, raw: unknown): ContractIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path.length ? describeSettingsPath(path, raw) : '(request)';
    return { path, field, message: issue.message };
  });
}

/** "job.tag: tag may contain only a-z, 0-9 and -; job.id: …" */
export function describeIssues(issues: ContractIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  'invalid-request': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  internal: 500,
  unsupported: 501,
  unavailable: 503,
  'keyring-unavailable': 503,
};
