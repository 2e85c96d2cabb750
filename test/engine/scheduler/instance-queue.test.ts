import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { InstanceQueue, type QueueJob, type RunContext, type RunOutcome } from '../../../src/engine/scheduler/instance-queue';
import { PauseRegistry } from '../../../src/engine/scheduler/pause';
import { JOB_TYPES, type JobType } from '../../../src/shared/settings';

const T0 = Date.UTC(2026, 0, 5, 12);
const MIN = 60_000;
const H = 60 * MIN;

interface Run {
  jobId: string;
  reason: string;
  at: number;
  quota?: number;
}

function harness(opts: {
  jobs: QueueJob[];
  priority?: JobType[];
  windows?: { start: string; end: string }[];
  durationMs?: number;
  outcome?: (job: QueueJob, ctx: RunContext) => RunOutcome | void;
  clock?: FakeClock;
  pauses?: PauseRegistry;
  snapshot?: InstanceQueue['snapshot'] extends () => infer S ? S : never;
}) {
  const clock = opts.clock ?? new FakeClock(T0);
  const pauses = opts.pauses ?? new PauseRegistry();
  const runs: Run[] = [];
  const aborted: string[] = [];
  let inFlight = 0;
  const queue = new InstanceQueue({
    instanceId: 'radarr',
    clock,
    jobs: opts.jobs,
    priority: opts.priority ?? [...JOB_TYPES],
    hours: new ActiveHours(opts.windows ?? [], 'UTC'),
    pauses,
    snapshot: opts.snapshot,
    run: async (job, ctx) => {
      inFlight++;
      if (inFlight > 1) throw new Error('two runs at once');
      runs.push({ jobId: job.id, reason: ctx.reason, at: ctx.startedAt, quota: ctx.quota });
      await clock.sleep(opts.durationMs ?? 5 * MIN, ctx.signal).catch(() => aborted.push(job.id));
      inFlight--;
      return opts.outcome?.(job, ctx);
    },
  });
  return { clock, pauses, queue, runs, aborted };
}

const job = (id: string, type: JobType, every = '24h'): QueueJob => ({ id, type, schedule: { every }, enabled: true });

