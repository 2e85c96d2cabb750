/** Sonarr-only routes: series, episodes, episode files, the series editor, rename preview and wanted lists. */
import { apiError } from '../http/errors';
import type { Ctx, Router } from '../http/router';
import { renderEpisode, renderEpisodeFile, renderRenames, renderSeries } from '../render/sonarr';
import { episodesOfFile, episodesOfSeries } from '../library/indexes';
import { qualityRank } from '../library/qualities';
import type { EpisodeRec, SeriesRec } from '../library/types';
import { applyTagEdit, editorIds, preflightTags } from './editor';
import { bodyObject, cmp, enumField, found, ok, optionalField, pagedReply, paging } from './util';

const WANTED_KEYS = ['episodes.airDateUtc', 'episodes.lastSearchTime', 'series.sortTitle'];
const SERIES_TYPES = ['standard', 'daily', 'anime'] as const;
const NEW_ITEMS = ['all', 'none'] as const;

const seriesOpts = (c: Ctx, withStatistics = true) => ({ now: c.sim.now(), version: c.sim.version, withStatistics });

function episodeReply(c: Ctx, e: EpisodeRec) {
  const lib = c.sim.library;
  const out: Record<string, unknown> = renderEpisode(lib, e, { version: c.sim.version, includeEpisodeFile: c.query.bool('includeEpisodeFile', false) });
  if (c.query.bool('includeSeries', false)) {
    const s = lib.series.get(e.seriesId);
    if (s) out.series = renderSeries(lib, s, seriesOpts(c, false));
  }
  return out;
}

function belowCutoff(c: Ctx, e: EpisodeRec): boolean {
  const lib = c.sim.library;
  const f = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
  const p = lib.qualityProfiles.find((x) => x.id === lib.series.get(e.seriesId)?.qualityProfileId);
  if (!f || !p) return false;
  return qualityRank(p, f.qualityId) < p.items.findIndex((it) => (it.groupId ?? it.qualityId) === p.cutoff);
}

/** monitored=true: episode and series monitored; false: either unmonitored (spec/arr/NOTES.md §10). */
function wanted(c: Ctx, pick: (e: EpisodeRec, s: SeriesRec) => boolean) {
  const lib = c.sim.library;
  const p = paging(c.query, WANTED_KEYS, 'episodes.airDateUtc');
  const monitored = c.query.bool('monitored', true);
  const items: EpisodeRec[] = [];
  for (const e of lib.episodes.values()) {
    const s = lib.series.get(e.seriesId);
    if (!s) continue;
    const isMonitored = e.monitored && s.monitored;
    if (isMonitored === monitored && pick(e, s)) items.push(e);
  }
  const key = (e: EpisodeRec) => (p.sortKey === 'episodes.lastSearchTime' ? e.lastSearchTime : p.sortKey === 'series.sortTitle' ? lib.series.get(e.seriesId)!.title.toLowerCase() : e.airDateUtc);
  return pagedReply(p, items, (a, b) => cmp(key(a), key(b)) || a.id - b.id, (e) => episodeReply(c, e));
}

