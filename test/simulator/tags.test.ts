import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call, get } from './http.js';

describe('tag label rules (spec/arr/NOTES.md §7)', () => {
  let sim: Simulator;
  afterEach(() => sim?.close());

  it('Radarr 6: 201 with the existing tag for an exact label, lowercased insert, 409 on a case collision', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const created = await call(sim, 'POST', '/api/v3/tag', { label: 'trawlarr-missing' });
    expect(created.status).toBe(201);
    const again = await call(sim, 'POST', '/api/v3/tag', { label: 'trawlarr-missing' });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(created.json);

    const upper = await call(sim, 'POST', '/api/v3/tag', { Label: 'New-Tag' });
    expect(upper.status).toBe(201);
    expect((upper.json as { label: string }).label).toBe('new-tag');

    const collision = await call(sim, 'POST', '/api/v3/tag', { label: 'Trawlarr-Missing' });
    expect(collision.status).toBe(409);
    expect((collision.json as { message: string }).message).toBe('constraint failed\r\nUNIQUE constraint failed: Tags.Label');
    const labels = (await get<{ label: string }[]>(sim, '/api/v3/tag')).map((t) => t.label);
    expect(labels).toEqual([...labels].sort());
    expect(labels.filter((l) => l === 'trawlarr-missing')).toHaveLength(1);
  });

  it('Radarr 6: 400 validation array for characters outside a-z, 0-9 and -, and for an empty label', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const bad = await call(sim, 'POST', '/api/v3/tag', { label: 'foo bar' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual([
      expect.objectContaining({ propertyName: 'Label', errorMessage: 'Allowed characters a-z, 0-9 and -', attemptedValue: 'foo bar', severity: 'error', errorCode: 'RegularExpressionValidator' }),
    ]);
    const empty = await call(sim, 'POST', '/api/v3/tag', { label: '' });
    expect(empty.status).toBe(400);
    expect((empty.json as { errorMessage: string }[]).map((f) => f.errorMessage)).toContain("'Label' must not be empty.");
  });

  it('Radarr 5.28 and Sonarr 4 accept any non-empty label but still lowercase it', async () => {
    for (const [app, version] of [['radarr', '5.28.0.10205'], ['sonarr', '4.0.19.2979']] as const) {
      sim = await startSimulator({ app, version, size: 'tiny' });
      const r = await call(sim, 'POST', '/api/v3/tag', { label: 'My Tag_1' });
      expect(r.status).toBe(201);
      expect((r.json as { label: string }).label).toBe('my tag_1');
      expect((await call(sim, 'POST', '/api/v3/tag', { label: '' })).status).toBe(400);
      await sim.close();
    }
  });

  it('GET /tag/{id} of an unknown id is a ProblemDetails 404; DELETE of a tag in use is 409', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const missing = await call(sim, 'GET', '/api/v3/tag/999');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ title: 'Not Found', status: 404 });
    // tag 1 ("kids") is on a generated movie
    const inUse = await call(sim, 'DELETE', '/api/v3/tag/1');
    expect(inUse.status).toBe(409);
    expect((inUse.json as { message: string }).message).toBe("'kids' cannot be deleted since it's still in use");
    const fresh = (await call(sim, 'POST', '/api/v3/tag', { label: 'unused' })).json as { id: number };
    expect((await call(sim, 'DELETE', `/api/v3/tag/${fresh.id}`)).status).toBe(200);
    expect((await call(sim, 'GET', `/api/v3/tag/${fresh.id}`)).status).toBe(404);
  });

  it('tag/detail lists the items carrying each tag', async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny' });
    const details = await get<{ id: number; seriesIds: number[] }[]>(sim, '/api/v3/tag/detail');
    for (const d of details) {
      const expected = [...sim.library.series.values()].filter((s) => s.tags.includes(d.id)).map((s) => s.id);
      expect(d.seriesIds).toEqual(expected);
    }
    expect(details.some((d) => d.seriesIds.length > 0)).toBe(true);
  });
});
