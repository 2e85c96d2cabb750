/** Sonarr SeriesResource / EpisodeResource / EpisodeFileResource / rename preview. */
import { formatScore, qualityCutoffNotMet, qualityDef } from '../library/qualities';
import { hash } from '../library/rng';
import { CERTIFICATIONS, cleanTitle, GENRES, overviewFrom, pickN, slug, titleFrom } from '../library/text';
import { episodesOfSeries } from '../library/indexes';
import type { EpisodeFileRec, EpisodeRec, Library, SeriesRec } from '../library/types';
import type { Version } from '../version';
import { customFormatResources, ENGLISH, iso, profileOf, qualityModel } from './common';

const sortTitle = (t: string) => t.toLowerCase().replace(/^(the|a|an) /, '');
const pad = (n: number) => String(n).padStart(2, '0');

export function episodeTitle(e: EpisodeRec): string {
  return titleFrom(hash(e.id, e.seriesId, 40));
}

export function episodeFileName(s: SeriesRec, e: EpisodeRec, f: EpisodeFileRec, lib: Library): string {
  return `Season ${pad(f.seasonNumber)}/${s.title} - S${pad(e.seasonNumber)}E${pad(e.episodeNumber)} - ${episodeTitle(e)} [${qualityDef(lib.app, f.qualityId).name}]-${f.releaseGroup}.mkv`;
}

function relativePath(lib: Library, s: SeriesRec, f: EpisodeFileRec, episodes: EpisodeRec[]): string {
  const e = episodes[0];
  if (!e) return `Season ${pad(f.seasonNumber)}/unknown.mkv`;
  if (f.needsRename) return `Season ${pad(f.seasonNumber)}/${s.title.replace(/ /g, '.')}.S${pad(e.seasonNumber)}E${pad(e.episodeNumber)}.${qualityDef(lib.app, f.qualityId).name}-${f.releaseGroup}.mkv`;
  return episodeFileName(s, e, f, lib);
}

