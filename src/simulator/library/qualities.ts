/**
 * Quality definitions as Radarr and Sonarr ship them (ids match upstream `Quality.cs`), and the
 * profile arithmetic both apps use for `qualityCutoffNotMet` (quality only, spec/arr/NOTES.md §5).
 */
import type { ArrApp, QualityProfileRec } from './types';

export interface QualityDef {
  id: number;
  name: string;
  source: string;
  resolution: number;
  /** Radarr only */
  modifier?: string;
}

const q = (id: number, name: string, source: string, resolution: number, modifier?: string): QualityDef => ({ id, name, source, resolution, modifier });

/** Radarr, lowest to highest (upstream default order). */
export const RADARR_QUALITIES: readonly QualityDef[] = [
  q(0, 'Unknown', 'unknown', 0, 'none'),
  q(24, 'WORKPRINT', 'workprint', 0, 'none'),
  q(25, 'CAM', 'cam', 0, 'none'),
  q(26, 'TELESYNC', 'telesync', 0, 'none'),
  q(27, 'TELECINE', 'telecine', 0, 'none'),
  q(29, 'REGIONAL', 'dvd', 480, 'regional'),
  q(28, 'DVDSCR', 'dvd', 480, 'screener'),
  q(1, 'SDTV', 'tv', 480, 'none'),
  q(2, 'DVD', 'dvd', 0, 'none'),
  q(23, 'DVD-R', 'dvd', 480, 'remux'),
  q(8, 'WEBDL-480p', 'webdl', 480, 'none'),
  q(12, 'WEBRip-480p', 'webrip', 480, 'none'),
  q(20, 'Bluray-480p', 'bluray', 480, 'none'),
  q(21, 'Bluray-576p', 'bluray', 576, 'none'),
  q(4, 'HDTV-720p', 'tv', 720, 'none'),
  q(5, 'WEBDL-720p', 'webdl', 720, 'none'),
  q(14, 'WEBRip-720p', 'webrip', 720, 'none'),
  q(6, 'Bluray-720p', 'bluray', 720, 'none'),
  q(9, 'HDTV-1080p', 'tv', 1080, 'none'),
  q(3, 'WEBDL-1080p', 'webdl', 1080, 'none'),
  q(15, 'WEBRip-1080p', 'webrip', 1080, 'none'),
  q(7, 'Bluray-1080p', 'bluray', 1080, 'none'),
  q(30, 'Remux-1080p', 'bluray', 1080, 'remux'),
  q(16, 'HDTV-2160p', 'tv', 2160, 'none'),
  q(18, 'WEBDL-2160p', 'webdl', 2160, 'none'),
  q(17, 'WEBRip-2160p', 'webrip', 2160, 'none'),
  q(19, 'Bluray-2160p', 'bluray', 2160, 'none'),
  q(31, 'Remux-2160p', 'bluray', 2160, 'remux'),
  q(22, 'BR-DISK', 'bluray', 1080, 'brdisk'),
  q(10, 'Raw-HD', 'tv', 1080, 'rawhd'),
];

/** Sonarr, lowest to highest. */
export const SONARR_QUALITIES: readonly QualityDef[] = [
  q(0, 'Unknown', 'unknown', 0),
  q(1, 'SDTV', 'television', 480),
  q(12, 'WEBRip-480p', 'webRip', 480),
  q(8, 'WEBDL-480p', 'web', 480),
  q(2, 'DVD', 'dvd', 480),
  q(13, 'Bluray-480p', 'bluray', 480),
  q(22, 'Bluray-576p', 'bluray', 576),
  q(4, 'HDTV-720p', 'television', 720),
  q(14, 'WEBRip-720p', 'webRip', 720),
  q(5, 'WEBDL-720p', 'web', 720),
  q(6, 'Bluray-720p', 'bluray', 720),
  q(9, 'HDTV-1080p', 'television', 1080),
  q(15, 'WEBRip-1080p', 'webRip', 1080),
  q(3, 'WEBDL-1080p', 'web', 1080),
  q(7, 'Bluray-1080p', 'bluray', 1080),
  q(20, 'Bluray-1080p Remux', 'blurayRaw', 1080),
  q(16, 'HDTV-2160p', 'television', 2160),
  q(17, 'WEBRip-2160p', 'webRip', 2160),
  q(18, 'WEBDL-2160p', 'web', 2160),
  q(19, 'Bluray-2160p', 'bluray', 2160),
  q(21, 'Bluray-2160p Remux', 'blurayRaw', 2160),
  q(10, 'Raw-HD', 'televisionRaw', 1080),
];

const byId = (list: readonly QualityDef[]) => new Map(list.map((d) => [d.id, d]));
const RADARR_BY_ID = byId(RADARR_QUALITIES);
const SONARR_BY_ID = byId(SONARR_QUALITIES);

export function qualityDef(app: ArrApp, id: number): QualityDef {
  const d = (app === 'radarr' ? RADARR_BY_ID : SONARR_BY_ID).get(id);
  if (!d) throw new Error(`unknown ${app} quality id ${id}`);
  return d;
}

/** Position of a quality in the profile (a group counts as one position), -1 when not in the profile. */
export function qualityRank(profile: QualityProfileRec, qualityId: number): number {
  return profile.items.findIndex((it) => (it.qualityIds ? it.qualityIds.includes(qualityId) : it.qualityId === qualityId));
}

/** Position of the cutoff; with upgrades off the first allowed quality is the cutoff (UpgradableSpecification). */
export function cutoffRank(profile: QualityProfileRec): number {
  if (!profile.upgradeAllowed) return profile.items.findIndex((it) => it.allowed);
  return profile.items.findIndex((it) => (it.groupId ?? it.qualityId) === profile.cutoff);
}

/** `qualityCutoffNotMet` exactly as the apps compute it: quality only, custom formats ignored. */
export function qualityCutoffNotMet(profile: QualityProfileRec, qualityId: number): boolean {
  return qualityRank(profile, qualityId) < cutoffRank(profile);
}

/** Sum of the profile's scores for the formats a file matches. */
export function formatScore(profile: QualityProfileRec, formatIds: readonly number[]): number {
  let score = 0;
  for (const f of formatIds) score += profile.formatItems.find((fi) => fi.format === f)?.score ?? 0;
  return score;
}

/** Allowed qualities of a profile, lowest first, flattened out of groups. */
export function allowedQualities(profile: QualityProfileRec): number[] {
  const out: number[] = [];
  for (const it of profile.items) if (it.allowed) out.push(...(it.qualityIds ?? [it.qualityId!]));
  return out;
}
