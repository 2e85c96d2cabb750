/**
 * A document type of the state store: a name (its folder), a version, the zod schema of the stored
 * form, the value a missing document starts from, and optionally a codec (a compact stored form
 * decoded to a handier in-memory one) and migrations from older versions.
 */
import type { z } from 'zod';

export interface DocumentType<T, Stored = T> {
  /** folder name: a-z, 0-9 and - */
  readonly name: string;
  readonly version: number;
  readonly schema: z.ZodType<Stored>;
  /** the value of a document never written */
  readonly initial: () => T;
  readonly decode: (stored: Stored) => T;
  readonly encode: (value: T) => Stored;
  /** key n: turns version-n data into version-(n + 1) data */
  readonly migrations: Readonly<Record<number, (data: unknown) => unknown>>;
  /**
   * What an unreadable file does: 'throw' (default) stops with an error naming the file, for state
   * whose loss could cost someone's indexer (budgets, cycle progress); 'quarantine' moves the file
   * aside with a warning and starts from `initial`, for state that is cheap to lose.
   */
  readonly onCorrupt: 'throw' | 'quarantine';
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

export function defineDocument<T, Stored = T>(def: {
  name: string;
  version: number;
  schema: z.ZodType<Stored>;
  initial: () => T;
  decode?: (stored: Stored) => T;
  encode?: (value: T) => Stored;
  migrations?: Record<number, (data: unknown) => unknown>;
  onCorrupt?: 'throw' | 'quarantine';
}): DocumentType<T, Stored> {
  if (!NAME.test(def.name)) throw new Error(`state document name "${def.name}" must be a-z, 0-9 and -`);
  if (!Number.isInteger(def.version) || def.version < 1) throw new Error(`state document "${def.name}": version must be a whole number >= 1`);
  for (let v = 1; v < def.version; v++) {
    if (!def.migrations?.[v]) throw new Error(`state document "${def.name}": no migration from version ${v}`);
  }
  return {
    name: def.name,
    version: def.version,
    schema: def.schema,
    initial: def.initial,
    decode: def.decode ?? ((s) => s as unknown as T),
    encode: def.encode ?? ((v) => v as unknown as Stored),
    migrations: def.migrations ?? {},
    onCorrupt: def.onCorrupt ?? 'throw',
  };
}