describe('InstanceQueue', () => {
  it('runs due jobs one at a time, in priority order', async () => {
    const { queue, clock, runs } = harness({ jobs: [job('up', 'upgrade'), job('miss', 'missing'), job('ren', 'rename')] });
    queue.start();
    await clock.advance(H);
    expect(runs.map((r) => [r.jobId, r.at - T0])).toEqual([['miss', 0], ['up', 5 * MIN], ['ren', 10 * MIN]]);
  });

  it('follows a configured priority', async () => {
    const { queue, clock, runs } = harness({ jobs: [job('up', 'upgrade'), job('miss', 'missing')], priority: ['upgrade', 'missing'] });
    queue.start();
    await clock.advance(H);
    expect(runs.map((r) => r.jobId)).toEqual(['up', 'miss']);
  });

  it('an interval continues from the run start; a cron job from its next slot', async () => {
    const cron: QueueJob = { id: 'nightly', type: 'refresh', schedule: { cron: '0 3 * * *' }, enabled: true };
    const { queue, clock, runs } = harness({ jobs: [job('new', 'new-episodes', '6h'), cron] });
    queue.start();
    await clock.advance(25 * H);
    expect(runs.map((r) => `${r.jobId}+${(r.at - T0) / H}`)).toEqual(['new+0', 'new+6', 'new+12', 'nightly+15', 'new+18', 'new+24']);
  });

  it('moves a run due outside active hours to the start of the next window', async () => {
    const { queue, clock, runs } = harness({ jobs: [job('miss', 'missing')], windows: [{ start: '01:00', end: '07:00' }] });
    queue.start();
    await clock.advance(3 * 24 * H);
    expect(runs.map((r) => new Date(r.at).toISOString())).toEqual(['2026-01-06T01:00:00.000Z', '2026-01-07T01:00:00.000Z', '2026-01-08T01:00:00.000Z']);
  });

  it('after the machine slept for ten days: one run per job, then the normal rhythm', async () => {
    const { queue, clock, runs } = harness({ jobs: [job('miss', 'missing'), job('new', 'new-episodes', '1h')] });
    queue.start();
    await clock.advance(2 * H);
    runs.length = 0;
    clock.jump(10 * 24 * H);
    queue.wake();
    await clock.advance(3 * H);
    const t = T0 + 2 * H + 10 * 24 * H;
    expect(runs.map((r) => [r.jobId, r.reason, (r.at - t) / MIN])).toEqual([
      ['new', 'catch-up', 0],
      ['miss', 'catch-up', 5],
      ['new', 'scheduled', 60],
      ['new', 'scheduled', 120],
      ['new', 'scheduled', 180],
    ]);
  });

  it('a restart honours persisted times and catches up once', async () => {
    const first = harness({ jobs: [job('miss', 'missing'), job('up', 'upgrade', '168h')] });
    first.queue.start();
    await first.clock.advance(H);
    await first.queue.stop();
    const snapshot = JSON.parse(JSON.stringify(first.queue.snapshot()));
    // back 3 days later: missing is overdue (catch up once), upgrade is not due for 4 more days
    first.clock.jump(3 * 24 * H);
    const second = harness({ jobs: [job('miss', 'missing'), job('up', 'upgrade', '168h')], clock: first.clock, snapshot });
    second.queue.start();
    await second.clock.advance(5 * 24 * H);
    const back = T0 + H + 3 * 24 * H;
    expect(second.runs.map((r) => [r.jobId, r.reason, (r.at - back) / H])).toEqual([
      ['miss', 'catch-up', 0],
      ['miss', 'scheduled', 24],
      ['miss', 'scheduled', 48],
      ['miss', 'scheduled', 72],
      ['up', 'scheduled', 96 - 1 + 5 / 60],
      ['miss', 'scheduled', 96],
      ['miss', 'scheduled', 120],
    ]);
  });

  it('never starts a paused job; pausing aborts the running one; resuming runs an overdue job once', async () => {
    const { queue, clock, runs, pauses, aborted } = harness({ jobs: [job('miss', 'missing', '1h'), job('up', 'upgrade', '1h')], durationMs: 20 * MIN });
    pauses.pause({ level: 'job', instanceId: 'radarr', jobId: 'up' });
    queue.start();
    await clock.advance(10 * MIN);
    pauses.pause({ level: 'instance', instanceId: 'radarr' });
    await clock.advance(0);
    expect(aborted).toEqual(['miss']);
    await clock.advance(5 * H);
    expect(runs.map((r) => r.jobId)).toEqual(['miss']);
    pauses.resume({ level: 'instance', instanceId: 'radarr' });
    await clock.advance(30 * MIN);
    expect(runs.map((r) => [r.jobId, r.reason])).toEqual([['miss', 'scheduled'], ['miss', 'catch-up']]);
    expect(queue.runNow('up')).toEqual({ ok: false, reason: 'job "up" is paused' });
    pauses.pause({ level: 'all' });
    await clock.advance(10 * H);
    expect(runs).toHaveLength(2);
  });

  it('run now ignores the timer but not pauses or disabled jobs', async () => {
    const jobs = [job('up', 'upgrade', '168h'), { ...job('ren', 'rename'), enabled: false }];
    const { queue, clock, runs } = harness({ jobs });
    queue.start();
    await clock.advance(H);
    expect(queue.runNow('up')).toEqual({ ok: true });
    expect(queue.runNow('ren')).toEqual({ ok: false, reason: 'job "ren" is disabled' });
    expect(queue.runNow('nope')).toEqual({ ok: false, reason: 'no job "nope" on instance "radarr"' });
    await clock.advance(H);
    expect(runs.map((r) => [r.jobId, r.reason, (r.at - T0) / H])).toEqual([['up', 'scheduled', 0], ['up', 'manual', 1]]);
    // a manual run restarts the interval
    expect(queue.status().find((s) => s.jobId === 'up')!.nextRunAt).toBe(T0 + 169 * H);
  });

  it('a run that stopped early continues with its remaining quota, until the next regular run', async () => {
    let calls = 0;
    const { queue, clock, runs } = harness({
      jobs: [job('miss', 'missing', '6h')],
      outcome: (_, ctx) => (++calls <= 3 ? { continueAt: ctx.startedAt + 2 * H, remaining: 10 - calls } : undefined),
    });
    queue.start();
    await clock.advance(7 * H);
    expect(runs.map((r) => [r.reason, (r.at - T0) / H, r.quota])).toEqual([
      ['scheduled', 0, undefined],
      ['continue', 2, 9],
      ['continue', 4, 8],
      ['scheduled', 6, undefined], // the regular run replaces the third continuation
    ]);
  });

  it('a run that throws is reported and the schedule goes on', async () => {
    const clock = new FakeClock(T0);
    const errors: string[] = [];
    const queue = new InstanceQueue({
      instanceId: 'radarr', clock, jobs: [job('miss', 'missing', '1h')], priority: [...JOB_TYPES], hours: new ActiveHours([], 'UTC'),
      pauses: new PauseRegistry(), onError: (id, e) => errors.push(`${id}: ${(e as Error).message}`),
      run: async () => { throw new Error('boom'); },
    });
    queue.start();
    await clock.advance(150 * MIN);
    expect(errors).toEqual(['miss: boom', 'miss: boom', 'miss: boom']);
  });

  it('a settings change keeps the last run and applies the new interval', async () => {
    const { queue, clock, runs } = harness({ jobs: [job('up', 'upgrade', '168h')] });
    queue.start();
    await clock.advance(H);
    queue.updateJobs([job('up', 'upgrade', '12h'), job('miss', 'missing')]);
    await clock.advance(12 * H);
    expect(runs.map((r) => [r.jobId, (r.at - T0) / MIN])).toEqual([['up', 0], ['miss', 60], ['up', 720]]);
  });
});
