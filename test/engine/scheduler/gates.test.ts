import { describe, expect, it } from 'vitest';
import type { HealthCheck } from '../../../src/arr/model';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { healthGate, pauseGate, queueGate } from '../../../src/engine/scheduler/gates';

const T0 = Date.UTC(2026, 0, 5, 12);

describe('queueGate', () => {
  it('waits while queue/status totalCount is above the limit', async () => {
    const clock = new FakeClock(T0);
    let totalCount = 21;
    const gate = queueGate(async () => ({ totalCount }), 20, clock);
    expect(await gate.check()).toEqual({ ok: false, reason: 'download queue holds 21 items (limit 20)', detail: '21 items, limit 20', retryAt: T0 + 120_000, state: 'queue-full' });
    totalCount = 20;
    expect(await gate.check()).toEqual({ ok: true });
  });

  it('lets a failed fetch through as an error for the permit to report', async () => {
    const gate = queueGate(async () => Promise.reject(new Error('ETIMEDOUT')), 20, new FakeClock(T0));
    await expect(gate.check()).rejects.toThrow('ETIMEDOUT');
  });
});

describe('healthGate', () => {
  const clock = new FakeClock(T0);
  const check = (health: HealthCheck[]) => healthGate(async () => health, clock).check();

  it.each(['IndexerStatusCheck', 'IndexerLongTermStatusCheck', 'IndexerSearchCheck'])('waits on %s', async (source) => {
    const r = await check([{ source, type: 'warning', message: 'Indexers unavailable due to failures: NZBgeek' }]);
    expect(r).toEqual({
      ok: false,
      reason: 'indexers backed off: Indexers unavailable due to failures: NZBgeek',
      detail: 'Indexers unavailable due to failures: NZBgeek',
      retryAt: T0 + 300_000,
      state: 'indexers-backed-off',
    });
  });

  it('ignores other health checks and ok entries', async () => {
    expect(
      await check([
        { source: 'UpdateCheck', type: 'warning', message: 'New update available' },
        { source: 'IndexerRssCheck', type: 'warning', message: 'RSS disabled' },
        { source: 'IndexerStatusCheck', type: 'ok', message: '' },
      ]),
    ).toEqual({ ok: true });
  });
});

describe('pauseGate', () => {
  it('says no while paused', async () => {
    let paused = true;
    const gate = pauseGate(() => paused, new FakeClock(T0));
    expect(await gate.check()).toMatchObject({ ok: false, reason: 'paused' });
    paused = false;
    expect(await gate.check()).toEqual({ ok: true });
  });
});
