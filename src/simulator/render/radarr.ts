/** Radarr MovieResource / MovieFileResource / rename preview as the real app serves them. */
import { isAvailable, movieStatus, releaseDate } from '../library/availability';
import { formatScore, qualityCutoffNotMet, qualityDef } from '../library/qualities';
import { hash } from '../library/rng';
import { CERTIFICATIONS, cleanTitle, GENRES, KEYWORDS, overviewFrom, pickN, slug, STUDIOS, titleFrom } from '../library/text';
import type { Library, MovieFileRec, MovieRec } from '../library/types';
import type { Version } from '../version';
import { customFormatResources, ENGLISH, iso, profileOf, qualityModel } from './common';

export interface MovieRenderOptions {
  now: number;
  version: Version;
  /** /movie, /movie/{id} and wanted records carry statistics and hasFile; the editor response does not */
  withStatistics: boolean;
  /** wanted records carry the computed custom-format score on movieFile */
  withFileScore: boolean;
}

const sortTitle = (t: string) => t.toLowerCase().replace(/^(the|a|an) /, '');
const folder = (m: MovieRec) => `${m.title} (${m.year})`;

export function movieFileName(lib: Library, m: MovieRec, f: MovieFileRec): string {
  return `${m.title} (${m.year}) {tmdb-${m.tmdbId}} [${qualityDef(lib.app, f.qualityId).name}]-${f.releaseGroup}.mkv`;
}

export function movieFileRelativePath(lib: Library, m: MovieRec, f: MovieFileRec): string {
  return f.needsRename ? `${m.title.replace(/ /g, '.')}.${m.year}.${qualityDef(lib.app, f.qualityId).name}-${f.releaseGroup}.mkv` : movieFileName(lib, m, f);
}

function mediaInfo(resolution: number, runtimeMin: number) {
  const uhd = resolution >= 2160;
  return {
    audioBitrate: 640_000,
    audioChannels: 5.1,
    audioCodec: uhd ? 'TrueHD Atmos' : 'AC3',
    audioLanguages: 'eng',
    audioStreamCount: 1,
    videoBitDepth: uhd ? 10 : 8,
    videoBitrate: uhd ? 45_000_000 : 9_000_000,
    videoCodec: uhd ? 'x265' : 'x264',
    videoFps: 23.976,
    videoDynamicRange: uhd ? 'HDR' : '',
    videoDynamicRangeType: uhd ? 'HDR10' : '',
    resolution: resolution >= 2160 ? '3840x2160' : resolution >= 1080 ? '1920x1080' : resolution >= 720 ? '1280x720' : '720x480',
    runTime: `${Math.floor(runtimeMin / 60)}:${String(runtimeMin % 60).padStart(2, '0')}:00`,
    scanType: 'Progressive',
    subtitles: 'English / French / German',
  };
}

/** `score`: true = computed (moviefile, wanted), 0 = placeholder (Radarr < 5.22.4 on /movie), false = left out. */
export function renderMovieFile(lib: Library, m: MovieRec, f: MovieFileRec, score: boolean | 0) {
  const profile = profileOf(lib, m.qualityProfileId);
  const relativePath = movieFileRelativePath(lib, m, f);
  return {
    movieId: m.id,
    relativePath,
    path: `/movies/${folder(m)}/${relativePath}`,
    size: f.size,
    dateAdded: iso(f.dateAdded),
    sceneName: relativePath.replace(/\.mkv$/, ''),
    releaseGroup: f.releaseGroup,
    edition: '',
    languages: [ENGLISH],
    quality: qualityModel(lib, f.qualityId),
    ...(score === true ? { customFormats: customFormatResources(lib, f.formatIds), customFormatScore: formatScore(profile, f.formatIds) } : {}),
    ...(score === 0 ? { customFormatScore: 0 } : {}),
    indexerFlags: 0,
    mediaInfo: mediaInfo(qualityDef(lib.app, f.qualityId).resolution, m.runtime),
    originalFilePath: `${m.title.replace(/ /g, '.')}.${m.year}/${relativePath}`,
    qualityCutoffNotMet: qualityCutoffNotMet(profile, f.qualityId),
    id: f.id,
  };
}

function alternateTitles(m: MovieRec) {
  const n = 1 + (hash(m.id, 21) % 4);
  const out = [];
  for (let i = 0; i < n; i++) {
    const title = titleFrom(hash(m.tmdbId, i, 22));
    out.push({ sourceType: i % 5 === 4 ? 'mappings' : 'tmdb', movieMetadataId: m.id, title, cleanTitle: cleanTitle(title), id: m.id * 20 + i });
  }
  return out;
}

