/**
 * The host's gates call the instance through its client. A full download queue holds back searches
 * but not a rename or refresh (cost 0): the host's wrapper must keep the scheduler gates' searchOnly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArrClient } from '../../../src/arr';
import { GateStates, instanceGates } from '../../../src/engine/host/gates';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { BudgetLedger } from '../../../src/engine/scheduler/budget';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { InstancePermit } from '../../../src/engine/scheduler/permit';
import { instanceSchema } from '../../../src/shared/settings';
import { startSimulator, type Simulator } from '../../../src/simulator';

let radarr: Simulator;

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 5, size: 'tiny' });
});
afterAll(() => radarr.close());

describe('host gates', () => {
  it('hold back searches while the download queue is over its limit, but not rename or refresh', async () => {
    radarr.faults.queueFull = 50;
    const instance = instanceSchema.parse({ id: 'radarr', name: 'Radarr', kind: 'radarr', url: radarr.url, apiKey: radarr.apiKey, throughput: { queueLimit: 20 } });
    const client = createArrClient(instance);
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 12));
    const states = new GateStates();
    const gates = instanceGates(instance, () => client, clock, states, () => undefined);
    const permit = new InstancePermit({
      clock,
      ledger: new BudgetLedger({ 'instance:radarr': { maxPerHour: 10, maxPerDay: 100 } }),
      budgetKey: 'instance:radarr',
      minGapMs: 0,
      activeHours: new ActiveHours([], 'UTC'),
      gates,
    });

    const search = await permit.acquire(1);
    expect(search).toMatchObject({ ok: false, code: 'gate' });
    expect(states.get('radarr')?.state).toBe('queue-full');

    const rename = await permit.acquire(0);
    expect(rename.ok).toBe(true);
    if (rename.ok) rename.commit();
    client.close();
  });
});
