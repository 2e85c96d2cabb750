/** Tags with the real label rules (spec/arr/NOTES.md §7). */
import { apiError, conflict, notEmpty, validationError } from '../http/errors';
import type { Router } from '../http/router';
import type { SimState } from '../state';
import type { TagRec } from '../library/types';
import { bodyObject, field, found, ok } from './util';

/** Radarr 6.0.0+ and Sonarr 5 restrict labels to a-z, 0-9 and - (case-insensitive check). */
function validateLabel(sim: SimState, label: unknown): string {
  const failures = [];
  const text = typeof label === 'string' ? label : '';
  if (text.trim() === '') failures.push(notEmpty('Label', label ?? null));
  const strict = sim.app === 'radarr' ? sim.version.atLeast(6) : sim.version.atLeast(5);
  if (strict && typeof label === 'string' && !/^[a-z0-9-]+$/i.test(label)) {
    failures.push({ propertyName: 'Label', errorMessage: 'Allowed characters a-z, 0-9 and -', attemptedValue: label, errorCode: 'RegularExpressionValidator' });
  }
  if (failures.length) throw validationError(failures);
  return text;
}

const uniqueViolation = () => conflict('constraint failed\r\nUNIQUE constraint failed: Tags.Label');

function inUse(sim: SimState, id: number): boolean {
  const items = sim.app === 'radarr' ? sim.library.movies.values() : sim.library.series.values();
  for (const it of items) if (it.tags.includes(id)) return true;
  return false;
}

function detail(sim: SimState, t: TagRec) {
  const items = sim.app === 'radarr' ? sim.library.movies.values() : sim.library.series.values();
  const ids: number[] = [];
  for (const it of items) if (it.tags.includes(t.id)) ids.push(it.id);
  return {
    label: t.label,
    delayProfileIds: [],
    importListIds: [],
    notificationIds: [],
    ...(sim.app === 'radarr' ? { releaseProfileIds: [] } : { restrictionIds: [] }),
    indexerIds: [],
    downloadClientIds: [],
    autoTagIds: [],
    ...(sim.app === 'radarr' ? { movieIds: ids } : { seriesIds: ids }),
    id: t.id,
  };
}

const render = (t: TagRec) => ({ label: t.label, id: t.id });
const byLabel = (tags: TagRec[]) => tags.slice().sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

export function tagRoutes(r: Router): void {
  r.add('GET', '/api/v3/tag', (c) => ok(byLabel(c.sim.library.tags).map(render)));
  r.add('GET', '/api/v3/tag/{id}', (c) => ok(render(found(c.sim.library.tags.find((t) => t.id === c.params.id)))));
  r.add('GET', '/api/v3/tag/detail', (c) => ok(byLabel(c.sim.library.tags).map((t) => detail(c.sim, t))));
  r.add('GET', '/api/v3/tag/detail/{id}', (c) => ok(detail(c.sim, found(c.sim.library.tags.find((t) => t.id === c.params.id)))));
  r.add('POST', '/api/v3/tag', (c) => {
    const label = validateLabel(c.sim, field(bodyObject(c.body), 'label'));
    const tags = c.sim.library.tags;
    // TagService.Add: exact (case-sensitive) lookup first, then insert lowercased into a UNIQUE column
    const existing = tags.find((t) => t.label === label);
    if (existing) return ok(render(existing), 201);
    const lower = label.toLowerCase();
    if (tags.some((t) => t.label === lower)) throw uniqueViolation();
    const tag = { id: c.sim.library.nextId.tag++, label: lower };
    tags.push(tag);
    return ok(render(tag), 201);
  });
  r.add('PUT', '/api/v3/tag/{id}', (c) => {
    const tag = c.sim.library.tags.find((t) => t.id === c.params.id);
    if (!tag) throw apiError(404, `Tag with ID ${c.params.id} does not exist`);
    const lower = validateLabel(c.sim, field(bodyObject(c.body), 'label')).toLowerCase();
    if (c.sim.library.tags.some((t) => t.label === lower && t.id !== tag.id)) throw uniqueViolation();
    tag.label = lower;
    return ok(render(tag), 202);
  });
  r.add('DELETE', '/api/v3/tag/{id}', (c) => {
    const tags = c.sim.library.tags;
    const i = tags.findIndex((t) => t.id === c.params.id);
    if (i < 0) throw apiError(404, `Tag with ID ${c.params.id} does not exist`);
    if (inUse(c.sim, tags[i].id)) throw apiError(409, `'${tags[i].label}' cannot be deleted since it's still in use`);
    tags.splice(i, 1);
    return { status: 200 };
  });
}
