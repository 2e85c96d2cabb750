/**
 * Deterministic Radarr library. The first movies walk through every case the engine must handle
 * (so even a tiny library has each one); the rest are drawn from realistic proportions.
 */
import { createRng, hash, type Rng } from './rng';
import { titleFrom } from './text';
import { allowedQualities, cutoffRank, qualityRank } from './qualities';
import { defaultProfiles, CUSTOM_FORMATS } from './profiles';
import { seedQueueAndHistory } from './seed-activity';
import { emptyLibrary, type Library, type MovieFileRec, type MovieRec, type QualityProfileRec } from './types';
import { RELEASE_GROUPS } from './text';

const DAY = 86_400_000;

export const RADARR_TAGS = ['kids', 'requested', 'favourites', '4k-wanted'];

type FileKind = 'none' | 'belowCutoff' | 'atCutoffLowScore' | 'met' | 'any';

interface MovieCase {
  monitored?: boolean;
  profile?: number;
  minimumAvailability?: MovieRec['minimumAvailability'];
  /** days relative to the anchor; null = unknown */
  inCinemas?: number | null;
  digital?: number | null;
  physical?: number | null;
  file?: FileKind;
  tags?: number[];
  needsRename?: boolean;
  /** already in the download queue */
  queued?: boolean;
}

/** One of each case, in this order, at the start of every generated library. */
export const RADARR_CASES: readonly MovieCase[] = [
  { file: 'none' }, // missing, available
  { monitored: false, file: 'none' }, // unmonitored missing
  { minimumAvailability: 'released', inCinemas: -20, digital: 25, physical: 60, file: 'none' }, // in cinemas, not yet available
  { minimumAvailability: 'inCinemas', inCinemas: 60, digital: null, physical: null, file: 'none' }, // announced, future
  { minimumAvailability: 'released', inCinemas: null, digital: null, physical: null, file: 'none' }, // TBA: never available
  { minimumAvailability: 'announced', inCinemas: 90, digital: 150, physical: null, file: 'none' }, // announced counts as available
  { minimumAvailability: 'released', inCinemas: -120, digital: null, physical: null, file: 'none' }, // available via inCinemas + 90 d
  { minimumAvailability: 'released', inCinemas: -30, digital: null, physical: null, file: 'none' }, // not yet: inCinemas + 90 d ahead
  { profile: 1, file: 'belowCutoff' },
  { profile: 1, file: 'atCutoffLowScore' },
  { profile: 1, file: 'met' },
  { profile: 3, file: 'belowCutoff' }, // upgrades off: never cutoff-unmet
  { profile: 4, file: 'atCutoffLowScore' },
  { file: 'none', tags: [1] },
  { file: 'met', tags: [2, 3], needsRename: true },
  { monitored: false, profile: 1, file: 'belowCutoff' },
  { file: 'none', queued: true },
  { profile: 1, file: 'belowCutoff', queued: true },
];

function pickDates(rng: Rng, c: MovieCase): { inCinemas?: number; digital?: number; physical?: number } {
  const rel = (d: number | null | undefined) => (d === null || d === undefined ? undefined : d);
  if ('inCinemas' in c) return { inCinemas: rel(c.inCinemas), digital: rel(c.digital), physical: rel(c.physical) };
  const r = rng.next();
  if (r < 0.02) return {}; // TBA
  if (r < 0.07) {
    const cinema = rng.int(1, 300);
    return { inCinemas: cinema, digital: rng.chance(0.6) ? cinema + rng.int(30, 120) : undefined };
  }
  if (r < 0.1) {
    const cinema = -rng.int(1, 80);
    return { inCinemas: cinema, digital: cinema + rng.int(30, 120), physical: rng.chance(0.5) ? cinema + rng.int(60, 150) : undefined };
  }
  const cinema = -rng.int(120, 365 * 60);
  return {
    inCinemas: rng.chance(0.95) ? cinema : undefined,
    digital: rng.chance(0.8) ? cinema + rng.int(30, 120) : undefined,
    physical: rng.chance(0.7) ? cinema + rng.int(60, 150) : undefined,
  };
}

