/**
 * The host's AppService, engine side, against a simulated Radarr: preview (a dry run: exact
 * counts, the same eligible set as the simulator's ground truth, no POST or PUT), run now through
 * the scheduler (the hourly budget still holds), pause, status and events, history pages, the
 * per-day chart, CSV, and the throughput forecast. No response may hold the key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import type { BackendEvent } from '../../../src/shared/contract';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { caller, type Caller } from './caller';
import { instanceOf, openHost, settingsOf, tempDir, writes } from './support';

let radarr: Simulator;
let host: EngineHost;
let events: BackendEvent[];
let api: Caller;
let cleanup: () => Promise<void>;

/** A yearly cron: the job never starts on its own during the test, only when asked. */
const NEVER = { cron: '0 3 1 1 *' };
const FILTER = { qualityProfileIds: [1], includeTags: [], excludeTags: [], statuses: [] };

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 31, size: 'small', grabChance: 0.5 });
  const tmp = await tempDir();
  const settings = settingsOf([
    instanceOf(radarr, 'radarr', {
      throughput: { maxPerHour: 3, maxPerDay: 20, minGapSeconds: 2, queueLimit: 1000 },
      jobs: [{ id: 'missing', type: 'missing', schedule: NEVER }],
    }),
    instanceOf(radarr, 'spare', { enabled: false, jobs: [{ id: 'missing', type: 'missing', schedule: NEVER }] }),
  ]);
  const opened = await openHost(settings, tmp.dir);
  host = opened.host;
  events = opened.events;
  api = caller(host.service);
  await host.start();
  cleanup = async () => {
    await host.stop();
    await radarr.close();
    await tmp.remove();
  };
});

afterAll(async () => {
  const { texts, redactions, internal } = api.transcript();
  await cleanup();
  expect(redactions).toEqual([]);
  expect(internal).toEqual([]);
  for (const text of texts) expect(text).not.toContain(radarr.apiKey);
  for (const event of events) expect(JSON.stringify(event)).not.toContain(radarr.apiKey);
});

