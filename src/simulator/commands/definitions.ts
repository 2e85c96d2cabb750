/**
 * Commands the simulated apps know (names match upstream class names without "Command").
 * Only the parameters listed are read from a POST body; others are ignored as upstream does.
 */
import type { ArrApp } from '../library/types';

export type ParamType = 'int' | 'ints' | 'bool' | 'string';

export interface CommandDef {
  name: string;
  params: Record<string, ParamType>;
  requiresDiskAccess?: boolean;
  isLongRunning?: boolean;
}

const def = (name: string, params: Record<string, ParamType> = {}, extra: Partial<CommandDef> = {}): CommandDef => ({ name, params, ...extra });

const COMMON = [
  def('RssSync'),
  def('CheckHealth'),
  def('RefreshMonitoredDownloads'),
  def('ApplicationUpdateCheck'),
  def('Backup'),
  def('Housekeeping'),
  def('MessagingCleanup'),
  def('ClearBlocklist'),
  def('CleanUpRecycleBin'),
  def('ImportListSync'),
];

const RADARR = [
  def('MoviesSearch', { movieIds: 'ints' }),
  def('MissingMoviesSearch', { filterKey: 'string', filterValue: 'string' }),
  def('CutoffUnmetMoviesSearch', { filterKey: 'string', filterValue: 'string' }),
  def('RefreshMovie', { movieIds: 'ints', isNewMovie: 'bool' }, { isLongRunning: true }),
  def('RenameMovie', { movieIds: 'ints' }, { requiresDiskAccess: true }),
  def('RenameFiles', { movieId: 'int', files: 'ints' }, { requiresDiskAccess: true }),
  def('DownloadedMoviesScan', { path: 'string' }),
  ...COMMON,
];

const SONARR = [
  def('SeriesSearch', { seriesId: 'int' }),
  def('SeasonSearch', { seriesId: 'int', seasonNumber: 'int' }),
  def('EpisodeSearch', { episodeIds: 'ints' }),
  def('MissingEpisodeSearch', { seriesId: 'int', monitored: 'bool' }),
  def('CutoffUnmetEpisodeSearch', { seriesId: 'int', monitored: 'bool' }),
  def('RefreshSeries', { seriesIds: 'ints', seriesId: 'int', isNewSeries: 'bool' }, { isLongRunning: true }),
  def('RenameSeries', { seriesIds: 'ints' }, { requiresDiskAccess: true }),
  def('RenameFiles', { seriesId: 'int', files: 'ints' }, { requiresDiskAccess: true }),
  def('DownloadedEpisodesScan', { path: 'string' }),
  ...COMMON,
];

const byName = (list: CommandDef[]) => new Map(list.map((d) => [d.name.toLowerCase(), d]));
const DEFS = { radarr: byName(RADARR), sonarr: byName(SONARR) };

/** CommandController matches the name case-insensitively; an unknown name is a `.Single()` failure. */
export function findCommand(app: ArrApp, name: string): CommandDef | undefined {
  return DEFS[app].get(name.toLowerCase());
}
