/**
 * What a correct tool may search, per job type, straight from the simulator's state. Written from
 * the rules in the project brief, independently of the engine (never import engine code here).
 *
 * Units: Radarr movie ids; Sonarr episode ids for search jobs, series ids for rename/refresh.
 * Options honoured: graceHours, airedWithinHours, includeAtCutoff, refreshAfterDays, filters,
 * and (when `tag` or `id` is given) items already carrying the job's tag are left out.
 */
import type { JobSettings, JobType } from '../shared/settings';
import { isAvailable, movieStatus } from './library/availability';
import { episodesOfSeries, queuedIds } from './library/indexes';
import { formatScore, qualityCutoffNotMet } from './library/qualities';
import type { EpisodeRec, Library, MovieRec, SeriesRec } from './library/types';
import { renderRename } from './render/radarr';
import { renderRenames } from './render/sonarr';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const DEFAULTS = { graceHours: 3, airedWithinHours: 24, includeAtCutoff: false, refreshAfterDays: 30 };

function tagIds(lib: Library, labels: readonly string[] | undefined): number[] {
  return (labels ?? []).map((l) => lib.tags.find((t) => t.label === l.toLowerCase())?.id ?? -1);
}

/** The job's item filters (profile, tags, status, added) and its own tag. */
function passesFilters(lib: Library, item: MovieRec | SeriesRec, options: Partial<JobSettings>, now: number): boolean {
  const f = options.filters;
  const ownTag = options.tag ?? (options.id ? `trawlarr-${options.id}` : undefined);
  if (ownTag !== undefined) {
    const id = lib.tags.find((t) => t.label === ownTag)?.id;
    if (id !== undefined && item.tags.includes(id)) return false;
  }
  if (!f) return true;
  if (f.qualityProfileIds?.length && !f.qualityProfileIds.includes(item.qualityProfileId)) return false;
  const include = tagIds(lib, f.includeTags);
  if (include.length && !include.some((t) => item.tags.includes(t))) return false;
  if (tagIds(lib, f.excludeTags).some((t) => item.tags.includes(t))) return false;
  if (f.statuses?.length) {
    const status = 'seasons' in item ? item.status : movieStatus(item, now);
    if (!f.statuses.includes(status)) return false;
  }
  if (f.addedAfter && item.added < Date.parse(f.addedAfter)) return false;
  if (f.addedBefore && item.added >= Date.parse(f.addedBefore) + DAY) return false;
  return true;
}

function upgradeWanted(lib: Library, profileId: number, fileQuality: number, formats: number[], includeAtCutoff: boolean): boolean {
  const p = lib.qualityProfiles.find((x) => x.id === profileId);
  if (!p || !p.upgradeAllowed) return false;
  if (includeAtCutoff) return true;
  return qualityCutoffNotMet(p, fileQuality) || formatScore(p, formats) < p.cutoffFormatScore;
}

function radarr(lib: Library, job: JobType, o: Partial<JobSettings>, now: number): number[] {
  const queued = queuedIds(lib);
  const out: number[] = [];
  const refreshBefore = now - (o.refreshAfterDays ?? DEFAULTS.refreshAfterDays) * DAY;
  for (const m of lib.movies.values()) {
    if (!passesFilters(lib, m, o, now)) continue;
    const file = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
    let ok = false;
    switch (job) {
      case 'missing':
        ok = m.monitored && !file && isAvailable(m, now) && !queued.has(m.id);
        break;
      case 'cutoff-unmet':
      case 'upgrade':
        ok = m.monitored && !!file && !queued.has(m.id) && upgradeWanted(lib, m.qualityProfileId, file.qualityId, file.formatIds, job === 'upgrade' && (o.includeAtCutoff ?? false));
        break;
      case 'rename':
        ok = renderRename(lib, m).length > 0;
        break;
      case 'refresh':
        ok = m.lastRefreshed === undefined || m.lastRefreshed <= refreshBefore;
        break;
      case 'new-episodes':
        ok = false;
    }
    if (ok) out.push(m.id);
  }
  return out;
}

function sonarr(lib: Library, job: JobType, o: Partial<JobSettings>, now: number): number[] {
  const out: number[] = [];
  const queued = queuedIds(lib);
  const grace = (o.graceHours ?? DEFAULTS.graceHours) * HOUR;
  const within = (o.airedWithinHours ?? DEFAULTS.airedWithinHours) * HOUR;
  const refreshBefore = now - (o.refreshAfterDays ?? DEFAULTS.refreshAfterDays) * DAY;
  for (const s of lib.series.values()) {
    if (!passesFilters(lib, s, o, now)) continue;
    if (job === 'rename') {
      if (renderRenames(lib, s).length > 0) out.push(s.id);
      continue;
    }
    if (job === 'refresh') {
      if (s.lastRefreshed === undefined || s.lastRefreshed <= refreshBefore) out.push(s.id);
      continue;
    }
    const seasonMonitored = new Map(s.seasons.map((x) => [x.seasonNumber, x.monitored]));
    const monitored = (e: EpisodeRec) => s.monitored && seasonMonitored.get(e.seasonNumber) === true && e.monitored;
    for (const e of episodesOfSeries(lib, s.id)) {
      if (!monitored(e) || queued.has(e.id)) continue;
      const file = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
      const air = e.airDateUtc;
      let ok = false;
      switch (job) {
        case 'missing':
          ok = !file && air !== undefined && air <= now - grace;
          break;
        case 'new-episodes':
          ok = !file && air !== undefined && air >= now - within && air <= now - grace;
          break;
        case 'cutoff-unmet':
        case 'upgrade':
          ok = !!file && upgradeWanted(lib, s.qualityProfileId, file.qualityId, file.formatIds, job === 'upgrade' && (o.includeAtCutoff ?? false));
          break;
      }
      if (ok) out.push(e.id);
    }
  }
  return out;
}

export function groundTruth(lib: Library, job: JobType, options: Partial<JobSettings> = {}, now: number): number[] {
  const ids = lib.app === 'radarr' ? radarr(lib, job, options, now) : sonarr(lib, job, options, now);
  return ids.sort((a, b) => a - b);
}
