/**
 * Security finding 9.2, the UI's save path: the AppService (through the contract's dispatch, as
 * both transports call it) refuses a job whose cron schedule has other than five fields or runs
 * closer than 15 minutes, with the job form's field named, and saves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import type { Settings } from '../../../src/shared/settings';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { caller, type Caller } from './caller';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

let radarr: Simulator;
let host: EngineHost;
let saved: Settings[];
let api: Caller;
let tmp: { dir: string; remove: () => Promise<void> };

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 93, size: 'tiny' });
  tmp = await tempDir();
  const opened = await openHost(settingsOf([instanceOf(radarr, 'radarr', { jobs: [{ id: 'missing', type: 'missing', schedule: { cron: '0 3 1 1 *' } }] })]), tmp.dir);
  host = opened.host;
  saved = opened.saved;
  api = caller(host.service);
});

afterAll(async () => {
  await host?.stop();
  await radarr?.close();
  await tmp?.remove();
});

describe('security finding 9.2: saving a job with a bad cron schedule from the UI', () => {
  it.each([
    // five fields but runs every 5 minutes, then text that is no cron at all, then a seconds field
    ['*/5 * * * *', 'runs must be at least 15 minutes apart; this expression runs 5 minutes apart (00:00 and 00:05)'],
    ['aaaaaaaaa', 'a cron expression has exactly five fields (minute hour day-of-month month weekday), e.g. "0 3 * * *"; this one has 1'],
    ['* * * * * *', 'a cron expression has exactly five fields (minute hour day-of-month month weekday), e.g. "0 3 * * *"; this one has 6'],
  ])('"%s" is refused with the schedule field named, and nothing is saved', async (cron, message) => {
    const before = saved.length;
    // disabled: its schedule must be valid all the same (and a job that never runs cannot spin the test)
    const failure = await api.fail('saveJob', { instanceId: 'radarr', job: { id: 'upgrade', type: 'upgrade', enabled: false, schedule: { cron } } });
    expect(failure.code).toBe('invalid-request');
    expect(failure.issues).toEqual([{ path: ['job', 'schedule', 'cron'], field: 'job.schedule.cron', message }]);
    expect(failure.message).toBe(`saveJob: job.schedule.cron: ${message}`);
    expect(saved.length).toBe(before);
    expect((await api.ok('getSettings', {})).instances[0].jobs.map((j) => j.id)).toEqual(['missing']);
  });

  it('saves a good one', async () => {
    const next = await api.ok('saveJob', { instanceId: 'radarr', job: { id: 'upgrade', type: 'upgrade', schedule: { cron: '*/15 * * * *' } } });
    expect(next.instances[0].jobs.map((j) => [j.id, j.schedule])).toEqual([['missing', { cron: '0 3 1 1 *' }], ['upgrade', { cron: '*/15 * * * *' }]]);
  });
});