export function sonarrRoutes(r: Router): void {
  r.add('GET', '/api/v3/series', (c) => {
    const lib = c.sim.library;
    const tvdbId = c.query.int('tvdbId');
    const o = seriesOpts(c);
    const all = [...lib.series.values()].filter((s) => tvdbId === undefined || s.tvdbId === tvdbId);
    return { status: 200, total: all.length, list: (function* () {
      for (const s of all) yield renderSeries(lib, s, o);
    })() };
  });
  r.add('GET', '/api/v3/series/{id}', (c) => ok(renderSeries(c.sim.library, found(c.sim.library.series.get(c.params.id)), seriesOpts(c))));

  r.add('PUT', '/api/v3/series/editor', (c) => {
    const lib = c.sim.library;
    const body = bodyObject(c.body);
    const ids = editorIds(body, 'seriesIds', lib.series);
    const monitored = optionalField<boolean>(body, 'monitored', 'boolean');
    const qualityProfileId = optionalField<number>(body, 'qualityProfileId', 'number');
    const seriesType = enumField(body, 'seriesType', SERIES_TYPES);
    enumField(body, 'monitorNewItems', NEW_ITEMS);
    preflightTags(body);
    const series = ids.map((id) => lib.series.get(id)!);
    for (const s of series) {
      if (monitored !== undefined) s.monitored = monitored;
      if (qualityProfileId !== undefined) s.qualityProfileId = qualityProfileId;
      if (seriesType !== undefined) s.seriesType = seriesType;
      applyTagEdit(body, s);
    }
    return ok(series.map((s) => renderSeries(lib, s, seriesOpts(c, false))), 202);
  });

  r.add('GET', '/api/v3/episode', (c) => {
    const lib = c.sim.library;
    const seriesId = c.query.int('seriesId');
    const episodeIds = c.query.ints('episodeIds');
    const fileId = c.query.int('episodeFileId');
    let eps: EpisodeRec[];
    if (seriesId !== undefined) {
      if (!lib.series.has(seriesId)) throw apiError(404, `Series with ID ${seriesId} does not exist`);
      const season = c.query.int('seasonNumber');
      eps = episodesOfSeries(lib, seriesId).filter((e) => season === undefined || e.seasonNumber === season);
    } else if (episodeIds.length) {
      eps = episodeIds.map((id) => lib.episodes.get(id)).filter((e): e is EpisodeRec => e !== undefined);
    } else if (fileId !== undefined) {
      eps = episodesOfFile(lib, fileId);
    } else {
      throw apiError(400, 'seriesId or episodeIds must be provided');
    }
    if (eps.length <= 200) return ok(eps.map((e) => episodeReply(c, e)));
    return { status: 200, total: eps.length, list: (function* () {
      for (const e of eps) yield episodeReply(c, e);
    })() };
  });
  r.add('GET', '/api/v3/episode/{id}', (c) => ok(episodeReply(c, found(c.sim.library.episodes.get(c.params.id)))));

  r.add('GET', '/api/v3/episodefile', (c) => {
    const lib = c.sim.library;
    const seriesId = c.query.int('seriesId');
    const fileIds = c.query.ints('episodeFileIds');
    if (seriesId === undefined && fileIds.length === 0) throw apiError(400, 'seriesId or episodeFileIds must be provided');
    const files =
      seriesId !== undefined
        ? [...new Set(episodesOfSeries(lib, seriesId).map((e) => e.episodeFileId).filter((id) => id > 0))].map((id) => lib.episodeFiles.get(id)).filter((f) => f !== undefined)
        : fileIds.map((id) => lib.episodeFiles.get(id)).filter((f) => f !== undefined);
    return ok(files.map((f) => renderEpisodeFile(lib, f, episodesOfFile(lib, f.id))));
  });
  r.add('GET', '/api/v3/episodefile/{id}', (c) => {
    const f = found(c.sim.library.episodeFiles.get(c.params.id));
    return ok(renderEpisodeFile(c.sim.library, f, episodesOfFile(c.sim.library, f.id)));
  });

  r.add('GET', '/api/v3/rename', (c) => {
    const lib = c.sim.library;
    const s = lib.series.get(c.query.int('seriesId') ?? 0);
    return ok(s ? renderRenames(lib, s, c.query.int('seasonNumber')) : []);
  });

  const now = (c: Ctx) => c.sim.now();
  r.add('GET', '/api/v3/wanted/missing', (c) =>
    wanted(c, (e, s) => e.episodeFileId === 0 && e.airDateUtc !== undefined && e.airDateUtc + s.runtime * 60_000 <= now(c)),
  );
  r.add('GET', '/api/v3/wanted/cutoff', (c) => wanted(c, (e) => e.seasonNumber >= 1 && belowCutoff(c, e)));
  r.add('GET', '/api/v3/wanted/missing/{id}', (c) => ok(episodeReply(c, found(c.sim.library.episodes.get(c.params.id)))));
  r.add('GET', '/api/v3/wanted/cutoff/{id}', (c) => ok(episodeReply(c, found(c.sim.library.episodes.get(c.params.id)))));
}
