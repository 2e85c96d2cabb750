/**
 * One job's row on the dashboard: cycle progress from the engine's figures (the same words as the
 * tray and `trawlarr status`, shared/waits.ts), what it waits for and until when, the schedule's
 * next run apart from the continuation of a cut-short run, and Run now's answer shown at once.
 */
import { useState } from 'react';
import type { RunNowResult } from '../../../shared/contract/settings-schemas';
import type { InstanceStatus, JobStatus } from '../../../shared/status';
import { cycleView, waitText } from '../../../shared/waits';
import { api } from '../../api';
import { Badge } from '../../components/Badge';
import { Progress } from '../../components/Progress';
import { errorMessage } from '../../lib/errors';
import { formatClock, formatCount, formatDateTime, relativeTime } from '../../lib/format';
import { JOB_TYPE_LABELS, RUN_RESULT_LABELS } from '../../lib/labels';
import { useStatus } from '../../stores/status';

/** Run now's answer in words: "starts now", "queued…", or the wait it meets, on the local clock. */
export function runNowFeedback(r: RunNowResult): string {
  if (r.waiting) return `Run now: ${waitText(r.waiting, formatClock)}`;
  return `Run now: ${r.message}`;
}

/** An attended job (not unattended) stops when its cycle is complete until asked to start the next. */
export function canStartNextCycle(job: JobStatus): boolean {
  return job.nextCycleReady === true && !job.running;
}

interface ViewProps {
  instance: InstanceStatus;
  job: JobStatus;
  now: number;
  /** Run now's answer, shown under the buttons */
  feedback?: string;
  onRunNow?: () => void;
  onPause?: () => void;
  onNextCycle?: () => void;
}

export function JobRowView({ instance, job, now, feedback, onRunNow, onPause, onNextCycle }: ViewProps) {
  const name = `${instance.name} ${JOB_TYPE_LABELS[job.type]}`;
  const result = job.lastRun ? RUN_RESULT_LABELS[job.lastRun.result] : null;
  const cycle = cycleView(job, formatCount);
  return (
    <tr className={job.enabled ? undefined : 'job-row--disabled'}>
      <th scope="row">
        {JOB_TYPE_LABELS[job.type]}
        {job.jobId !== job.type ? <span className="muted"> ({job.jobId})</span> : null}
        <div className="muted job-row__sub">
          cycle {job.cycle} {!job.enabled ? <Badge tone="muted">Disabled</Badge> : null} {job.paused ? <Badge tone="warn">Paused</Badge> : null} {job.running ? <Badge tone="ok">Running</Badge> : null}
        </div>
      </th>
      <td className="stack-wide" data-label="Cycle progress">
        {cycle.kind === 'progress' ? <Progress done={cycle.done} total={cycle.eligible} label={`${name} cycle ${job.cycle} progress`} /> : <span className="muted">{cycle.text}</span>}
        {job.horizonWarning ? <div className="job-row__warn">{job.horizonWarning}</div> : null}
      </td>
      <td className="nowrap" data-label="ETA" title={formatDateTime(job.etaAt)}>
        {cycle.kind === 'complete' ? 'cycle complete' : cycle.kind === 'progress' && job.etaAt ? relativeTime(job.etaAt, now) : '—'}
      </td>
      <td data-label="Last run" title={job.lastRun ? `${formatDateTime(job.lastRun.at)}: ${job.lastRun.message}` : undefined}>
        {job.lastRun ? (
          <>
            <span className="nowrap">{relativeTime(job.lastRun.at, now)}</span> {result ? <Badge tone={result.tone}>{result.text}</Badge> : null}
            {job.lastRun.result !== 'searched' && job.lastRun.result !== 'waiting' && job.lastRun.message ? <div className="muted job-row__sub">{job.lastRun.message}</div> : null}
            {job.lastRun.searched > 0 ? <div className="muted job-row__sub">{formatCount(job.lastRun.searched)} searched</div> : null}
          </>
        ) : (
          <span className="muted">never</span>
        )}
      </td>
      <td data-label="Next run">
        <span className="nowrap" title={formatDateTime(job.nextRunAt)}>
          {job.nextRunAt ? relativeTime(job.nextRunAt, now) : '—'}
        </span>
        {job.continuesAt ? <div className="muted job-row__sub">continues at {formatClock(job.continuesAt)}</div> : null}
        {job.waiting ? <div className="job-row__sub job-row__wait">{waitText(job.waiting, formatClock)}</div> : null}
      </td>
      <td className="nowrap stack-wide">
        <button type="button" className="small" disabled={job.running || !job.enabled} aria-label={`Run ${name} now`} onClick={onRunNow}>
          Run now
        </button>{' '}
        <button type="button" className="small" aria-label={`${job.paused ? 'Resume' : 'Pause'} ${name}`} onClick={onPause}>
          {job.paused ? 'Resume' : 'Pause'}
        </button>
        {canStartNextCycle(job) ? (
          <>
            {' '}
            <button type="button" className="small" aria-label={`Start the next cycle of ${name}`} onClick={onNextCycle}>
              Start the next cycle
            </button>
          </>
        ) : null}
        {feedback ? (
          <div className="muted job-row__sub" role="status">
            {feedback}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function JobRow({ instance, job, now, onError }: { instance: InstanceStatus; job: JobStatus; now: number; onError: (m: string) => void }) {
  const setPaused = useStatus((s) => s.setPaused);
  const [feedback, setFeedback] = useState<string | undefined>();
  const ref = { instanceId: instance.id, jobId: job.jobId };
  return (
    <JobRowView
      instance={instance}
      job={job}
      now={now}
      feedback={feedback}
      onRunNow={() => {
        setFeedback('Run now: asking…');
        api.runJobNow(ref).then(
          (r) => setFeedback(runNowFeedback(r)),
          (e: unknown) => {
            setFeedback(undefined);
            onError(errorMessage(e));
          },
        );
      }}
      onPause={() => setPaused({ scope: 'job', ...ref }, !job.paused).catch((e: unknown) => onError(errorMessage(e)))}
      onNextCycle={() => api.startNextCycle(ref).then((r) => setFeedback(r.message), (e: unknown) => onError(errorMessage(e)))}
    />
  );
}
