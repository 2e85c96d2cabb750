/**
 * The planner fetches per-item detail through this interface, only for the candidates it examines,
 * in search order. The runner backs it with the Radarr/Sonarr clients; unit tests with in-memory data.
 */
import type { Episode, MediaFile, RenamePreview } from '../../arr/model';

export interface DetailLoader {
  /** Radarr /moviefile?movieId=… (files with real custom-format scores) */
  movieFiles(movieIds: readonly number[]): Promise<MediaFile[]>;
  /** Radarr /rename?movieId=…; Sonarr /rename?seriesId= per series */
  renames(entryIds: readonly number[]): Promise<RenamePreview[]>;
  /** Sonarr /episode?seriesId= */
  episodes(seriesId: number): Promise<Episode[]>;
  /** Sonarr /episodefile?seriesId= (with real custom-format scores) */
  episodeFiles(seriesId: number): Promise<MediaFile[]>;
}
