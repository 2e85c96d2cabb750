/**
 * Sonarr (v3, v4; API v3). Series hold seasons hold episodes; searches are per episode, season or series.
 */
import { type components } from '../generated/sonarr';
import { type ArrInstance } from '../http/endpoint';
import { toEpisode, toEpisodeFile, toEpisodeGrab, toEpisodeQueueRecord, toEpisodeRename, toSeries } from '../map/sonarr';
import { type Command, type Episode, type GrabRecord, type MediaFile, type QueueRecord, type RenamePreview, type SearchCommandBody, type Series, type SystemInfo } from '../model';
import { ArrClient, QUERY_ID_CHUNK, type ArrClientOptions, type PageOptions, type TagAction, type WantedOptions } from './base-client';
import { chunks } from './ids';

type S = components['schemas'];

export type SonarrCommandBody = Extract<SearchCommandBody, { name: 'SeriesSearch' | 'SeasonSearch' | 'EpisodeSearch' | 'RefreshSeries' | 'RenameSeries' }>;


export class SonarrClient extends ArrClient {
  readonly kind = 'sonarr' as const;

  constructor(instance: ArrInstance, options?: ArrClientOptions) {
    super(instance, 'sonarr', options);
  }

  protected override onConnected(info: SystemInfo): void {
    // Sonarr v3 (Nancy) binds list parameters comma-separated (spec/arr/NOTES.md §1)
    this.http.listStyle = info.major === 3 ? 'comma' : 'repeat';
  }

  /** GET /series (no paging), parsed as a stream into slim Series with their seasons. */
  series(options: { signal?: AbortSignal } = {}): Promise<Series[]> {
    return this.http.array({ method: 'GET', path: '/series', query: { includeSeasonImages: false }, long: true, signal: options.signal }, toSeries);
  }

  /** Every episode of one series, specials (season 0) included. */
  async episodes(seriesId: number): Promise<Episode[]> {
    const [id] = this.ids([seriesId], 'series id');
    return this.http.array({ method: 'GET', path: '/episode', query: { seriesId: id, includeImages: false } }, toEpisode);
  }

  /** All files of one series, with their real custom-format scores. */
  async episodeFiles(seriesId: number): Promise<MediaFile[]> {
    const [id] = this.ids([seriesId], 'series id');
    return this.http.array({ method: 'GET', path: '/episodefile', query: { seriesId: id } }, toEpisodeFile);
  }

  /** Episode files by id (repeated episodeFileIds, chunked), with their real custom-format scores. */
  async episodeFilesByIds(episodeFileIds: Iterable<number>): Promise<MediaFile[]> {
    const out: MediaFile[] = [];
    for (const part of chunks(this.ids(episodeFileIds, 'episode file ids'), QUERY_ID_CHUNK)) {
      out.push(...(await this.http.array({ method: 'GET', path: '/episodefile', query: { episodeFileIds: part } }, toEpisodeFile)));
    }
    return out;
  }

  /** Aired episodes without a file (specials included), page by page. */
  wantedMissing(options: WantedOptions = {}): AsyncGenerator<Episode> {
    return this.paged('/wanted/missing', { includeSeries: false, includeImages: false, monitored: options.monitored ?? true }, this.wantedPaging(options), toEpisode);
  }

  /** Episodes whose file's quality is below the cutoff (quality only, no specials), page by page. */
  wantedCutoff(options: WantedOptions = {}): AsyncGenerator<Episode> {
    return this.paged(
      '/wanted/cutoff',
      { includeSeries: false, includeEpisodeFile: false, includeImages: false, monitored: options.monitored ?? true },
      this.wantedPaging(options),
      toEpisode,
    );
  }

  /** The download queue, page by page: one record per episode, so a season pack appears once per episode. */
  queue(options: PageOptions = {}): AsyncGenerator<QueueRecord> {
    return this.paged(
      '/queue',
      { includeUnknownSeriesItems: false, includeSeries: false, includeEpisode: false },
      { ...options, pageSize: options.pageSize ?? 200 },
      toEpisodeQueueRecord,
    );
  }

  /** Grabbed events since `since` (inclusive), oldest first. */
  grabbedSince(since: Date): Promise<GrabRecord[]> {
    return this.http.array(
      { method: 'GET', path: '/history/since', query: { date: since.toISOString(), eventType: 'grabbed', includeSeries: false, includeEpisode: false }, long: true },
      toEpisodeGrab,
    );
  }

  /** Files of these series whose name would change on rename. Sonarr takes one series per request. */
  async renamePreview(seriesIds: Iterable<number>): Promise<RenamePreview[]> {
    const out: RenamePreview[] = [];
    for (const id of this.ids(seriesIds, 'series ids')) {
      out.push(...(await this.http.array({ method: 'GET', path: '/rename', query: { seriesId: id } }, toEpisodeRename)));
    }
    return out;
  }

  /** POST /command: SeriesSearch, SeasonSearch, EpisodeSearch, RefreshSeries or RenameSeries. */
  sendCommand(body: SonarrCommandBody): Promise<Command> {
    return this.postCommand(body);
  }

  /** PUT /series/editor in chunks: adds or removes tags, leaving the series' other tags alone. */
  editTags(seriesIds: Iterable<number>, tagIds: Iterable<number>, action: TagAction): Promise<void> {
    return this.editInChunks('/series/editor', 'series ids', seriesIds, tagIds, action, (part, tags, applyTags): S['SeriesEditorResource'] => ({
      seriesIds: part,
      tags,
      applyTags,
    }));
  }

  private wantedPaging(options: WantedOptions): PageOptions {
    // v3 sorts by "airDateUtc", v4 by "episodes.airDateUtc" (spec/arr/NOTES.md §14)
    return { ...options, sortKey: options.sortKey ?? (this.info?.major === 3 ? 'airDateUtc' : 'episodes.airDateUtc') };
  }
}
