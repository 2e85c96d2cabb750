/**
 * Issue 11 on the dashboard: a job's row says what it waits for and until when, shows the
 * schedule's next run apart from "continues at", never "4 / 0 (100%)" while planning nor an ETA
 * for a finished cycle, offers "Start the next cycle" to an attended job whose cycle is complete,
 * and shows Run now's answer (server-side markup, read as text).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JobRowView, runNowFeedback } from '../../src/renderer/pages/dashboard/JobRow';
import { formatClock } from '../../src/renderer/lib/format';
import type { InstanceStatus, JobStatus } from '../../src/shared/status';

const NOW = Date.parse('2026-05-04T12:10:00Z');
const job = (over: Partial<JobStatus> = {}): JobStatus => ({ instanceId: 'radarr', jobId: 'missing', type: 'missing', enabled: true, paused: false, running: false, cycle: 3, done: 14, eligible: 190, ...over });
const instance: InstanceStatus = { id: 'radarr', name: 'Radarr', kind: 'radarr', enabled: true, paused: false, state: 'ok', budget: { key: 'radarr', usedLastHour: 29, usedLastDay: 29, maxPerHour: 30, maxPerDay: 100 }, jobs: [] };
const row = (j: JobStatus, feedback?: string) =>
  renderToStaticMarkup(
    <table>
      <tbody>
        <JobRowView instance={instance} job={j} now={NOW} feedback={feedback} />
      </tbody>
    </table>,
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('dashboard job row', () => {
  it('says what the job waits for and until when, and the continuation apart from the schedule', () => {
    const text = row(
      job({
        lastRun: { at: '2026-05-04T12:05:00Z', result: 'searched', searched: 5, cost: 5, message: '' },
        nextRunAt: '2026-05-05T03:00:00Z',
        continuesAt: '2026-05-04T13:05:00Z',
        waiting: { reason: 'budget-hour', detail: 'next command costs 5, 1 left', until: '2026-05-04T13:05:00Z' },
      }),
    );
    expect(text).toContain(`waiting for the hourly budget (next command costs 5, 1 left) until ${formatClock('2026-05-04T13:05:00Z')}`);
    expect(text).toContain(`continues at ${formatClock('2026-05-04T13:05:00Z')}`);
    // the schedule's 03:00 run, not the continuation's "in 55 min"
    expect(text).toContain('in 15 h');
    expect(text).toContain('14 of 190');
  });

  it('"planning…" before the cycle has its count; "cycle complete" instead of an ETA of "just now"', () => {
    const planning = row(job({ done: 4, eligible: 0, running: true }));
    expect(planning).toContain('planning…');
    expect(planning).not.toMatch(/100%|4 \/ 0/);
    const complete = row(job({ done: 190, eligible: 190, etaAt: new Date(NOW).toISOString(), lastRun: { at: '2026-05-04T12:05:00Z', result: 'cycle-complete', searched: 0, cost: 0, message: 'cycle 3 complete' } }));
    expect(complete).toContain('cycle complete');
    expect(complete).not.toContain('just now');
  });

  it('offers "Start the next cycle" only to an attended job whose cycle is complete', () => {
    const complete = { done: 190, eligible: 190, lastRun: { at: '2026-05-04T12:05:00Z', result: 'cycle-complete' as const, searched: 0, cost: 0, message: '' } };
    expect(row(job({ ...complete, nextCycleReady: true }))).toContain('Start the next cycle');
    expect(row(job(complete))).not.toContain('Start the next cycle');
  });

  it('shows Run now’s answer: the wait it meets, on the local clock', () => {
    const feedback = runNowFeedback({ started: true, outcome: 'waits', message: 'Missing on Radarr waiting…', waiting: { reason: 'budget-hour', detail: 'next command costs 1, 0 left', until: '2026-05-04T13:05:00Z' } });
    expect(feedback).toBe(`Run now: waiting for the hourly budget (next command costs 1, 0 left) until ${formatClock('2026-05-04T13:05:00Z')}`);
    expect(row(job(), feedback)).toContain(feedback);
    expect(runNowFeedback({ started: true, outcome: 'starts-now', message: 'Missing on Radarr starts now' })).toBe('Run now: Missing on Radarr starts now');
  });
});
