/** Radarr's availability and status rules (spec/arr/NOTES.md §5, `Movie.IsAvailable()`), against an injected clock. */
import type { MovieRec, MovieStatus } from './types';

const DAY = 86_400_000;

/** The date from which the movie counts as available, undefined when it never does. */
export function availableFrom(movie: MovieRec, delayDays = 0): number | undefined {
  let date: number | undefined;
  switch (movie.minimumAvailability) {
    case 'tba':
    case 'announced':
      return Number.NEGATIVE_INFINITY;
    case 'inCinemas':
      date = movie.inCinemas;
      break;
    default:
      date = releaseDate(movie);
  }
  return date === undefined ? undefined : date + delayDays * DAY;
}

/** Radarr's `releaseDate`: the earlier of the physical and digital release, else inCinemas + 90 days. */
export function releaseDate(movie: MovieRec): number | undefined {
  const { physicalRelease: p, digitalRelease: d, inCinemas: c } = movie;
  if (p !== undefined || d !== undefined) return Math.min(p ?? Infinity, d ?? Infinity);
  return c === undefined ? undefined : c + 90 * DAY;
}

export function isAvailable(movie: MovieRec, now: number): boolean {
  const from = availableFrom(movie);
  return from !== undefined && from <= now;
}

/** What TMDb-derived status the movie has at `now`. */
export function movieStatus(movie: MovieRec, now: number): MovieStatus {
  const released = [movie.physicalRelease, movie.digitalRelease].filter((d): d is number => d !== undefined && d <= now);
  if (released.length > 0) return 'released';
  if (movie.inCinemas !== undefined) {
    if (movie.inCinemas <= now) return movie.inCinemas + 90 * DAY <= now ? 'released' : 'inCinemas';
    return 'announced';
  }
  if (movie.physicalRelease !== undefined || movie.digitalRelease !== undefined) return 'announced';
  return 'tba';
}