describe('host service: runs', () => {
  it('previews a saved job and a draft exactly, like the ground truth, sending no POST or PUT', async () => {
    const writesBefore = writes(radarr).length;
    const truth = radarr.groundTruth('missing', { id: 'missing' });
    const preview = await api.ok('previewJob', { instanceId: 'radarr', jobId: 'missing' });
    expect(preview.eligible).toBe(truth.length);
    expect(preview.done).toBe(0);
    expect(preview.cycle).toBe(1);
    // auto items per run: a yearly run may spend a year of the daily budget, but a run now gets
    // the hour's 3 queries (issue 11: the preview said every eligible movie, the run searched 3)
    expect(preview.chosen.length).toBe(3);
    expect(preview.size).toMatchObject({ now: 3, cost: 3, limit: { kind: 'hourly-budget', value: 3 }, rest: truth.length - 3 });
    expect(preview.chosen.every((c) => truth.includes(c.id))).toBe(true);
    expect(preview.cost).toBe(preview.chosen.length);
    // every movie is eligible or skipped for a reason
    expect(Object.values(preview.skipped).reduce((a, b) => a + b, 0) + preview.eligible).toBe(radarr.library.movies.size);

    const filtered = radarr.groundTruth('missing', { id: 'missing', filters: FILTER });
    const draft = await api.ok('previewJob', { instanceId: 'radarr', jobId: 'missing', draft: { id: 'missing', type: 'missing', filters: FILTER, itemsPerRun: 4 } });
    expect(draft.eligible).toBe(filtered.length);
    expect(draft.chosen.length).toBe(Math.min(3, filtered.length)); // 4 per run, 3 queries this hour

    const bad = await api.fail('previewJob', { instanceId: 'radarr', jobId: 'new', draft: { id: 'new', type: 'new-episodes' } });
    expect(bad.issues?.[0]).toMatchObject({ path: ['job', 'type'], message: 'new-episodes is a Sonarr job' });
    expect((await api.fail('previewJob', { instanceId: 'radarr', jobId: 'nope' })).code).toBe('not-found');

    expect(writes(radarr).length).toBe(writesBefore);
    expect(radarr.searches).toEqual([]);
    // a preview is not something Trawlarr did: history stays empty
    expect((await api.ok('queryHistory', {})).total).toBe(0);
  });

  it('runs a job now through the scheduler: the hourly budget holds, the rest waits for the next hour', async () => {
    const result = await api.ok('runJobNow', { instanceId: 'radarr', jobId: 'missing' });
    expect(result.started).toBe(true);
    expect(result).toMatchObject({ outcome: 'starts-now', message: 'Missing on Radarr radarr starts now' });
    await until('the run to end', () => host.status().instances[0].jobs[0].lastRun !== undefined && !host.status().instances[0].jobs[0].running);
    await host.whenIdle();
    const cost = radarr.searches.reduce((n, s) => n + s.cost, 0);
    expect(cost).toBe(3); // the run's share is the daily 20, but 3 queries an hour
    const job = host.status().instances[0].jobs[0];
    expect(job.done).toBe(3);
    expect(job.lastRun).toMatchObject({ result: 'searched', searched: 3, cost: 3 });
    expect(job.etaAt).toBeDefined();
    // the rest of the run continues when the budget allows, about an hour later
    expect(Date.parse(job.nextRunAt!) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(host.status().instances[0].budget).toMatchObject({ usedLastHour: 3, usedLastDay: 3 });

    const searched = radarr.searches.flatMap((s) => s.ids).sort((a, b) => a - b);
    const page = await api.ok('queryHistory', { instanceId: 'radarr', status: ['searched', 'grabbed'] });
    expect(page.entries.flatMap((e) => e.items.map((i) => i.id)).sort((a, b) => a - b)).toEqual(searched);
    const engine = events.filter((e) => e.event === 'engine').map((e) => e.payload.type);
    expect(engine.filter((t) => t === 'history').length).toBeGreaterThanOrEqual(page.entries.length);
    expect(events.some((e) => e.event === 'status' && e.payload.instances[0].jobs[0].done === 3)).toBe(true);

    expect((await api.fail('runJobNow', { instanceId: 'radarr', jobId: 'nope' })).code).toBe('not-found');
    expect(await api.ok('runJobNow', { instanceId: 'spare', jobId: 'missing' })).toMatchObject({ started: false });
  });

  it('pauses a job (it will not run now) and resumes it', async () => {
    const paused = await api.ok('setPaused', { target: { scope: 'job', instanceId: 'radarr', jobId: 'missing' }, paused: true });
    expect(paused.instances[0].jobs[0].paused).toBe(true);
    expect(paused.instances[0].paused).toBe(false);
    expect(await api.ok('runJobNow', { instanceId: 'radarr', jobId: 'missing' })).toEqual({ started: false, message: 'Missing on Radarr radarr is paused: resume it to run it' });
    const all = await api.ok('setPaused', { target: { scope: 'all' }, paused: true });
    expect(all.paused).toBe(true);
    await api.ok('setPaused', { target: { scope: 'all' }, paused: false });
    const resumed = await api.ok('setPaused', { target: { scope: 'job', instanceId: 'radarr', jobId: 'missing' }, paused: false });
    expect(resumed.instances[0].jobs[0].paused).toBe(false);
    expect((await api.fail('setPaused', { target: { scope: 'instance', instanceId: 'nope' }, paused: true })).code).toBe('not-found');
  });

  it('counts history per day, exports CSV and pages newest first', async () => {
    const searchedItems = radarr.searches.reduce((n, s) => n + s.ids.length, 0);
    const perDay = await api.ok('historyPerDay', { days: 7, timeZone: 'UTC' });
    expect(perDay.days).toHaveLength(7);
    expect(perDay.days[6]).toMatchObject({ date: new Date().toISOString().slice(0, 10), searched: searchedItems });

    const csv = await api.ok('exportHistoryCsv', { status: ['searched', 'grabbed'] });
    const lines = csv.csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,at,instanceId,jobId/);
    expect(lines.length - 1).toBe((await api.ok('queryHistory', { status: ['searched', 'grabbed'] })).total);
    expect(csv.fileName).toMatch(/^trawlarr-history-\d{4}-\d{2}-\d{2}\.csv$/);

    const all = await api.ok('queryHistory', { limit: 500 });
    const first = await api.ok('queryHistory', { limit: 2 });
    const next = await api.ok('queryHistory', { limit: 2, before: first.entries[1].id });
    expect([...first.entries, ...next.entries].map((e) => e.id)).toEqual(all.entries.slice(0, 4).map((e) => e.id));
    expect(all.entries.some((e) => e.dryRun)).toBe(false); // previews are not recorded
  });

  it('forecasts the coverage for a draft throughput: less budget, more days', async () => {
    const slow = await api.ok('forecastThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 3, maxPerDay: 5 } });
    const fast = await api.ok('forecastThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 3, maxPerDay: 50 } });
    const remaining = host.status().instances[0].jobs[0].eligible - 3;
    expect(slow.jobs).toEqual([expect.objectContaining({ instanceId: 'radarr', jobId: 'missing', remaining })]);
    // auto items per run: the daily budget holds it back
    expect(slow.fullCoverageDays).toBeCloseTo(remaining / 5, 0);
    expect(fast.fullCoverageDays!).toBeLessThan(slow.fullCoverageDays!);
    const tight = await api.ok('forecastThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { maxPerHour: 1, maxPerDay: 1 } });
    expect(remaining).toBeGreaterThan(90);
    expect(tight.jobs[0].withinHorizon).toBe(false);
    expect(tight.jobs[0].suggestion).toMatch(/queries\/day would finish it in 90 days/);
    const group = await api.ok('forecastThroughput', { scope: 'budgetGroup', budgetGroupId: 'none-yet', budget: { maxPerHour: 5, maxPerDay: 50 } });
    expect(group).toEqual({ jobs: [], fullCoverageDays: 0, horizonDays: 90 });
  });
});
