/** Queue and history, both apps (spec/arr/NOTES.md §11). */
import { bindingProblem } from '../http/errors';
import type { Query } from '../http/query';
import type { Router } from '../http/router';
import { renderHistory, renderQueue } from '../render/common';
import { renderMovie } from '../render/radarr';
import { renderEpisode, renderSeries } from '../render/sonarr';
import type { HistoryRec, QueueRec } from '../library/types';
import type { SimState } from '../state';
import { cmp, ok, pagedReply, paging } from './util';

const EVENT_TYPES = {
  radarr: ['unknown', 'grabbed', '', 'downloadFolderImported', 'downloadFailed', '', 'movieFileDeleted', 'movieFolderImported', 'movieFileRenamed', 'downloadIgnored'],
  sonarr: ['unknown', 'grabbed', 'seriesFolderImported', 'downloadFolderImported', 'downloadFailed', 'episodeFileDeleted', 'episodeFileRenamed', 'downloadIgnored'],
};

/** eventType as a name or its number; undefined when absent */
function eventTypeParam(sim: SimState, q: Query): string | undefined {
  const v = q.get('eventType');
  if (v === undefined) return undefined;
  const names = EVENT_TYPES[sim.app];
  if (/^\d+$/.test(v) && names[Number(v)]) return names[Number(v)];
  const hit = names.find((n) => n && n.toLowerCase() === v.toLowerCase());
  if (!hit) throw bindingProblem({ eventType: [`The value '${v}' is not valid.`] });
  return hit;
}

function withIncludes(sim: SimState, q: Query, h: HistoryRec | QueueRec, rendered: Record<string, unknown>) {
  const lib = sim.library;
  const now = sim.now();
  if (sim.app === 'radarr' && q.bool('includeMovie', false) && h.movieId) {
    const m = lib.movies.get(h.movieId);
    if (m) rendered.movie = renderMovie(lib, m, { now, version: sim.version, withStatistics: false, withFileScore: false });
  }
  if (sim.app === 'sonarr') {
    if (q.bool('includeSeries', false) && h.seriesId) {
      const s = lib.series.get(h.seriesId);
      if (s) rendered.series = renderSeries(lib, s, { now, version: sim.version, withStatistics: false });
    }
    if (q.bool('includeEpisode', false) && h.episodeId) {
      const e = lib.episodes.get(h.episodeId);
      if (e) rendered.episode = renderEpisode(lib, e, { version: sim.version });
    }
  }
  return rendered;
}

function queueFilter(sim: SimState, q: Query): (x: QueueRec) => boolean {
  const ids = new Set(sim.app === 'radarr' ? q.ints('movieIds') : q.ints('seriesIds'));
  if (ids.size === 0) return () => true;
  return (x) => ids.has((sim.app === 'radarr' ? x.movieId : x.seriesId) ?? -1);
}