function rating(seed: number, votesMax: number, scale: number, type: 'user' | 'critic') {
  return { votes: hash(seed) % votesMax, value: Math.round(((hash(seed, 1) % 1000) / 1000) * scale * 10) / 10, type };
}

export function renderMovie(lib: Library, m: MovieRec, opts: MovieRenderOptions) {
  const file = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
  const h = hash(m.tmdbId, 30);
  const folderName = `/movies/${folder(m)}`;
  const v = opts.version;
  const placeholderScore = v.atLeast(5, 22, 4) ? false : 0;
  return {
    title: m.title,
    originalTitle: m.title,
    originalLanguage: ENGLISH,
    alternateTitles: alternateTitles(m),
    secondaryYearSourceId: 0,
    sortTitle: sortTitle(m.title),
    sizeOnDisk: file ? file.size : 0,
    status: movieStatus(m, opts.now),
    overview: overviewFrom(h),
    inCinemas: iso(m.inCinemas),
    physicalRelease: iso(m.physicalRelease),
    digitalRelease: iso(m.digitalRelease),
    releaseDate: iso(releaseDate(m)),
    images: [
      { coverType: 'poster', url: `/MediaCover/${m.id}/poster.jpg?lastWrite=638000000000000000`, remoteUrl: `https://image.tmdb.org/t/p/original/${slug(m.title)}-${m.tmdbId}-poster.jpg` },
      { coverType: 'fanart', url: `/MediaCover/${m.id}/fanart.jpg?lastWrite=638000000000000000`, remoteUrl: `https://image.tmdb.org/t/p/original/${slug(m.title)}-${m.tmdbId}-fanart.jpg` },
    ],
    website: h % 3 === 0 ? `https://www.${cleanTitle(m.title)}.invalid` : '',
    remotePoster: `https://image.tmdb.org/t/p/original/${slug(m.title)}-${m.tmdbId}-poster.jpg`,
    year: m.year,
    youTubeTrailerId: h % 4 === 0 ? '' : `yt${h.toString(36)}`,
    studio: STUDIOS[h % STUDIOS.length],
    path: folderName,
    qualityProfileId: m.qualityProfileId,
    ...(opts.withStatistics || !v.atLeast(5, 3, 2) ? { hasFile: m.movieFileId > 0 } : {}),
    ...(v.atLeast(5) ? { movieFileId: m.movieFileId } : {}),
    monitored: m.monitored,
    minimumAvailability: m.minimumAvailability,
    isAvailable: isAvailable(m, opts.now),
    folderName,
    runtime: m.runtime,
    cleanTitle: cleanTitle(m.title),
    imdbId: m.imdbId,
    tmdbId: m.tmdbId,
    titleSlug: `${slug(m.title)}-${m.tmdbId}`,
    rootFolderPath: '/movies/',
    certification: CERTIFICATIONS[h % CERTIFICATIONS.length],
    genres: pickN(GENRES, h, 1 + (h % 3)),
    keywords: pickN(KEYWORDS, h + 1, 2 + (h % 4)),
    tags: m.tags,
    added: iso(m.added),
    ratings: {
      imdb: rating(h + 2, 900_000, 10, 'user'),
      tmdb: rating(h + 3, 20_000, 10, 'user'),
      metacritic: rating(h + 4, 1, 100, 'user'),
      rottenTomatoes: rating(h + 5, 1, 100, 'user'),
      trakt: rating(h + 6, 50_000, 10, 'user'),
    },
    ...(file ? { movieFile: renderMovieFile(lib, m, file, opts.withFileScore ? true : placeholderScore) } : {}),
    ...(h % 5 === 0 ? { collection: { title: `${m.title} Collection`, tmdbId: 100_000 + (h % 50_000) } } : {}),
    popularity: (h % 10_000) / 100,
    ...(v.atLeast(5, 10, 3) && m.lastSearchTime !== undefined ? { lastSearchTime: iso(m.lastSearchTime) } : {}),
    ...(opts.withStatistics && v.atLeast(5, 3, 2)
      ? { statistics: { movieFileCount: file ? 1 : 0, sizeOnDisk: file?.size ?? 0, releaseGroups: file ? [file.releaseGroup] : [] } }
      : {}),
    id: m.id,
  };
}

export function renderRename(lib: Library, m: MovieRec) {
  const f = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
  if (!f || !f.needsRename) return [];
  return [{ movieId: m.id, movieFileId: f.id, existingPath: movieFileRelativePath(lib, m, f), newPath: movieFileName(lib, m, f) }];
}
