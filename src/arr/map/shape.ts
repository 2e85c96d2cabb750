/**
 * Minimal shape checks for what the servers send. Upstream fields are all optional in the specs
 * (nulls are left out, spec/arr/NOTES.md §1), so mappers default missing values; what they cannot default
 * (an element that is not an object, an item without an id) is a broken response.
 */

/** The server's JSON is not the shape the API promises. */
export class ResponseShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseShapeError';
  }
}

export function asObject<T>(value: unknown, what: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ResponseShapeError(`expected ${what} to be an object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  return value as T;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ResponseShapeError(`expected ${what} to be an array, got ${value === null ? 'null' : typeof value}`);
  return value;
}

/** An item's id: a positive integer, or the response is broken. */
export function idOf(o: { id?: number }, what: string): number {
  if (typeof o.id !== 'number' || !Number.isInteger(o.id) || o.id <= 0) throw new ResponseShapeError(`${what} without a valid id`);
  return o.id;
}

/** null and absent both mean "not set" upstream; the slim models use undefined. */
export const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
