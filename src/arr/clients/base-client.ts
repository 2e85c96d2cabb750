/**
 * What RadarrClient and SonarrClient share: app detection, health, tags, quality profiles, queue
 * status, commands, paged walks and the bulk tag editor. Upstream shapes come from the generated
 * spec types; every call returns the slim models of ../model.
 */
import { APP_NAMES, ArrError } from '../errors';
import { instanceLabel } from '../../shared/words';
import { ArrHttp, type ArrHttpOptions } from '../http/arr-http';
import { type ArrInstance } from '../http/endpoint';
import { type Query } from '../http/query';
import { toCommand, toHealthCheck, toListedCommand, toQualityProfile, toQueueStatus, toSystemInfo, toTag } from '../map/common';
import { asArray, asObject } from '../map/shape';
import { type ArrKind, type Command, type HealthCheck, type ListedCommand, type QualityProfile, type QueueStatus, type SearchCommandBody, type SystemInfo, type Tag } from '../model';
import { chunks, normalizeTagLabel, uniqueIds } from './ids';

export type ArrClientOptions = ArrHttpOptions;

export type TagAction = 'add' | 'remove';

/** Paging for /wanted/* and /queue. sortDirection is always sent: left out, the apps sort descending (spec/arr/NOTES.md §10). */
export interface PageOptions {
  pageSize?: number;
  sortKey?: string;
  sortDirection?: 'ascending' | 'descending';
  signal?: AbortSignal;
}

export interface WantedOptions extends PageOptions {
  /** default true: only monitored items (Sonarr: episode and series both monitored) */
  monitored?: boolean;
}

/** Failures of POST /tag after which the tag may exist anyway: read the tags before trying again. */
const TAG_RECHECK = new Set(['conflict', 'server-error', 'connection-reset', 'timeout', 'network']);

/** Ids per bulk-editor PUT: the 202 echoes every updated item, so keep each answer small (spec/arr/NOTES.md §8). */
export const EDITOR_CHUNK = 200;
/** Ids per GET with repeated-key ids: ~15 bytes each keeps URLs near 1.5 KB. */
export const QUERY_ID_CHUNK = 100;

export abstract class ArrClient {
  abstract readonly kind: ArrKind;
  protected readonly http: ArrHttp;
  #info: SystemInfo | undefined;

  constructor(instance: ArrInstance, expected: ArrKind, options: ArrClientOptions = {}) {
    if (instance.kind !== expected) {
      throw new TypeError(`${APP_NAMES[expected]} client created for "${instance.name}", which is configured as ${APP_NAMES[instance.kind]}`);
    }
    this.http = new ArrHttp(instance, options);
  }

  /** The instance's name, as in every error message. */
  get name(): string {
    return this.http.instance.name;
  }

  /** What connect() found; undefined before it. Version-dependent calls assume the current release until then. */
  get info(): SystemInfo | undefined {
    return this.#info;
  }

  /** GET /system/status: app name and version, whatever app it is. */
  systemStatus(): Promise<SystemInfo> {
    return this.http.json({ method: 'GET', path: '/system/status', apiRoot: true }, toSystemInfo);
  }

  /**
   * Detects what answers at the address; throws a "wrong-app" ArrError when it is not the configured
   * app (a Sonarr configured as Radarr, a Whisparr, anything else). Call once before the other calls.
   */
  async connect(): Promise<SystemInfo> {
    const info = await this.systemStatus();
    if (info.appName.toLowerCase() !== this.kind) {
      throw this.http.error({ kind: 'wrong-app', found: info.appName ? { appName: info.appName, version: info.version } : null });
    }
    this.#info = info;
    this.onConnected(info);
    return info;
  }

  /** Version-specific adjustments once the version is known. */
  protected onConnected(_info: SystemInfo): void {}

  health(): Promise<HealthCheck[]> {
    return this.http.array({ method: 'GET', path: '/health' }, toHealthCheck);
  }

  tags(): Promise<Tag[]> {
    return this.http.array({ method: 'GET', path: '/tag' }, toTag);
  }

  /**
   * The tag with this label, created if missing. The label is lowercased and limited to [a-z0-9-]
   * first (Radarr v6 rejects anything else). A 409 means someone created it between our read and
   * our POST (or a case collision, spec/arr/NOTES.md §7): read again and use theirs.
   */
  async ensureTag(label: string): Promise<Tag> {
    const wanted = normalizeTagLabel(label);
    if (!/[a-z0-9]/.test(wanted)) {
      throw new RangeError(`${this.label}: the tag label "${label}" needs at least one letter or digit`);
    }
    const find = (tags: Tag[]) => tags.find((t) => t.label.toLowerCase() === wanted);
    const existing = find(await this.tags());
    if (existing) return existing;
    const create = () => this.http.json({ method: 'POST', path: '/tag', body: { label: wanted } }, toTag);
    try {
      return await create();
    } catch (err) {
      // SQLite gives 409 on the UNIQUE constraint; Postgres probably 500 (spec/arr/NOTES.md §7). A lost
      // answer (connection closed, timeout) may have created it too: the tag list tells.
      if (!(err instanceof ArrError && TAG_RECHECK.has(err.kind))) throw err;
      const created = find(await this.tags());
      if (created) return created;
      if (err.kind === 'conflict') throw err;
      // no such tag: the POST did not get through, so sending it again creates it once
      return await create();
    }
  }