export function activityRoutes(r: Router, app: SimState['app']): void {
  r.add('GET', '/api/v3/queue', (c) => {
    const p = paging(c.query, ['added', 'progress', 'protocol', 'indexer', 'size', 'title', 'timeleft', 'estimatedCompletionTime', 'status'], 'timeleft');
    const items = c.sim.library.queue.filter(queueFilter(c.sim, c.query));
    const key = (x: QueueRec): number | string => (p.sortKey === 'title' ? x.title : p.sortKey === 'added' ? x.added : p.sortKey === 'size' ? x.size : x.sizeleft);
    return pagedReply(p, items, (a, b) => cmp(key(a), key(b)) || a.id - b.id, (x) => withIncludes(c.sim, c.query, x, renderQueue(c.sim.library, x, c.sim.now())));
  });
  r.add('GET', '/api/v3/queue/status', (c) => {
    const real = c.sim.library.queue.length;
    const shown = Math.max(real, c.sim.faults.queueFull ?? 0);
    return ok({ totalCount: shown, count: shown, unknownCount: 0, errors: false, warnings: false, unknownErrors: false, unknownWarnings: false });
  });
  r.add('GET', '/api/v3/queue/details', (c) => {
    const lib = c.sim.library;
    let items = lib.queue;
    if (c.sim.app === 'radarr') {
      const movieId = c.query.int('movieId');
      if (movieId !== undefined) items = items.filter((x) => x.movieId === movieId);
    } else {
      const seriesId = c.query.int('seriesId');
      const episodeIds = new Set(c.query.ints('episodeIds'));
      if (seriesId !== undefined) items = items.filter((x) => x.seriesId === seriesId);
      else if (episodeIds.size) items = items.filter((x) => episodeIds.has(x.episodeId ?? -1));
    }
    return ok(items.map((x) => withIncludes(c.sim, c.query, x, renderQueue(lib, x, c.sim.now()))));
  });

  r.add('GET', '/api/v3/history/since', (c) => {
    const dateText = c.query.get('date');
    const since = dateText === undefined ? Number.NEGATIVE_INFINITY : Date.parse(dateText);
    if (Number.isNaN(since)) throw bindingProblem({ date: [`The value '${dateText}' is not valid.`] });
    const type = eventTypeParam(c.sim, c.query);
    const rows = c.sim.library.history.filter((h) => h.date >= since && (!type || h.eventType === type)).sort((a, b) => a.date - b.date || a.id - b.id);
    return ok(rows.map((h) => withIncludes(c.sim, c.query, h, renderHistory(c.sim.library, h))));
  });
  r.add('GET', '/api/v3/history', (c) => {
    const p = paging(c.query, ['date', 'sourceTitle', 'eventType'], 'date');
    const types = c.query.all('eventType').map((v) => {
      const n = Number(v);
      if (!Number.isInteger(n)) throw bindingProblem({ eventType: [`The value '${v}' is not valid.`] });
      return EVENT_TYPES[c.sim.app][n];
    });
    const itemIds = new Set(c.sim.app === 'radarr' ? c.query.ints('movieIds') : c.query.ints('seriesIds'));
    const episodeId = c.query.int('episodeId');
    const downloadId = c.query.get('downloadId');
    const rows = c.sim.library.history.filter(
      (h) =>
        (types.length === 0 || types.includes(h.eventType)) &&
        (itemIds.size === 0 || itemIds.has((c.sim.app === 'radarr' ? h.movieId : h.seriesId) ?? -1)) &&
        (episodeId === undefined || h.episodeId === episodeId) &&
        (downloadId === undefined || h.downloadId === downloadId),
    );
    return pagedReply(p, rows, (a, b) => (p.sortKey === 'sourceTitle' ? cmp(a.sourceTitle, b.sourceTitle) : p.sortKey === 'eventType' ? cmp(a.eventType, b.eventType) : cmp(a.date, b.date)) || a.id - b.id, (h) =>
      withIncludes(c.sim, c.query, h, renderHistory(c.sim.library, h)),
    );
  });
  if (app === 'radarr') r.add('GET', '/api/v3/history/movie', (c) => {
    const movieId = c.query.int('movieId');
    const type = eventTypeParam(c.sim, c.query);
    const rows = c.sim.library.history.filter((h) => h.movieId === movieId && (!type || h.eventType === type)).sort((a, b) => b.date - a.date);
    return ok(rows.map((h) => withIncludes(c.sim, c.query, h, renderHistory(c.sim.library, h))));
  });
  if (app === 'sonarr') r.add('GET', '/api/v3/history/series', (c) => {
    const seriesId = c.query.int('seriesId');
    const season = c.query.int('seasonNumber');
    const type = eventTypeParam(c.sim, c.query);
    const lib = c.sim.library;
    const rows = lib.history
      .filter((h) => h.seriesId === seriesId && (!type || h.eventType === type) && (season === undefined || lib.episodes.get(h.episodeId ?? 0)?.seasonNumber === season))
      .sort((a, b) => b.date - a.date);
    return ok(rows.map((h) => withIncludes(c.sim, c.query, h, renderHistory(lib, h))));
  });
}
