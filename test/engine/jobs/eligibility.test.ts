/**
 * Every job type's specifications, run through the planner with evaluateAll, select exactly the
 * items the brief's rules select (oracles in ./arbitrary.ts), on random libraries and filters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOB_DEFINITIONS, supportsApp } from '../../../src/engine/jobs/registry';
import { planJob } from '../../../src/engine/plan/job';
import { createPlanContext } from '../../../src/engine/plan/context';
import type { JobType } from '../../../src/shared/settings';
import { HD, NOW, NO_UPGRADES, MemoryLoader, job, series as makeSeries } from '../specs/fixtures';
import { JOB_TAG, TAGS, arbFilters, arbRadarrLibrary, arbSonarrLibrary, radarrOracle, sonarrOracle } from './arbitrary';

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('Radarr job types select what the rules say', () => {
  const types: JobType[] = ['missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'];
  it.each(types)('%s', async (type) => {
    await fc.assert(
      fc.asyncProperty(arbRadarrLibrary, arbFilters, fc.boolean(), fc.integer({ min: 1, max: 40 }), async (lib, filters, includeAtCutoff, refreshAfterDays) => {
        const settings = job({ type, filters, includeAtCutoff, refreshAfterDays });
        const ctx = createPlanContext({ now: NOW, job: settings, profiles: [HD, NO_UPGRADES], tags: TAGS, jobTagId: JOB_TAG, queue: { movieIds: lib.queue }, refreshedAt: lib.refreshedAt });
        const loader = new MemoryLoader({ movieFiles: lib.files, renames: lib.renames });
        const plan = await planJob({ app: 'radarr', def: JOB_DEFINITIONS[type], ctx, movies: lib.movies, limit: 10, loader, evaluateAll: true, seed: 1 });
        expect(sorted(plan.eligibleIds)).toEqual(sorted(radarrOracle(lib, settings)));
        expect(plan.unchecked).toBe(0);
        // every movie is either eligible or counted under exactly one reason
        expect(plan.eligibleIds.length + plan.reasons.total).toBe(lib.movies.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Sonarr episode job types select what the rules say', () => {
  const types: JobType[] = ['missing', 'new-episodes', 'cutoff-unmet', 'upgrade'];
  it.each(types)('%s', async (type) => {
    await fc.assert(
      fc.asyncProperty(
        arbSonarrLibrary,
        arbFilters,
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 96 }),
        fc.constantFrom('auto' as const, 'episode' as const, 'season' as const, 'series' as const),
        async (lib, filters, includeAtCutoff, graceHours, airedWithinHours, granularity) => {
          const settings = job({ type, filters, includeAtCutoff, graceHours, airedWithinHours, granularity });
          const ctx = createPlanContext({ now: NOW, job: settings, profiles: [HD, NO_UPGRADES], tags: TAGS, jobTagId: JOB_TAG, queue: { episodeIds: lib.queue } });
          const loader = new MemoryLoader({ episodes: lib.episodes, episodeFiles: lib.files });
          const plan = await planJob({ app: 'sonarr', def: JOB_DEFINITIONS[type], ctx, series: lib.series, limit: 1000, loader, evaluateAll: true, seed: 1 });
          const oracle = sorted(sonarrOracle(lib, settings));
          expect(sorted(plan.eligibleIds)).toEqual(oracle);
          // the commands cover every target exactly once, and only targets
          const covered = plan.commands.flatMap((c) => c.items.map((i) => i.id));
          expect(sorted(covered)).toEqual(oracle);
          // episodes are fetched only for series that passed the series specifications
          const asked = loader.idsAsked('episodes');
          for (const id of asked) {
            const s = lib.series.find((x) => x.id === id)!;
            expect(s.monitored && !s.tags.includes(JOB_TAG)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Sonarr series job types', () => {
  it('rename: series with a non-empty preview; refresh: series not refreshed lately', async () => {
    const all = [makeSeries({ id: 1, episodeFileCount: 3 }), makeSeries({ id: 2, episodeFileCount: 3 }), makeSeries({ id: 3, episodeFileCount: 0 }), makeSeries({ id: 4, episodeFileCount: 2, tags: [JOB_TAG] })];
    const renames = [
      { seriesId: 1, existingPath: 'a', newPath: 'b' },
      { seriesId: 4, existingPath: 'a', newPath: 'b' },
    ];
    const loader = new MemoryLoader({ renames });
    const ctx = createPlanContext({ now: NOW, job: job({ type: 'rename' }), profiles: [HD], tags: TAGS, jobTagId: JOB_TAG });
    const plan = await planJob({ app: 'sonarr', def: JOB_DEFINITIONS.rename, ctx, series: all, limit: 10, loader });
    expect(plan.eligibleIds).toEqual([1]);
    expect(plan.commands.map((c) => c.body)).toEqual([{ name: 'RenameSeries', seriesIds: [1] }]);
    expect(plan.commands[0].cost).toBe(0);
    expect(plan.reasons.toRecord()).toEqual({ 'nothing to rename': 1, 'series has no episode files': 1, 'tagged this cycle': 1 });
    expect(sorted(loader.idsAsked('renames'))).toEqual([1, 2]); // not the series without files, not the tagged one

    const refreshCtx = createPlanContext({ now: NOW, job: job({ type: 'refresh', refreshAfterDays: 30 }), profiles: [HD], tags: TAGS, jobTagId: JOB_TAG, refreshedAt: new Map([[2, NOW]]) });
    const refresh = await planJob({ app: 'sonarr', def: JOB_DEFINITIONS.refresh, ctx: refreshCtx, series: all, limit: 10, loader: new MemoryLoader() });
    expect(sorted(refresh.eligibleIds)).toEqual([1, 3]);
    expect(refresh.commands.map((c) => c.body.name)).toEqual(['RefreshSeries']);
  });

  it('new-episodes is a Sonarr job only; every other type runs on both apps', () => {
    expect(supportsApp('new-episodes', 'radarr')).toBe(false);
    expect(supportsApp('new-episodes', 'sonarr')).toBe(true);
    for (const type of ['missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'] as const) {
      expect([supportsApp(type, 'radarr'), supportsApp(type, 'sonarr')]).toEqual([true, true]);
    }
  });
});
