/** Rendering shared by both apps: dates, qualities, profiles, tags, queue and history records. */
import { qualityCutoffNotMet, qualityDef } from '../library/qualities';
import type { CustomFormatRec, HistoryRec, Library, QualityProfileRec, QueueRec } from '../library/types';
import { LANGUAGES } from '../library/text';

/** .NET writes UTC dates as ISO-8601 with `Z` and no empty fraction. */
export function iso(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A .NET TimeSpan as STJ writes it: "hh:mm:ss.fffffff". */
export function timeSpan(ms: number): string {
  const total = Math.max(0, ms);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const frac = String(Math.round((total % 1000) * 10_000)).padStart(7, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${frac}`;
}

export const ENGLISH = LANGUAGES[0];

export function qualityModel(lib: Library, qualityId: number) {
  const d = qualityDef(lib.app, qualityId);
  const quality = lib.app === 'radarr' ? { id: d.id, name: d.name, source: d.source, resolution: d.resolution, modifier: d.modifier } : { id: d.id, name: d.name, source: d.source, resolution: d.resolution };
  return { quality, revision: { version: 1, real: 0, isRepack: false } };
}

export function customFormatResources(lib: Library, formatIds: readonly number[]) {
  return formatIds
    .map((id) => lib.customFormats.find((f) => f.id === id))
    .filter((f): f is CustomFormatRec => f !== undefined)
    .map((f) => ({ id: f.id, name: f.name, includeCustomFormatWhenRenaming: false, specifications: [] }));
}

export function profileOf(lib: Library, id: number): QualityProfileRec {
  return lib.qualityProfiles.find((p) => p.id === id) ?? lib.qualityProfiles[0];
}

export function renderProfile(lib: Library, p: QualityProfileRec) {
  const item = (qualityId: number, allowed: boolean) => ({ quality: qualityModel(lib, qualityId).quality, items: [], allowed });
  return {
    name: p.name,
    upgradeAllowed: p.upgradeAllowed,
    cutoff: p.cutoff,
    items: p.items.map((it) =>
      it.qualityIds ? { name: it.name, items: it.qualityIds.map((q) => item(q, it.allowed)), allowed: it.allowed, id: it.groupId } : item(it.qualityId!, it.allowed),
    ),
    minFormatScore: p.minFormatScore,
    cutoffFormatScore: p.cutoffFormatScore,
    minUpgradeFormatScore: p.minUpgradeFormatScore,
    formatItems: p.formatItems.map((fi) => ({ format: fi.format, name: lib.customFormats.find((f) => f.id === fi.format)?.name, score: fi.score })),
    ...(lib.app === 'radarr' ? { language: ENGLISH } : {}),
    id: p.id,
  };
}

export function renderQueue(lib: Library, q: QueueRec, now: number) {
  const remainingMs = Math.round((q.sizeleft / 5_000_000) * 1000);
  const episodeFields =
    lib.app === 'sonarr'
      ? { seriesId: q.seriesId, episodeId: q.episodeId, seasonNumber: q.seasonNumber }
      : { movieId: q.movieId };
  return {
    ...episodeFields,
    languages: [ENGLISH],
    quality: qualityModel(lib, q.qualityId),
    customFormats: [],
    customFormatScore: q.customFormatScore,
    size: q.size,
    title: q.title,
    estimatedCompletionTime: iso(now + remainingMs),
    added: iso(q.added),
    status: q.status,
    trackedDownloadStatus: 'ok',
    trackedDownloadState: 'downloading',
    statusMessages: [],
    downloadId: q.downloadId,
    protocol: q.protocol,
    downloadClient: q.downloadClient,
    downloadClientHasPostImportCategory: false,
    indexer: q.indexer,
    outputPath: `/downloads/incomplete/${q.title}`,
    ...(lib.app === 'sonarr' ? { episodeHasFile: false } : {}),
    sizeleft: q.sizeleft,
    timeleft: timeSpan(remainingMs),
    id: q.id,
  };
}

export function renderHistory(lib: Library, h: HistoryRec) {
  const target = lib.app === 'radarr' ? lib.movies.get(h.movieId ?? 0) : lib.series.get(h.seriesId ?? 0);
  const profile = profileOf(lib, target?.qualityProfileId ?? 1);
  const ids = lib.app === 'radarr' ? { movieId: h.movieId } : { episodeId: h.episodeId, seriesId: h.seriesId };
  return {
    ...ids,
    sourceTitle: h.sourceTitle,
    languages: [ENGLISH],
    quality: qualityModel(lib, h.qualityId),
    customFormats: [],
    customFormatScore: h.customFormatScore,
    qualityCutoffNotMet: qualityCutoffNotMet(profile, h.qualityId),
    date: iso(h.date),
    downloadId: h.downloadId,
    eventType: h.eventType,
    data: {
      indexer: h.indexer,
      releaseGroup: h.releaseGroup,
      size: '4831838208',
      downloadClient: 'SABnzbd',
      downloadClientName: 'SABnzbd',
      protocol: '1',
      publishedDate: iso(h.date - 3_600_000),
      guid: `https://indexer.invalid/details/${h.downloadId.slice(0, 12).toLowerCase()}`,
    },
    id: h.id,
  };
}