  qualityProfiles(): Promise<QualityProfile[]> {
    return this.http.array({ method: 'GET', path: '/qualityprofile' }, toQualityProfile);
  }

  queueStatus(): Promise<QueueStatus> {
    return this.http.json({ method: 'GET', path: '/queue/status' }, toQueueStatus);
  }

  /** GET /command/{id}: a 404 (kind "not-found") once the app has forgotten it (about a day, spec/arr/NOTES.md §9). */
  async getCommand(id: number): Promise<Command> {
    const [checked] = this.ids([id], 'a command id');
    return this.http.json({ method: 'GET', path: `/command/${checked}` }, toCommand);
  }

  /**
   * GET /command: the commands the app holds (queued, running, and ended ones for about a day), with
   * their bodies. After a POST /command whose answer was lost, this is where to see whether it arrived.
   */
  commands(): Promise<ListedCommand[]> {
    return this.http.array({ method: 'GET', path: '/command' }, toListedCommand);
  }

  /** Closes pooled connections; the client is unusable afterwards. */
  close(): void {
    this.http.close();
  }

  protected get label(): string {
    return instanceLabel(this.kind, this.name);
  }

  protected ids(ids: Iterable<number>, what: string): number[] {
    return uniqueIds(ids, `${this.label}: ${what}`);
  }

  /** POST /command (201). Id lists are checked and de-duplicated: an empty RefreshMovie list would refresh everything. */
  protected async postCommand(body: SearchCommandBody): Promise<Command> {
    const raw = body as unknown as Record<string, unknown>;
    const checked: Record<string, unknown> = { ...raw };
    for (const key of ['movieIds', 'seriesIds', 'episodeIds'] as const) {
      if (key in raw) {
        const ids = this.ids((raw[key] as number[] | null) ?? [], `${body.name} ${key}`);
        if (ids.length === 0) throw new RangeError(`${this.label}: ${body.name} needs at least one id in ${key}`);
        checked[key] = ids;
      }
    }
    for (const key of ['seriesId', 'seasonNumber'] as const) {
      if (key in raw) {
        const value = raw[key] as number;
        const ok = key === 'seriesId' ? Number.isInteger(value) && value > 0 : Number.isInteger(value) && value >= 0;
        if (!ok) throw new RangeError(`${this.label}: ${body.name} ${key} must be ${key === 'seriesId' ? 'a positive' : 'a non-negative'} integer (got ${String(value)})`);
      }
    }
    return this.http.json({ method: 'POST', path: '/command', body: checked }, toCommand);
  }

  /** Walks a paged endpoint, yielding each record once (a record moving between pages is not repeated). */
  protected async *paged<T extends { id: number }>(path: string, query: Query, options: PageOptions, map: (value: unknown) => T): AsyncGenerator<T> {
    const pageSize = options.pageSize ?? 250;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`${this.label}: pageSize must be a positive integer (got ${pageSize})`);
    const seen = new Set<number>();
    for (let page = 1; ; page++) {
      const { records, total } = await this.http.json(
        {
          method: 'GET',
          path,
          query: { ...query, page, pageSize, sortKey: options.sortKey, sortDirection: options.sortDirection ?? 'ascending' },
          long: true,
          signal: options.signal,
        },
        (value) => {
          const p = asObject<{ records?: unknown; totalRecords?: number }>(value, 'a page');
          return { records: asArray(p.records ?? [], 'the records of a page').map(map), total: p.totalRecords ?? 0 };
        },
      );
      for (const record of records) {
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        yield record;
      }
      if (records.length < pageSize || page * pageSize >= total) return;
    }
  }

  /** Checks a tag edit and runs it through the bulk editor in chunks; `build` makes each PUT body. */
  protected async editInChunks(
    path: string,
    what: string,
    ids: Iterable<number>,
    tagIds: Iterable<number>,
    action: TagAction,
    build: (part: number[], tags: number[], action: TagAction) => unknown,
  ): Promise<void> {
    // never "replace": that would strip the user's own tags from the items
    if (action !== 'add' && action !== 'remove') throw new RangeError(`${this.label}: tag action must be "add" or "remove" (got ${String(action)})`);
    const items = this.ids(ids, what);
    const tags = this.ids(tagIds, 'tag ids');
    if (tags.length === 0) throw new RangeError(`${this.label}: no tag ids given to ${action}`);
    // Chunks are applied in order. add/remove are idempotent (a tag added twice is added once), so
    // each PUT is retried like a read when its answer is lost, and after a failure the whole call can be repeated.
    for (const part of chunks(items, EDITOR_CHUNK)) {
      await this.http.discard({ method: 'PUT', path, body: build(part, tags, action), long: true, idempotent: true });
    }
  }
}
