/** Radarr movie specifications. */
import type { MediaFile, Movie } from '../../arr/model';
import type { Spec, SpecContext } from './context';
import { DAY_MS, day, parseTime } from './format';
import { skip, type SkipReason } from './reason';

export const movieMonitored: Spec<Movie> = (movie) => (movie.monitored ? null : skip('unmonitored'));

export const movieHasNoFile: Spec<Movie> = (movie) => (movie.movieFileId > 0 ? skip('has-file') : null);

export const movieHasFile: Spec<Movie> = (movie) => (movie.movieFileId > 0 ? null : skip('no-file'));

export const movieNotInQueue: Spec<Movie> = (movie, ctx) => (ctx.queue.movieIds.has(movie.id) ? skip('in-queue') : null);

/**
 * Radarr's own `isAvailable` decides (it includes the availability delay, which the API does not
 * expose); the date in the text is our best reading of when that will change.
 */
export const movieAvailable: Spec<Movie> = (movie, ctx) => {
  if (movie.isAvailable) return null;
  const at = expectedAvailability(movie);
  if (at === undefined) return skip('not-available', 'not available: no release date yet');
  if (at > ctx.now) return skip('not-available', `not available until ${day(at)}`);
  return skip('not-available', `not available yet (released ${day(at)}, availability delay)`);
};

/** When Radarr's Movie.IsAvailable() would turn true, delay excluded (spec/arr/NOTES.md §5). */
export function expectedAvailability(movie: Movie): number | undefined {
  const cinemas = parseTime(movie.inCinemas);
  if (movie.minimumAvailability === 'inCinemas') return cinemas;
  if (movie.minimumAvailability === 'released') {
    const released = [parseTime(movie.physicalRelease), parseTime(movie.digitalRelease)].filter((t): t is number => t !== undefined);
    if (released.length > 0) return Math.min(...released);
    return cinemas === undefined ? undefined : cinemas + 90 * DAY_MS;
  }
  return undefined;
}

/**
 * The decision engine's rule (UpgradableSpecification.CutoffNotMet, spec/arr/NOTES.md §5): below the
 * quality cutoff, or a custom-format score below the profile's cutoffFormatScore. The score exists
 * only on /moviefile, so the planner fetches the file unless /movie already says the quality is
 * below the cutoff (then the score cannot change the answer).
 */
export const movieBelowCutoff: Spec<Movie> = (movie, ctx) => {
  const file = ctx.files.get(movie.movieFileId);
  if (!file) return movie.file?.qualityCutoffNotMet ? null : skip('no-file', 'no file (gone since the library was listed)');
  return fileBelowCutoff(file, movie.qualityProfileId, ctx);
};

/** Shared with episodes: null when the file can be upgraded, else the at-cutoff reason. */
export function fileBelowCutoff(file: MediaFile, profileId: number, ctx: SpecContext): SkipReason | null {
  if (file.qualityCutoffNotMet) return null;
  const profile = ctx.profiles.get(profileId);
  if (!profile) return skip('unknown-profile', `quality profile ${profileId} not found`);
  if (file.customFormatScore < profile.cutoffFormatScore) return null;
  return skip('at-cutoff', `at cutoff: ${file.quality}, score ${file.customFormatScore} ≥ ${profile.cutoffFormatScore}`);
}

/** Whether the planner must fetch this movie's file to run movieBelowCutoff. */
export function movieNeedsScore(movie: Movie): boolean {
  return movie.file?.qualityCutoffNotMet !== true;
}
