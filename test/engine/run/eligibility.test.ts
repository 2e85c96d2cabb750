/**
 * For every job type, on generated libraries holding every edge case, the engine's eligible set is
 * the simulator's ground truth, both ways (the ground truth is written independently from the same
 * rules). Dry runs with evaluateAll: nothing is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobType } from '../../../src/shared/settings';
import { harness, jobOf, type Harness } from './harness';

describe.each([
  ['radarr', ['missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh']],
  ['sonarr', ['missing', 'new-episodes', 'cutoff-unmet', 'upgrade', 'rename', 'refresh']],
] as const)('%s: eligible set equals the ground truth', (app, types) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ app, seed: 11, size: app === 'radarr' ? { movies: 600 } : { series: 60 } });
  });
  afterAll(() => h.close());

  it.each(types as readonly JobType[])('%s', async (type) => {
    const variants = [jobOf({ type }), jobOf({ type, includeAtCutoff: true, graceHours: 0, airedWithinHours: 72, refreshAfterDays: 1 })];
    for (const job of variants) {
      const report = await h.run(job, { dryRun: true, evaluateAll: true });
      expect(report.result, report.message).not.toBe('error');
      const truth = h.sim.groundTruth(type, job);
      expect(truth.length).toBeGreaterThan(0);
      expect(report.eligibleIds).toEqual(truth);
    }
  });

  it('filters too', async () => {
    const tags = h.sim.library.tags.map((t) => t.label);
    const profiles = h.sim.library.qualityProfiles.map((p) => p.id);
    const job = jobOf({ type: 'missing', filters: { qualityProfileIds: profiles.slice(0, 2), excludeTags: tags.slice(0, 1), addedAfter: '2020-01-01' } });
    const report = await h.run(job, { dryRun: true, evaluateAll: true });
    expect(report.eligibleIds).toEqual(h.sim.groundTruth('missing', job));
  });
});