function pickFileQuality(rng: Rng, profile: QualityProfileRec, kind: FileKind): { qualityId: number; formatIds: number[] } {
  const allowed = allowedQualities(profile);
  const cut = cutoffRank(profile);
  const atOrAbove = allowed.filter((q) => qualityRank(profile, q) >= cut);
  const below = allowed.filter((q) => qualityRank(profile, q) < cut);
  switch (kind) {
    case 'belowCutoff':
      return { qualityId: below.length ? rng.pick(below) : allowed[0], formatIds: rng.chance(0.3) ? [4] : [] };
    case 'atCutoffLowScore':
      return { qualityId: atOrAbove[0], formatIds: [] };
    case 'met':
      return { qualityId: atOrAbove[atOrAbove.length - 1], formatIds: [1, 3] };
    default: {
      const qualityId = rng.pick(allowed);
      const formatIds: number[] = [];
      for (const f of CUSTOM_FORMATS) if (f.id !== 6 && rng.chance(f.id === 3 ? 0.45 : 0.15)) formatIds.push(f.id);
      if (rng.chance(0.01)) formatIds.push(6);
      return { qualityId, formatIds };
    }
  }
}

export function generateRadarr(seed: number, count: number, anchor: number): Library {
  const lib = emptyLibrary('radarr', anchor);
  const rng = createRng(seed);
  lib.qualityProfiles = defaultProfiles('radarr');
  lib.customFormats = CUSTOM_FORMATS.map((f) => ({ ...f }));
  lib.tags = RADARR_TAGS.map((label, i) => ({ id: i + 1, label }));
  lib.nextId.tag = lib.tags.length + 1;
  let fileId = 1;
  const queued: number[] = [];
  for (let id = 1; id <= count; id++) {
    const c: MovieCase = id <= RADARR_CASES.length ? RADARR_CASES[id - 1] : {};
    const dates = pickDates(rng, c);
    const toMs = (d?: number) => (d === undefined ? undefined : anchor + d * DAY);
    const inCinemas = toMs(dates.inCinemas);
    const profileId = c.profile ?? rng.pick([1, 1, 1, 2, 2, 3, 4]);
    const profile = lib.qualityProfiles[profileId - 1];
    const released = dates.digital !== undefined || dates.physical !== undefined ? Math.min(dates.digital ?? Infinity, dates.physical ?? Infinity) : undefined;
    const fileKind: FileKind = c.file ?? (released !== undefined && released < 0 && rng.chance(0.7) ? 'any' : 'none');
    const year = new Date(inCinemas ?? toMs(released) ?? anchor + 365 * DAY).getUTCFullYear();
    const movie: MovieRec = {
      id,
      title: titleFrom(hash(seed, id)),
      year,
      tmdbId: 1000 + (hash(seed, id, 3) % 900_000),
      imdbId: `tt${String(hash(seed, id, 4) % 10_000_000).padStart(7, '0')}`,
      monitored: c.monitored ?? (id <= RADARR_CASES.length || rng.chance(0.85)),
      qualityProfileId: profileId,
      minimumAvailability: c.minimumAvailability ?? (rng.chance(0.7) ? 'released' : rng.chance(0.6) ? 'announced' : 'inCinemas'),
      inCinemas,
      physicalRelease: toMs(dates.physical),
      digitalRelease: toMs(dates.digital),
      added: anchor - rng.int(1, 3650) * DAY - rng.int(0, 86_399) * 1000,
      tags: c.tags ?? (rng.chance(0.08) ? [rng.int(1, RADARR_TAGS.length)] : []),
      movieFileId: 0,
      lastSearchTime: rng.chance(0.6) ? anchor - rng.int(1, 90 * 24) * 3_600_000 : undefined,
      runtime: rng.int(80, 180),
      lastRefreshed: undefined,
    };
    if (fileKind !== 'none') {
      const { qualityId, formatIds } = pickFileQuality(rng, profile, fileKind);
      const file: MovieFileRec = {
        id: fileId++,
        movieId: id,
        qualityId,
        formatIds,
        size: rng.int(700, 60_000) * 1_048_576,
        dateAdded: Math.max(movie.added, anchor - rng.int(1, 2000) * DAY),
        releaseGroup: rng.pick(RELEASE_GROUPS),
        needsRename: c.needsRename ?? rng.chance(0.05),
      };
      lib.movieFiles.set(file.id, file);
      movie.movieFileId = file.id;
    }
    lib.movies.set(id, movie);
    if (c.queued || (id > RADARR_CASES.length && rng.chance(0.01))) queued.push(id);
  }
  seedQueueAndHistory(lib, rng, queued);
  return lib;
}