export function renderEpisodeFile(lib: Library, f: EpisodeFileRec, episodes: EpisodeRec[]) {
  const s = lib.series.get(f.seriesId)!;
  const profile = profileOf(lib, s.qualityProfileId);
  const rel = relativePath(lib, s, f, episodes);
  const res = qualityDef(lib.app, f.qualityId).resolution;
  return {
    seriesId: f.seriesId,
    seasonNumber: f.seasonNumber,
    relativePath: rel,
    path: `/tv/${s.title}/${rel}`,
    size: f.size,
    dateAdded: iso(f.dateAdded),
    sceneName: rel.replace(/^Season \d+\//, '').replace(/\.mkv$/, ''),
    releaseGroup: f.releaseGroup,
    languages: [ENGLISH],
    quality: qualityModel(lib, f.qualityId),
    customFormats: customFormatResources(lib, f.formatIds),
    customFormatScore: formatScore(profile, f.formatIds),
    indexerFlags: 0,
    releaseType: 'singleEpisode',
    mediaInfo: {
      audioBitrate: 384_000,
      audioChannels: 5.1,
      audioCodec: 'EAC3',
      audioLanguages: 'eng',
      audioStreamCount: 1,
      videoBitDepth: res >= 2160 ? 10 : 8,
      videoBitrate: res >= 2160 ? 20_000_000 : 5_000_000,
      videoCodec: res >= 2160 ? 'x265' : 'h264',
      videoFps: 23.976,
      videoDynamicRange: '',
      videoDynamicRangeType: '',
      resolution: res >= 2160 ? '3840x2160' : res >= 1080 ? '1920x1080' : res >= 720 ? '1280x720' : '720x480',
      runTime: `${s.runtime}:00`,
      scanType: 'Progressive',
      subtitles: 'English',
    },
    qualityCutoffNotMet: qualityCutoffNotMet(profile, f.qualityId),
    id: f.id,
  };
}

export interface EpisodeRenderOptions {
  version: Version;
  includeEpisodeFile?: boolean;
}

export function renderEpisode(lib: Library, e: EpisodeRec, opts: EpisodeRenderOptions) {
  const s = lib.series.get(e.seriesId);
  const file = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
  const runtime = s?.runtime ?? 45;
  return {
    seriesId: e.seriesId,
    tvdbId: 1_000_000 + (hash(e.id, 41) % 9_000_000),
    episodeFileId: e.episodeFileId,
    seasonNumber: e.seasonNumber,
    episodeNumber: e.episodeNumber,
    title: episodeTitle(e),
    airDate: e.airDateUtc === undefined ? undefined : new Date(e.airDateUtc).toISOString().slice(0, 10),
    airDateUtc: iso(e.airDateUtc),
    ...(opts.version.atLeast(4, 0, 9) && e.lastSearchTime !== undefined ? { lastSearchTime: iso(e.lastSearchTime) } : {}),
    runtime,
    overview: e.airDateUtc === undefined ? undefined : overviewFrom(hash(e.id, 42)).slice(0, 320),
    ...(opts.includeEpisodeFile && file ? { episodeFile: renderEpisodeFile(lib, file, [e]) } : {}),
    hasFile: e.episodeFileId > 0,
    monitored: e.monitored,
    absoluteEpisodeNumber: e.absoluteEpisodeNumber,
    unverifiedSceneNumbering: false,
    endTime: e.airDateUtc === undefined ? undefined : iso(e.airDateUtc + runtime * 60_000),
    id: e.id,
  };
}

interface Stats {
  seasonNumber: number;
  episodeFileCount: number;
  episodeCount: number;
  totalEpisodeCount: number;
  sizeOnDisk: number;
  releaseGroups: Set<string>;
  nextAiring?: number;
  previousAiring?: number;
}

/** SeriesStatisticsRepository: episodeCount = (monitored AND aired) OR has a file. */
function statistics(lib: Library, s: SeriesRec, now: number): Map<number, Stats> {
  const out = new Map<number, Stats>();
  for (const season of s.seasons) out.set(season.seasonNumber, { seasonNumber: season.seasonNumber, episodeFileCount: 0, episodeCount: 0, totalEpisodeCount: 0, sizeOnDisk: 0, releaseGroups: new Set() });
  for (const e of episodesOfSeries(lib, s.id)) {
    const st = out.get(e.seasonNumber);
    if (!st) continue;
    const file = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
    const aired = e.airDateUtc !== undefined && e.airDateUtc <= now;
    st.totalEpisodeCount++;
    if (file) {
      st.episodeFileCount++;
      st.sizeOnDisk += file.size;
      st.releaseGroups.add(file.releaseGroup);
    }
    if ((e.monitored && aired) || file) st.episodeCount++;
    if (e.monitored && e.airDateUtc !== undefined) {
      if (!aired && (st.nextAiring === undefined || e.airDateUtc < st.nextAiring)) st.nextAiring = e.airDateUtc;
      if (aired && (st.previousAiring === undefined || e.airDateUtc > st.previousAiring)) st.previousAiring = e.airDateUtc;
    }
  }
  return out;
}

const percent = (files: number, count: number) => (count === 0 ? 0 : Math.round((files / count) * 10000) / 100);

export interface SeriesRenderOptions {
  now: number;
  version: Version;
  withStatistics: boolean;
}

export function renderSeries(lib: Library, s: SeriesRec, opts: SeriesRenderOptions) {
  const h = hash(s.tvdbId, 50);
  const stats = opts.withStatistics ? statistics(lib, s, opts.now) : undefined;
  const all = stats ? [...stats.values()] : [];
  const min = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined).reduce<number | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
  const max = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined).reduce<number | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  const eps = episodesOfSeries(lib, s.id);
  const firstAired = min(eps.map((e) => e.airDateUtc));
  const sum = (k: 'episodeFileCount' | 'episodeCount' | 'totalEpisodeCount' | 'sizeOnDisk') => all.reduce((a, st) => a + st[k], 0);
  const altCount = h % 4;
  return {
    title: s.title,
    alternateTitles: Array.from({ length: altCount }, (_, i) => ({ title: titleFrom(hash(s.tvdbId, i, 51)), sceneSeasonNumber: -1 })),
    sortTitle: sortTitle(s.title),
    status: s.status,
    ended: s.status === 'ended',
    overview: overviewFrom(h),
    nextAiring: iso(min(all.map((st) => st.nextAiring))),
    previousAiring: iso(max(all.map((st) => st.previousAiring))),
    network: s.network,
    airTime: '21:00',
    images: [
      { coverType: 'banner', url: `/MediaCover/${s.id}/banner.jpg?lastWrite=638000000000000000`, remoteUrl: `https://artworks.thetvdb.com/banners/graphical/${s.tvdbId}-g.jpg` },
      { coverType: 'poster', url: `/MediaCover/${s.id}/poster.jpg?lastWrite=638000000000000000`, remoteUrl: `https://artworks.thetvdb.com/banners/posters/${s.tvdbId}-1.jpg` },
      { coverType: 'fanart', url: `/MediaCover/${s.id}/fanart.jpg?lastWrite=638000000000000000`, remoteUrl: `https://artworks.thetvdb.com/banners/fanart/original/${s.tvdbId}-1.jpg` },
    ],
    originalLanguage: s.seriesType === 'anime' ? { id: 8, name: 'Japanese' } : ENGLISH,
    seasons: s.seasons.map((season) => {
      const st = stats?.get(season.seasonNumber);
      return {
        seasonNumber: season.seasonNumber,
        monitored: season.monitored,
        ...(st
          ? {
              statistics: {
                nextAiring: iso(st.nextAiring),
                previousAiring: iso(st.previousAiring),
                episodeFileCount: st.episodeFileCount,
                episodeCount: st.episodeCount,
                totalEpisodeCount: st.totalEpisodeCount,
                sizeOnDisk: st.sizeOnDisk,
                releaseGroups: [...st.releaseGroups],
                percentOfEpisodes: percent(st.episodeFileCount, st.episodeCount),
              },
            }
          : {}),
        images: [],
      };
    }),
    year: s.year,
    path: `/tv/${s.title}`,
    qualityProfileId: s.qualityProfileId,
    seasonFolder: true,
    monitored: s.monitored,
    monitorNewItems: 'all',
    useSceneNumbering: false,
    runtime: s.runtime,
    tvdbId: s.tvdbId,
    tvRageId: 0,
    tvMazeId: h % 80_000,
    tmdbId: 1000 + (h % 200_000),
    firstAired: iso(firstAired),
    ...(s.status === 'ended' ? { lastAired: iso(max(eps.map((e) => e.airDateUtc))) } : {}),
    seriesType: s.seriesType,
    cleanTitle: cleanTitle(s.title),
    imdbId: s.imdbId,
    titleSlug: slug(s.title),
    rootFolderPath: '/tv/',
    certification: ['TV-G', 'TV-PG', 'TV-14', 'TV-MA'][h % 4] ?? CERTIFICATIONS[0],
    genres: pickN(GENRES, h, 1 + (h % 3)),
    tags: s.tags,
    added: iso(s.added),
    ratings: { votes: h % 5000, value: Math.round((h % 100) / 10 * 10) / 10 },
    ...(stats
      ? {
          statistics: {
            seasonCount: s.seasons.filter((x) => x.seasonNumber > 0).length,
            episodeFileCount: sum('episodeFileCount'),
            episodeCount: sum('episodeCount'),
            totalEpisodeCount: sum('totalEpisodeCount'),
            sizeOnDisk: sum('sizeOnDisk'),
            releaseGroups: [...new Set(all.flatMap((st) => [...st.releaseGroups]))],
            percentOfEpisodes: percent(sum('episodeFileCount'), sum('episodeCount')),
          },
        }
      : {}),
    languageProfileId: 1,
    id: s.id,
  };
}

export function renderRenames(lib: Library, s: SeriesRec, seasonNumber?: number) {
  const out = [];
  const seen = new Set<number>();
  for (const e of episodesOfSeries(lib, s.id)) {
    if (!e.episodeFileId || seen.has(e.episodeFileId)) continue;
    if (seasonNumber !== undefined && e.seasonNumber !== seasonNumber) continue;
    const f = lib.episodeFiles.get(e.episodeFileId);
    if (!f || !f.needsRename) continue;
    seen.add(f.id);
    out.push({ seriesId: s.id, seasonNumber: e.seasonNumber, episodeNumbers: [e.episodeNumber], episodeFileId: f.id, existingPath: relativePath(lib, s, f, [e]), newPath: episodeFileName(s, e, f, lib) });
  }
  return out;
}
