import type { InstanceStatus, JobStatus } from '../../../shared/status';
import { api } from '../../api';
import { Badge } from '../../components/Badge';
import { Progress } from '../../components/Progress';
import { errorMessage } from '../../lib/errors';
import { formatCount, formatDateTime, relativeTime } from '../../lib/format';
import { INSTANCE_STATE_LABELS, JOB_TYPE_LABELS, KIND_LABELS, RUN_RESULT_LABELS } from '../../lib/labels';
import { useStatus } from '../../stores/status';

interface Props {
  instance: InstanceStatus;
  now: number;
  onError: (message: string) => void;
}

export function InstanceCard({ instance, now, onError }: Props) {
  const setPaused = useStatus((s) => s.setPaused);
  const state = INSTANCE_STATE_LABELS[instance.state];
  const { budget } = instance;
  const titleId = `inst-${instance.id}`;
  return (
    <section className="card instance-card" aria-labelledby={titleId}>
      <header className="instance-card__head">
        <div>
          <h2 id={titleId}>{instance.name}</h2>
          <span className="muted">
            {KIND_LABELS[instance.kind]}
            {instance.version ? ` ${instance.version}` : ''} · budget {formatCount(budget.usedLastHour)}/{formatCount(budget.maxPerHour)} this hour, {formatCount(budget.usedLastDay)}/
            {formatCount(budget.maxPerDay)} today{budget.key !== instance.id ? ` (shared: ${budget.key})` : ''}
          </span>
        </div>
        <div className="toolbar">
          {!instance.enabled ? <Badge tone="muted">Disabled</Badge> : <Badge tone={state.tone}>{state.text}</Badge>}
          {instance.paused ? <Badge tone="warn">Paused</Badge> : null}
          <button
            type="button"
            aria-label={`${instance.paused ? 'Resume' : 'Pause'} ${instance.name}`}
            onClick={() => setPaused({ scope: 'instance', instanceId: instance.id }, !instance.paused).catch((e: unknown) => onError(errorMessage(e)))}
          >
            {instance.paused ? 'Resume' : 'Pause'}
          </button>
        </div>
      </header>
      {instance.message && instance.state !== 'ok' ? (
        <p className="instance-card__message" role="status">
          {instance.message}
          {instance.retryAt ? <span className="muted"> · retry {relativeTime(instance.retryAt, now)}</span> : null}
        </p>
      ) : null}
      {instance.jobs.length === 0 ? (
        <p className="muted">
          No jobs. <a href={`#/jobs?instance=${encodeURIComponent(instance.id)}`}>Add one</a>.
        </p>
      ) : (
        <table className="table table--stack job-table">
          <caption className="visually-hidden">Jobs of {instance.name}</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col" className="job-table__progress">
                Cycle progress
              </th>
              <th scope="col">ETA</th>
              <th scope="col">Last run</th>
              <th scope="col">Next run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {instance.jobs.map((job) => (
              <JobRow key={job.jobId} instance={instance} job={job} now={now} onError={onError} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function JobRow({ instance, job, now, onError }: { instance: InstanceStatus; job: JobStatus; now: number; onError: (m: string) => void }) {
  const setPaused = useStatus((s) => s.setPaused);
  const name = `${instance.name} ${JOB_TYPE_LABELS[job.type]}`;
  const result = job.lastRun ? RUN_RESULT_LABELS[job.lastRun.result] : null;
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
        <Progress done={job.done} total={job.eligible} label={`${name} cycle ${job.cycle} progress`} />
        {job.horizonWarning ? <div className="job-row__warn">{job.horizonWarning}</div> : null}
      </td>
      <td className="nowrap" data-label="ETA" title={formatDateTime(job.etaAt)}>
        {job.etaAt ? relativeTime(job.etaAt, now) : '—'}
      </td>
      <td data-label="Last run" title={job.lastRun ? `${formatDateTime(job.lastRun.at)}: ${job.lastRun.message}` : undefined}>
        {job.lastRun ? (
          <>
            <span className="nowrap">{relativeTime(job.lastRun.at, now)}</span> {result ? <Badge tone={result.tone}>{result.text}</Badge> : null}
            {job.lastRun.result !== 'searched' && job.lastRun.message ? <div className="muted job-row__sub">{job.lastRun.message}</div> : null}
            {job.lastRun.searched > 0 ? <div className="muted job-row__sub">{formatCount(job.lastRun.searched)} searched</div> : null}
          </>
        ) : (
          <span className="muted">never</span>
        )}
      </td>
      <td className="nowrap" data-label="Next run" title={formatDateTime(job.nextRunAt)}>
        {job.nextRunAt ? relativeTime(job.nextRunAt, now) : '—'}
      </td>
      <td className="nowrap stack-wide">
        <button
          type="button"
          className="small"
          disabled={job.running || !job.enabled}
          aria-label={`Run ${name} now`}
          onClick={() => api.runJobNow({ instanceId: instance.id, jobId: job.jobId }).then((r) => (r.started ? undefined : onError(r.message)), (e: unknown) => onError(errorMessage(e)))}
        >
          Run now
        </button>{' '}
        <button
          type="button"
          className="small"
          aria-label={`${job.paused ? 'Resume' : 'Pause'} ${name}`}
          onClick={() => setPaused({ scope: 'job', instanceId: instance.id, jobId: job.jobId }, !job.paused).catch((e: unknown) => onError(errorMessage(e)))}
        >
          {job.paused ? 'Resume' : 'Pause'}
        </button>
      </td>
    </tr>
  );
}
