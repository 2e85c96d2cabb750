/**
 * Deterministic Sonarr library: series with seasons and episodes. The first series walk through
 * every case the engine must handle; the rest follow realistic proportions (~62 episodes a series).
 */
import { createRng, hash, type Rng } from './rng';
import { titleFrom, NETWORKS, RELEASE_GROUPS } from './text';
import { allowedQualities, cutoffRank, qualityRank } from './qualities';
import { defaultProfiles, CUSTOM_FORMATS } from './profiles';
import { seedQueueAndHistory } from './seed-activity';
import { emptyLibrary, type EpisodeRec, type Library, type QualityProfileRec, type SeriesRec } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export const SONARR_TAGS = ['kids', 'requested', 'favourites', 'anime'];

type FileMix = 'random' | 'belowCutoff' | 'atCutoffLowScore' | 'met';

interface SeriesCase {
  monitored?: boolean;
  type?: SeriesRec['seriesType'];
  status?: SeriesRec['status'];
  profile?: number;
  seasons?: number;
  episodesPerSeason?: number;
  specials?: 'none' | 'unmonitored' | 'monitored';
  /** specials aired but without files */
  specialsMissing?: boolean;
  unmonitoredSeasons?: number[];
  files?: FileMix;
  tags?: number[];
  /** hours before the anchor at which the newest aired episode aired (continuing series) */
  latestAiredHoursAgo?: number;
  queued?: boolean;
  needsRename?: boolean;
}

export const SONARR_CASES: readonly SeriesCase[] = [
  // continuing: an episode aired 1 h ago (inside the grace), one 8 d ago, future and TBA episodes, unmonitored specials
  { status: 'continuing', seasons: 3, episodesPerSeason: 8, specials: 'unmonitored', latestAiredHoursAgo: 1 },
  { monitored: false, status: 'ended', seasons: 2, episodesPerSeason: 6 },
  { status: 'ended', seasons: 3, episodesPerSeason: 6, unmonitoredSeasons: [1], specials: 'monitored', specialsMissing: true },
  { type: 'anime', status: 'continuing', seasons: 2, episodesPerSeason: 12, latestAiredHoursAgo: 10, tags: [4] },
  { status: 'ended', profile: 1, seasons: 2, episodesPerSeason: 6, files: 'belowCutoff' },
  { status: 'ended', profile: 1, seasons: 1, episodesPerSeason: 6, files: 'atCutoffLowScore' },
  { status: 'ended', profile: 3, seasons: 1, episodesPerSeason: 6, files: 'belowCutoff' },
  { status: 'upcoming', seasons: 1, episodesPerSeason: 8 },
  { status: 'ended', seasons: 2, episodesPerSeason: 6, specials: 'monitored', files: 'met', needsRename: true },
  { status: 'continuing', seasons: 2, episodesPerSeason: 10, tags: [1, 2], latestAiredHoursAgo: 20, queued: true },
  { type: 'daily', status: 'continuing', seasons: 1, episodesPerSeason: 20, latestAiredHoursAgo: 5 },
];

/** Files share their (never mutated) format-id arrays: a quarter-million small arrays add up. */
const internedFormats = new Map<string, number[]>();
function intern(ids: number[]): number[] {
  const key = ids.join(',');
  let v = internedFormats.get(key);
  if (!v) internedFormats.set(key, (v = ids));
  return v;
}

function fileQuality(rng: Rng, profile: QualityProfileRec, mix: FileMix): { qualityId: number; formatIds: number[] } {
  const allowed = allowedQualities(profile);
  const cut = cutoffRank(profile);
  const atOrAbove = allowed.filter((q) => qualityRank(profile, q) >= cut);
  const below = allowed.filter((q) => qualityRank(profile, q) < cut);
  if (mix === 'belowCutoff') return { qualityId: below.length ? rng.pick(below) : allowed[0], formatIds: [] };
  if (mix === 'atCutoffLowScore') return { qualityId: atOrAbove[0], formatIds: [4] };
  if (mix === 'met') return { qualityId: atOrAbove[atOrAbove.length - 1], formatIds: [1, 3] };
  const formatIds: number[] = [];
  if (rng.chance(0.4)) formatIds.push(3);
  if (rng.chance(0.5)) formatIds.push(4);
  if (rng.chance(0.1)) formatIds.push(5);
  return { qualityId: rng.pick(allowed), formatIds };
}

