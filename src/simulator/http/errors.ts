/** The error shapes of the real apps (spec/arr/NOTES.md §4), thrown by handlers and written by the server. */
import { randomBytes } from 'node:crypto';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

const traceId = () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;

/** ApiException family: `{"message": ...}` */
export const apiError = (status: number, message: string) => new HttpError(status, { message });

/** Any other exception: 500 with message and the exception text */
export const serverError = (message: string, type = 'System.ApplicationException') =>
  new HttpError(500, { message, description: `${type}: ${message}\n   at NzbDrone.Core.Datastore.BasicRepository\`1.Get(IEnumerable\`1 ids)` });

export const conflict = (message: string) => new HttpError(409, { message, description: `NzbDrone.Core.Datastore.ModelConflictException: ${message}` });

/** FluentValidation failures: a bare array */
export function validationError(failures: { propertyName: string; errorMessage: string; attemptedValue: unknown; errorCode: string }[]): HttpError {
  return new HttpError(
    400,
    failures.map((f) => ({
      propertyName: f.propertyName,
      errorMessage: f.errorMessage,
      attemptedValue: f.attemptedValue,
      severity: 'error',
      errorCode: f.errorCode,
      formattedMessagePlaceholderValues: { PropertyName: f.propertyName, PropertyValue: f.attemptedValue },
    })),
  );
}

export const notEmpty = (propertyName: string, attemptedValue: unknown) => ({
  propertyName,
  errorMessage: `'${propertyName}' must not be empty.`,
  attemptedValue,
  errorCode: 'NotEmptyValidator',
});

/** ASP.NET ProblemDetails for `GET /{resource}/{id}` misses */
export const notFoundProblem = () =>
  new HttpError(404, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: 'Not Found', status: 404, traceId: traceId() });

/** ASP.NET ProblemDetails for model-binding failures (bad JSON, wrong type) */
export const bindingProblem = (errors: Record<string, string[]>) =>
  new HttpError(400, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.', status: 400, errors, traceId: traceId() });
