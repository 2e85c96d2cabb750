/**
 * The state store: small durable JSON documents the engine and scheduler keep between runs
 * (cycle progress, next-run times, budget spends, pauses, backoff, refresh times), one file per
 * document under `<dataDir>/state/<type>/<key>.json`:
 *
 *   { "type": "job-cycle", "version": 1, "savedAt": "…", "data": { … } }
 *
 * - Writes are atomic (temporary file, fsync, rename, fsync of the folder): a crash leaves the old
 *   document or the new one. One file per document keeps each write small: a run's cycle update
 *   does not rewrite 40,000 refresh times.
 * - Reads validate against the type's schema and migrate older versions; a document written by a
 *   newer Trawlarr is refused (a downgrade must not erase it). A damaged document (a power cut can
 *   leave zeros; not JSON, another type, invalid) of a type marked 'quarantine' is renamed
 *   `*.corrupt-<time>` with a warning naming it and read as the initial value; of a 'throw' type
 *   it throws a StateFileError naming the file (the caller may recover: see `setAside`).
 * - `update` is a read-modify-write under a per-document lock, so concurrent updates in this
 *   process do not lose each other's changes. One process owns a data directory.
 *
 * Typed document types are in ./documents.ts; new ones are a `defineDocument` call away.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import type { DocumentType } from './document';

export class StateFileError extends Error {
  override name = 'StateFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
    /** the content is damaged (not JSON, not this type, invalid): recoverable by setting it aside; not a newer version or an unreadable file */
    readonly damaged = false,
    advice = damaged ? '; move it aside or delete it to reset this state' : '',
  ) {
    super(`state file ${file}: ${reason}${advice}`);
  }
}

export interface StateStoreOptions {
  now?: () => number;
  warn?: (message: string) => void;
  /** a reader beside the owning process (`trawlarr status`): damage is warned about and read as the initial value, the file left alone */
  readOnly?: boolean;
}

interface Envelope {
  type: string;
  version: number;
  savedAt: string;
  data: unknown;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
/** Windows refuses these as file names, whatever the extension */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export class StateStore {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly now: () => number;
  private readonly warn: (m: string) => void;

  private constructor(
    readonly dir: string,
    private readonly options: StateStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.warn = options.warn ?? ((m) => process.emitWarning(m));
  }

  static async open(dataDir: string, options: StateStoreOptions = {}): Promise<StateStore> {
    const dir = join(dataDir, 'state');
    if (!options.readOnly) await fsp.mkdir(dir, { recursive: true });
    return new StateStore(dir, options);
  }

  /** The document, or the type's initial value when it was never written. */
  async read<T, S>(type: DocumentType<T, S>, key: string): Promise<T> {
    const file = this.fileOf(type, key);
    return this.locked(file, () => this.load(type, file));
  }

  async write<T, S>(type: DocumentType<T, S>, key: string, value: T): Promise<void> {
    const file = this.fileOf(type, key);
    return this.locked(file, () => this.save(type, file, value));
  }

  /** Reads, applies `change` and writes, with no other update of this document in between. */
  async update<T, S>(type: DocumentType<T, S>, key: string, change: (current: T) => T | Promise<T>): Promise<T> {
    const file = this.fileOf(type, key);
    return this.locked(file, async () => {
      const next = await change(await this.load(type, file));
      await this.save(type, file, next);
      return next;
    });
  }

  /**
   * Moves a document aside as `<file>.corrupt-<time>` (for a caller that recovers a damaged
   * 'throw' document its own way, e.g. the budget ledger from the history); returns the new name.
   */
  async setAside<T, S>(type: DocumentType<T, S>, key: string): Promise<string> {
    const file = this.fileOf(type, key);
    return this.locked(file, () => this.moveAside(file));
  }

  async delete<T, S>(type: DocumentType<T, S>, key: string): Promise<void> {
    const file = this.fileOf(type, key);
    return this.locked(file, () => fsp.rm(file, { force: true }));
  }

  /** Keys of every stored document of a type. */
  async keys<T, S>(type: DocumentType<T, S>): Promise<string[]> {
    const names = await fsp.readdir(join(this.dir, type.name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    return names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => decodeURIComponent(n.slice(0, -'.json'.length).replace(/^_(?=(con|prn|aux|nul|com\d|lpt\d)$)/i, '')))
      .sort();
  }

  private fileOf<T, S>(type: DocumentType<T, S>, key: string): string {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`state key ${JSON.stringify(key)} must be 1–200 characters of letters, digits, . _ / -`);
    const name = encodeURIComponent(key);
    return join(this.dir, type.name, `${RESERVED.test(name) ? '_' : ''}${name}.json`);
  }

  private locked<R>(file: string, task: () => Promise<R>): Promise<R> {
    const previous = this.locks.get(file) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    this.locks.set(file, tail);
    void tail.then(() => {
      if (this.locks.get(file) === tail) this.locks.delete(file);
    });
    return run;
  }

  private async load<T, S>(type: DocumentType<T, S>, file: string): Promise<T> {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return type.initial();
      throw new StateFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    try {
      return type.decode(this.parse(type, file, text));
    } catch (err) {
      if (!(err instanceof StateFileError) || !err.damaged) throw err;
      if (this.options.readOnly) {
        this.warn(`state file ${file}: ${err.reason}; read as empty here`);
        return type.initial();
      }
      if (type.onCorrupt === 'throw') throw err;
      const aside = await this.moveAside(file);
      this.warn(`state file ${file}: ${err.reason}; moved it to ${aside} and started afresh`);
      return type.initial();
    }
  }

  private async moveAside(file: string): Promise<string> {
    const aside = `${file}.corrupt-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    await fsp.rename(file, aside);
    return aside;
  }

  private parse<T, S>(type: DocumentType<T, S>, file: string, text: string): S {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      throw new StateFileError(file, 'is not valid JSON (damaged?)', true);
    }
    if (typeof envelope !== 'object' || envelope === null || envelope.type !== type.name || !Number.isInteger(envelope.version)) {
      throw new StateFileError(file, `is not a "${type.name}" state document`, true);
    }
    if (envelope.version > type.version) {
      throw new StateFileError(file, `was written by a newer Trawlarr (version ${envelope.version}; this one reads up to ${type.version})`);
    }
    let data = envelope.data;
    for (let v = envelope.version; v < type.version; v++) data = type.migrations[v](data);
    const result = type.schema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length ? issue.path.join('.') : 'data';
      throw new StateFileError(file, `${where}: ${issue.message}`, true);
    }
    return result.data;
  }

  private async save<T, S>(type: DocumentType<T, S>, file: string, value: T): Promise<void> {
    const data = type.encode(value);
    const checked = type.schema.safeParse(data);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`refusing to save invalid "${type.name}" state: ${issue.path.join('.') || 'data'}: ${issue.message}`);
    }
    const envelope: Envelope = { type: type.name, version: type.version, savedAt: new Date(this.now()).toISOString(), data: checked.data };
    await fsp.mkdir(join(this.dir, type.name), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(envelope) + '\n', { mode: 0o600 });
  }
}
