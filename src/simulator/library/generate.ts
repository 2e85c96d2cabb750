/** Library generator entry: sizes, and the anchor day that makes a seed reproducible. */
import { generateRadarr } from './generate-radarr';
import { generateSonarr } from './generate-sonarr';
import type { ArrApp, Library, LibrarySize } from './types';

/** Named sizes: movies for Radarr, series for Sonarr (about 62 episodes each). */
export const LIBRARY_SIZES = {
  tiny: { movies: 40, series: 15 },
  small: { movies: 400, series: 40 },
  medium: { movies: 5_000, series: 500 },
  large: { movies: 40_000, series: 4_000 },
} as const;

export function itemCount(app: ArrApp, size: LibrarySize): number {
  if (typeof size === 'string') {
    const preset = LIBRARY_SIZES[size];
    if (!preset) throw new Error(`unknown library size "${size}" (use tiny, small, medium, large, {movies:N} or {series:N})`);
    return app === 'radarr' ? preset.movies : preset.series;
  }
  const n = 'movies' in size ? size.movies : size.series;
  if (app === 'radarr' && !('movies' in size)) throw new Error('a Radarr library size is given as {movies: N}');
  if (app === 'sonarr' && !('series' in size)) throw new Error('a Sonarr library size is given as {series: N}');
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new Error(`library size must be a whole number from 0 to 1,000,000, got ${n}`);
  return n;
}

/**
 * The whole hour `now` falls in: relative dates (releases, airings "1 h ago") hang off it, so the
 * same seed within the same hour gives the same library, and "aired 1 h before the anchor" is
 * still inside a 3 h grace at any minute of that hour.
 */
export function anchorHour(now: number): number {
  return Math.floor(now / 3_600_000) * 3_600_000;
}

export interface GenerateOptions {
  app: ArrApp;
  seed: number;
  size?: LibrarySize;
  /** epoch ms; relative dates (future releases, recent airings) hang off its hour */
  now: number;
}

export function generateLibrary(opts: GenerateOptions): Library {
  const count = itemCount(opts.app, opts.size ?? 'small');
  const anchor = anchorHour(opts.now);
  return opts.app === 'radarr' ? generateRadarr(opts.seed, count, anchor) : generateSonarr(opts.seed, count, anchor);
}
