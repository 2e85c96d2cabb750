/** Radarr-only routes: movies, movie files, the movie editor, rename preview and wanted lists. */
import { apiError, serverError } from '../http/errors';
import type { Ctx, Router } from '../http/router';
import { renderMovie, renderMovieFile, renderRename, type MovieRenderOptions } from '../render/radarr';
import { qualityRank } from '../library/qualities';
import type { MovieRec, MovieStatus } from '../library/types';
import { applyTagEdit, editorIds, preflightTags } from './editor';
import { bodyObject, cmp, enumField, found, ok, optionalField, pagedReply, paging } from './util';

const STATUSES: readonly MovieStatus[] = ['tba', 'announced', 'inCinemas', 'released', 'deleted'];
const WANTED_KEYS = ['movieMetadata.digitalRelease', 'movieMetadata.inCinemas', 'movieMetadata.physicalRelease', 'movieMetadata.sortTitle', 'movieMetadata.year', 'movies.lastSearchTime'];

const opts = (c: Ctx, withStatistics: boolean, withFileScore = false): MovieRenderOptions => ({ now: c.sim.now(), version: c.sim.version, withStatistics, withFileScore });
const sortTitle = (m: MovieRec) => m.title.toLowerCase().replace(/^(the|a|an) /, '');

function wantedKey(key: string, m: MovieRec): number | string | undefined {
  switch (key) {
    case 'movieMetadata.digitalRelease':
      return m.digitalRelease;
    case 'movieMetadata.inCinemas':
      return m.inCinemas;
    case 'movieMetadata.physicalRelease':
      return m.physicalRelease;
    case 'movieMetadata.year':
      return m.year;
    case 'movies.lastSearchTime':
      return m.lastSearchTime;
    default:
      return sortTitle(m);
  }
}

/** Wanted cutoff uses the profile's cutoff index (MovieCutoffService), quality only. */
function belowCutoff(c: Ctx, m: MovieRec): boolean {
  const lib = c.sim.library;
  const f = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
  const p = lib.qualityProfiles.find((x) => x.id === m.qualityProfileId);
  if (!f || !p) return false;
  return qualityRank(p, f.qualityId) < p.items.findIndex((it) => (it.groupId ?? it.qualityId) === p.cutoff);
}

function wanted(c: Ctx, pick: (m: MovieRec) => boolean) {
  const p = paging(c.query, WANTED_KEYS, 'movieMetadata.sortTitle');
  const monitored = c.query.bool('monitored', true);
  const items = [...c.sim.library.movies.values()].filter((m) => m.monitored === monitored && pick(m));
  const o = opts(c, true, true);
  return pagedReply(p, items, (a, b) => cmp(wantedKey(p.sortKey, a), wantedKey(p.sortKey, b)) || a.id - b.id, (m) => renderMovie(c.sim.library, m, o));
}

export function radarrRoutes(r: Router): void {
  r.add('GET', '/api/v3/movie', (c) => {
    const lib = c.sim.library;
    const tmdbId = c.query.int('tmdbId');
    const o = opts(c, true);
    if (tmdbId !== undefined) return ok([...lib.movies.values()].filter((m) => m.tmdbId === tmdbId).slice(0, 1).map((m) => renderMovie(lib, m, o)));
    const movies = lib.movies;
    return { status: 200, total: movies.size, list: (function* () {
      for (const m of movies.values()) yield renderMovie(lib, m, o);
    })() };
  });
  r.add('GET', '/api/v3/movie/{id}', (c) => ok(renderMovie(c.sim.library, found(c.sim.library.movies.get(c.params.id)), opts(c, true))));

  r.add('PUT', '/api/v3/movie/editor', (c) => {
    const lib = c.sim.library;
    const body = bodyObject(c.body);
    const ids = editorIds(body, 'movieIds', lib.movies);
    const monitored = optionalField<boolean>(body, 'monitored', 'boolean');
    const qualityProfileId = optionalField<number>(body, 'qualityProfileId', 'number');
    const minimumAvailability = enumField(body, 'minimumAvailability', STATUSES);
    preflightTags(body);
    const movies = ids.map((id) => lib.movies.get(id)!);
    for (const m of movies) {
      if (monitored !== undefined) m.monitored = monitored;
      if (qualityProfileId !== undefined) m.qualityProfileId = qualityProfileId;
      if (minimumAvailability !== undefined) m.minimumAvailability = minimumAvailability;
      applyTagEdit(body, m);
    }
    const o = opts(c, false);
    return ok(movies.map((m) => renderMovie(lib, m, o)), 202);
  });

  r.add('GET', '/api/v3/moviefile', (c) => {
    const lib = c.sim.library;
    const movieIds = c.query.ints('movieId');
    const fileIds = c.query.ints('movieFileIds');
    if (movieIds.length === 0 && fileIds.length === 0) throw apiError(400, 'movieId or movieFileIds must be provided');
    const out = [];
    if (movieIds.length) {
      for (const id of movieIds) {
        const m = lib.movies.get(id);
        const f = m?.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
        if (m && f) out.push(renderMovieFile(lib, m, f, true));
      }
    } else {
      for (const id of fileIds) {
        const f = lib.movieFiles.get(id);
        const m = f ? lib.movies.get(f.movieId) : undefined;
        if (m && f) out.push(renderMovieFile(lib, m, f, true));
      }
    }
    return ok(out);
  });
  r.add('GET', '/api/v3/moviefile/{id}', (c) => {
    const f = found(c.sim.library.movieFiles.get(c.params.id));
    return ok(renderMovieFile(c.sim.library, found(c.sim.library.movies.get(f.movieId)), f, true));
  });

  r.add('GET', '/api/v3/rename', (c) => {
    const lib = c.sim.library;
    const ids = c.query.ints('movieId');
    if (ids.length === 0) throw apiError(400, 'movieId must be provided');
    // repeated ids only from 5.27.1; before that the single-id binder took the first
    const wantedIds = c.sim.version.atLeast(5, 27, 1) ? ids : ids.slice(0, 1);
    return ok(wantedIds.flatMap((id) => {
      const m = lib.movies.get(id);
      if (!m) throw serverError(`Movie with ID ${id} does not exist`, 'NzbDrone.Core.Datastore.ModelNotFoundException');
      return renderRename(lib, m);
    }));
  });

  r.add('GET', '/api/v3/wanted/missing', (c) => wanted(c, (m) => m.movieFileId === 0));
  r.add('GET', '/api/v3/wanted/cutoff', (c) => wanted(c, (m) => belowCutoff(c, m)));
}
