/**
 * Issue 11: the dry run and the Preview word a run's size the same way, from the same numbers:
 * what a run now would search, what limits it, and the rest with the time it takes.
 */
import { describe, expect, it } from 'vitest';
import { onceText, type OnceJobJson } from '../../src/cli/once-output';
import { runPreviewSentence } from '../../src/shared/run-preview';

describe('the run-size sentence', () => {
  it('says what a run now searches, what limits it, and when the rest follows', () => {
    expect(runPreviewSentence({ now: 10, cost: 10, limit: { kind: 'hourly-budget', value: 10 }, rest: 87, restDays: 9 / 24 })).toBe(
      'would search 10 items now (hourly budget 10); the other 87 over about 9 h',
    );
    expect(runPreviewSentence({ now: 2, cost: 2, limit: { kind: 'items-per-run', value: 2, auto: false, commands: true }, rest: 40, restDays: 6.2 })).toBe(
      'would search 2 items now (searches per run 2); the other 40 over about 6 days',
    );
    expect(runPreviewSentence({ now: 1, cost: 1, limit: { kind: 'all' }, rest: 0, restDays: 0 })).toBe('would search 1 item now (all that is eligible)');
    expect(runPreviewSentence({ now: 0, cost: 0, limit: { kind: 'gate', reason: 'download queue holds 52 items (limit 50)' }, rest: 5, restDays: null })).toBe(
      'would search 0 items now (download queue holds 52 items (limit 50)); the other 5 not within the horizon at this pace',
    );
  });

  it('is what `trawlarr once --dry-run` prints', () => {
    const job: OnceJobJson = {
      instanceId: 'radarr', instanceName: 'Radarr', jobId: 'missing', jobType: 'missing', dryRun: true, result: 'searched', message: '', cycle: 1, cycleRestarted: false,
      progress: { done: 0, eligible: 97, remaining: 97 }, searched: [], failed: [], cost: 10, reasons: {},
      size: { now: 10, cost: 10, limit: { kind: 'hourly-budget', value: 10 }, rest: 87, restDays: 9 / 24 },
    };
    expect(onceText({ dryRun: true, jobs: [job] }).split('\n')[0]).toBe(
      'Radarr / missing (dry run): would search 10 items now (hourly budget 10); the other 87 over about 9 h (10 queries); cycle 1: 0 of 97 done',
    );
  });
});
