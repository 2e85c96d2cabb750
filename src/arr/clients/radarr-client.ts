/**
 * Radarr (v4–v6, API v3). Movies are the unit of everything here.
 */
import { type components } from '../generated/radarr';
import { type ArrInstance } from '../http/endpoint';
import { toMovie, toMovieFile, toMovieGrab, toMovieQueueRecord, toMovieRename } from '../map/radarr';
import { type Command, type GrabRecord, type MediaFile, type Movie, type QueueRecord, type RenamePreview, type SearchCommandBody } from '../model';
import { ArrClient, QUERY_ID_CHUNK, type ArrClientOptions, type PageOptions, type TagAction, type WantedOptions } from './base-client';
import { chunks, versionAtLeast } from './ids';

type S = components['schemas'];

export type RadarrCommandBody = Extract<SearchCommandBody, { name: 'MoviesSearch' | 'RefreshMovie' | 'RenameMovie' }>;


export class RadarrClient extends ArrClient {
  readonly kind = 'radarr' as const;

  constructor(instance: ArrInstance, options?: ArrClientOptions) {
    super(instance, 'radarr', options);
  }

  /** /wanted/* exist from 5.6.0; on v4 filter movies() instead (spec/arr/NOTES.md §14). */
  get hasWantedEndpoints(): boolean {
    return this.atLeast('5.6.0');
  }

  /**
   * GET /movie (no paging: every movie). Parsed as a stream into slim Movies, so a 40k library
   * never exists in memory as text or as the full object graph.
   */
  movies(options: { signal?: AbortSignal } = {}): Promise<Movie[]> {
    return this.http.array({ method: 'GET', path: '/movie', query: { excludeLocalCovers: true }, long: true, signal: options.signal }, toMovie);
  }

  /** GET /moviefile?movieId=..: the files with their real custom-format scores, which /movie lacks (spec/arr/NOTES.md §5). */
  async movieFiles(movieIds: Iterable<number>): Promise<MediaFile[]> {
    const ids = this.ids(movieIds, 'movie ids');
    // repeated movieId works from 5.3.3; v4 takes one id per request
    const size = this.atLeast('5.3.3') ? QUERY_ID_CHUNK : 1;
    const out: MediaFile[] = [];
    for (const part of chunks(ids, size)) {
      out.push(...(await this.http.array({ method: 'GET', path: '/moviefile', query: { movieId: part } }, toMovieFile)));
    }
    return out;
  }

  /** Monitored movies without a file, page by page. Radarr does not filter on availability here: the engine must. */
  wantedMissing(options: WantedOptions = {}): AsyncGenerator<Movie> {
    return this.paged('/wanted/missing', { monitored: options.monitored ?? true }, { ...options, sortKey: options.sortKey ?? 'movieMetadata.sortTitle' }, toMovie);
  }

  /** Movies whose file's quality is below the cutoff (quality only), page by page. */
  wantedCutoff(options: WantedOptions = {}): AsyncGenerator<Movie> {
    return this.paged('/wanted/cutoff', { monitored: options.monitored ?? true }, { ...options, sortKey: options.sortKey ?? 'movieMetadata.sortTitle' }, toMovie);
  }

  /** The download queue, page by page (movie items only). */
  queue(options: PageOptions = {}): AsyncGenerator<QueueRecord> {
    return this.paged('/queue', { includeUnknownMovieItems: false, includeMovie: false }, { ...options, pageSize: options.pageSize ?? 200 }, toMovieQueueRecord);
  }

  /** Grabbed events since `since` (inclusive), oldest first. */
  grabbedSince(since: Date): Promise<GrabRecord[]> {
    return this.http.array(
      { method: 'GET', path: '/history/since', query: { date: since.toISOString(), eventType: 'grabbed', includeMovie: false }, long: true },
      toMovieGrab,
    );
  }

  /** Files of these movies whose name would change on rename (only those are returned). */
  async renamePreview(movieIds: Iterable<number>): Promise<RenamePreview[]> {
    const ids = this.ids(movieIds, 'movie ids');
    // repeated movieId works from 5.27.1; earlier versions take one id per request
    const size = this.atLeast('5.27.1') ? QUERY_ID_CHUNK : 1;
    const out: RenamePreview[] = [];
    for (const part of chunks(ids, size)) {
      out.push(...(await this.http.array({ method: 'GET', path: '/rename', query: { movieId: part } }, toMovieRename)));
    }
    return out;
  }

  /** POST /command: MoviesSearch, RefreshMovie or RenameMovie for the given (non-empty) ids. */
  sendCommand(body: RadarrCommandBody): Promise<Command> {
    return this.postCommand(body);
  }

  /** PUT /movie/editor in chunks: adds or removes tags, leaving the movies' other tags alone. */
  editTags(movieIds: Iterable<number>, tagIds: Iterable<number>, action: TagAction): Promise<void> {
    return this.editInChunks('/movie/editor', 'movie ids', movieIds, tagIds, action, (part, tags, applyTags): S['MovieEditorResource'] => ({
      movieIds: part,
      tags,
      applyTags,
    }));
  }

  private atLeast(version: string): boolean {
    return !this.info || versionAtLeast(this.info.version, version);
  }
}