export function generateSonarr(seed: number, count: number, anchor: number): Library {
  const lib = emptyLibrary('sonarr', anchor);
  const rng = createRng(seed);
  lib.qualityProfiles = defaultProfiles('sonarr');
  lib.customFormats = CUSTOM_FORMATS.map((f) => ({ ...f }));
  lib.tags = SONARR_TAGS.map((label, i) => ({ id: i + 1, label }));
  lib.nextId.tag = lib.tags.length + 1;
  let episodeId = 1;
  let fileId = 1;
  const queued: number[] = [];

  for (let id = 1; id <= count; id++) {
    const c: SeriesCase = id <= SONARR_CASES.length ? SONARR_CASES[id - 1] : {};
    const type = c.type ?? (rng.chance(0.1) ? 'anime' : rng.chance(0.05) ? 'daily' : 'standard');
    const status = c.status ?? (rng.chance(0.45) ? 'continuing' : rng.chance(0.93) ? 'ended' : 'upcoming');
    const seasonCount = c.seasons ?? 1 + Math.floor(rng.next() * rng.next() * 16);
    const perSeason = () => c.episodesPerSeason ?? (type === 'anime' ? rng.pick([12, 13, 24, 26]) : type === 'daily' ? rng.int(20, 40) : rng.int(8, 16));
    const specials = c.specials ?? (rng.chance(0.3) ? (rng.chance(0.3) ? 'monitored' : 'unmonitored') : 'none');
    const profileId = c.profile ?? rng.pick([1, 1, 2, 2, 3, 4]);
    const profile = lib.qualityProfiles[profileId - 1];
    const monitored = c.monitored ?? (id <= SONARR_CASES.length || rng.chance(0.85));
    const seasons: SeriesRec['seasons'] = [];
    if (specials !== 'none') seasons.push({ seasonNumber: 0, monitored: specials === 'monitored' });
    for (let s = 1; s <= seasonCount; s++) {
      const off = c.unmonitoredSeasons ? c.unmonitoredSeasons.includes(s) : c.seasons === undefined && s < seasonCount && rng.chance(0.1);
      seasons.push({ seasonNumber: s, monitored: !off });
    }
    // the newest aired episode of the last season airs latestAired before the anchor (continuing series)
    const latestAired = anchor - (c.latestAiredHoursAgo ?? rng.int(1, 24 * 10)) * HOUR;
    const gap = type === 'daily' ? DAY : WEEK;
    const lastSeasonEpisodes = perSeason();
    const airedInLast = status === 'continuing' ? Math.max(1, Math.floor(lastSeasonEpisodes / 2)) : 0;
    const lastSeasonStart = status === 'ended' ? anchor - rng.int(60, 3000) * DAY - lastSeasonEpisodes * gap : status === 'upcoming' ? anchor + rng.int(14, 200) * DAY : latestAired - (airedInLast - 1) * gap;
    const runtime = type === 'anime' ? 24 : rng.pick([22, 30, 45, 60]);
    const series: SeriesRec = {
      id,
      title: titleFrom(hash(seed, id, 11)),
      year: new Date(lastSeasonStart - (seasonCount - 1) * 365 * DAY).getUTCFullYear(),
      tvdbId: 70_000 + (hash(seed, id, 12) % 400_000),
      imdbId: `tt${String(hash(seed, id, 13) % 10_000_000).padStart(7, '0')}`,
      monitored,
      qualityProfileId: profileId,
      seriesType: type,
      status,
      network: rng.pick(NETWORKS),
      runtime,
      added: anchor - rng.int(30, 3650) * DAY,
      tags: c.tags ?? (rng.chance(0.08) ? [rng.int(1, SONARR_TAGS.length)] : []),
      seasons,
      lastRefreshed: undefined,
    };
    lib.series.set(id, series);

    let absolute = 1;
    for (const season of seasons) {
      const n = season.seasonNumber === 0 ? rng.int(1, 4) : season.seasonNumber === seasonCount ? lastSeasonEpisodes : perSeason();
      const start = season.seasonNumber === 0 ? lastSeasonStart - rng.int(0, 300) * DAY : lastSeasonStart - (seasonCount - season.seasonNumber) * 365 * DAY;
      const tbaFrom = status === 'ended' ? Infinity : n - (rng.chance(0.5) ? 1 : 0) - (c.latestAiredHoursAgo !== undefined ? 1 : 0);
      for (let e = 1; e <= n; e++) {
        const isTba = season.seasonNumber === seasonCount && e > tbaFrom;
        const air = isTba ? undefined : start + (e - 1) * gap;
        const aired = air !== undefined && air <= anchor;
        const recent = aired && anchor - air! < 2 * DAY;
        const ep: EpisodeRec = {
          id: episodeId++,
          seriesId: id,
          seasonNumber: season.seasonNumber,
          episodeNumber: e,
          airDateUtc: air,
          monitored: season.monitored && (c.seasons !== undefined || rng.chance(0.96)),
          episodeFileId: 0,
          absoluteEpisodeNumber: type === 'anime' && season.seasonNumber > 0 ? absolute++ : undefined,
          lastSearchTime: aired && rng.chance(0.5) ? anchor - rng.int(1, 60 * 24) * HOUR : undefined,
        };
        const mix = c.files ?? 'random';
        const hasFile = aired && !(season.seasonNumber === 0 && c.specialsMissing) && (c.files ? true : c.latestAiredHoursAgo !== undefined ? !recent && e % 3 !== 0 : rng.chance(recent ? 0.3 : season.monitored ? 0.85 : 0.5));
        if (hasFile) {
          const { qualityId, formatIds } = fileQuality(rng, profile, mix);
          lib.episodeFiles.set(fileId, {
            id: fileId,
            seriesId: id,
            seasonNumber: season.seasonNumber,
            qualityId,
            formatIds: intern(formatIds),
            size: rng.int(200, 4000) * 1_048_576,
            dateAdded: air! + rng.int(1, 72) * HOUR,
            releaseGroup: rng.pick(RELEASE_GROUPS),
            needsRename: c.needsRename ?? rng.chance(0.03),
          });
          ep.episodeFileId = fileId++;
        } else if (aired && ((c.queued && queued.length < 2) || (!c.files && rng.chance(0.005)))) {
          queued.push(ep.id);
        }
        lib.episodes.set(ep.id, ep);
      }
    }
  }
  seedQueueAndHistory(lib, rng, queued);
  return lib;
}
