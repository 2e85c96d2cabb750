/**
 * What the runner needs from the outside, as narrow views of the real pieces: the Radarr/Sonarr
 * clients (src/arr), the history store, the state store and the scheduler's permit. The real
 * classes satisfy these structurally; tests pass the real ones against the simulator.
 */
import type { RadarrClient, SonarrClient } from '../../arr';
import type { HistoryEntry, HistoryPage, HistoryQuery, NewHistoryEntry } from '../../shared/status';

type Common = 'name' | 'tags' | 'ensureTag' | 'qualityProfiles' | 'getCommand' | 'commands' | 'grabbedSince' | 'editTags' | 'queue' | 'renamePreview';

export type RadarrPort = Pick<RadarrClient, 'kind' | Common | 'movies' | 'movieFiles' | 'sendCommand'>;
export type SonarrPort = Pick<SonarrClient, 'kind' | Common | 'series' | 'episodes' | 'episodeFiles' | 'sendCommand'>;
export type ArrPort = RadarrPort | SonarrPort;

export interface HistoryPort {
  append(entry: NewHistoryEntry): Promise<HistoryEntry>;
  /** used after a restart, to not record a command's outcome twice */
  query(q: HistoryQuery): Promise<HistoryPage>;
}
