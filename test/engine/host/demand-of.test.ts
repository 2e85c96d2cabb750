/** A job's demand from its cycle document: idle, the rest of a cycle that will not restart, a day's new episodes, or no cap. */
import { describe, expect, it } from 'vitest';
import { demandOf } from '../../../src/engine/host/demand';
import { jobSchema, type JobSettingsInput } from '../../../src/shared/settings';
import type { RunResult } from '../../../src/shared/status';
import type { JobCycleState } from '../../../src/engine/store/state';

const NOW = Date.UTC(2026, 3, 10, 12);
const DAY = 86_400_000;
const job = (over: Partial<JobSettingsInput> = {}) => jobSchema.parse({ id: 'missing', type: 'missing', ...over });
const cycle = (result: RunResult | undefined, eligible: number, done: number, over: Partial<JobCycleState> = {}): JobCycleState => ({
  cycle: 1,
  cycleStartedAt: NOW - 2 * DAY,
  done,
  eligible,
  progress: {},
  ...(result ? { lastRun: { at: new Date(NOW).toISOString(), result, searched: 4, cost: 8, message: '' } } : {}),
  ...over,
});

describe('demandOf', () => {
  it('is unknown (no cap) before the first run', () => {
    expect(demandOf(job(), cycle(undefined, 0, 0), NOW)).toBeUndefined();
  });

  it('is 0 for a complete cycle that will not restart: unattended off, or until minCycleDays are up', () => {
    expect(demandOf(job({ unattended: false }), cycle('cycle-complete', 30, 30), NOW)).toBe(0);
    const soon = job({ minCycleDays: 3 });
    expect(demandOf(soon, cycle('cycle-complete', 30, 30), NOW)).toBe(0);
    expect(demandOf(soon, cycle('cycle-complete', 30, 30), NOW + DAY)).toBeUndefined();
  });

  it('is 0 when the last run found nothing eligible', () => {
    expect(demandOf(job(), cycle('nothing-to-do', 0, 0), NOW)).toBe(0);
  });

  it('is the cost of what is left of a cycle that will not restart, at the last run\'s cost per item', () => {
    expect(demandOf(job({ unattended: false }), cycle('searched', 30, 25), NOW)).toBe(10);
    expect(demandOf(job({ unattended: false }), cycle('searched', 30, 30), NOW)).toBe(0);
  });

  it('is the cost of what is eligible for new-episodes', () => {
    expect(demandOf(job({ id: 'new', type: 'new-episodes' }), cycle('searched', 6, 4), NOW)).toBe(12);
  });

  it('has no cap for a cycle that restarts when it ends', () => {
    expect(demandOf(job(), cycle('searched', 30, 29), NOW)).toBeUndefined();
    expect(demandOf(job(), cycle('searched', 30, 30), NOW)).toBeUndefined();
  });
});
