/**
 * Gathers what a plan starts from: tags (the job's own created if missing, except in a dry run),
 * quality profiles, the download queue (search jobs only) and the library listing. Per-item detail
 * is fetched later, lazily, through `ClientLoader`.
 */
import { normalizeTagLabel } from '../../arr';
import type { Episode, MediaFile, Movie, QualityProfile, RenamePreview, Series, Tag } from '../../arr/model';
import type { JobDefinition } from '../jobs/types';
import type { DetailLoader } from '../plan/loader';
import type { ArrPort } from './ports';

export interface Gathered {
  tags: Tag[];
  /** null when the tag does not exist and may not be created (dry run) */
  jobTagId: number | null;
  profiles: QualityProfile[];
  queue: { movieIds: number[]; episodeIds: number[] };
  movies?: Movie[];
  series?: Series[];
}

export async function gather(client: ArrPort, def: JobDefinition, tagLabel: string, createTag: boolean): Promise<Gathered> {
  let tags = await client.tags();
  const label = normalizeTagLabel(tagLabel);
  let jobTag = tags.find((t) => t.label.toLowerCase() === label);
  if (!jobTag && createTag) {
    jobTag = await client.ensureTag(label);
    tags = [...tags, jobTag];
  }
  const profiles = await client.qualityProfiles();
  const queue = def.needsQueue ? await queueIds(client) : { movieIds: [], episodeIds: [] };
  const listing = client.kind === 'radarr' ? { movies: await client.movies() } : { series: await client.series() };
  return { tags, jobTagId: jobTag?.id ?? null, profiles, queue, ...listing };
}

async function queueIds(client: ArrPort): Promise<Gathered['queue']> {
  const movieIds: number[] = [];
  const episodeIds: number[] = [];
  for await (const record of client.queue()) {
    if (record.movieId !== undefined) movieIds.push(record.movieId);
    if (record.episodeId !== undefined) episodeIds.push(record.episodeId);
  }
  return { movieIds, episodeIds };
}

/** The planner's detail loader on top of a client; episodes are kept for grab and recovery lookups. */
export class ClientLoader implements DetailLoader {
  private readonly episodeCache = new Map<number, Episode[]>();

  constructor(private readonly client: ArrPort) {}

  movieFiles(movieIds: readonly number[]): Promise<MediaFile[]> {
    if (this.client.kind !== 'radarr') throw new Error('movie files are a Radarr call');
    return this.client.movieFiles(movieIds);
  }

  renames(entryIds: readonly number[]): Promise<RenamePreview[]> {
    return this.client.renamePreview(entryIds);
  }

  async episodes(seriesId: number): Promise<Episode[]> {
    if (this.client.kind !== 'sonarr') throw new Error('episodes are a Sonarr call');
    const cached = this.episodeCache.get(seriesId);
    if (cached) return cached;
    const episodes = await this.client.episodes(seriesId);
    this.episodeCache.set(seriesId, episodes);
    return episodes;
  }

  episodeFiles(seriesId: number): Promise<MediaFile[]> {
    if (this.client.kind !== 'sonarr') throw new Error('episode files are a Sonarr call');
    return this.client.episodeFiles(seriesId);
  }

  /** Fetches again (the cached list may be from before a search). */
  forget(seriesId: number): void {
    this.episodeCache.delete(seriesId);
  }
}
