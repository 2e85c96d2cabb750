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
        <h2 id={titleId}>
          {instance.name} <span className="muted">· {KIND_LABELS[instance.kind]}{instance.version ? ` ${instance.version}` : ''}</span>
        </h2>
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
        <p className="instance-card__message">
          {instance.message}
          {instance.retryAt ? <span className="muted"> · retry {relativeTime(instance.retryAt, now)}</span> : null}
        </p>
      ) : null}
      <p className="muted num">
        Budget used: {formatCount(budget.usedLastHour)}/{formatCount(budget.maxPerHour)} this hour, {formatCount(budget.usedLastDay)}/{formatCount(budget.maxPerDay)} today
        {budget.key !== instance.id ? ` (group ${budget.key})` : ''}
      </p>
      {instance.jobs.length === 0 ? (
        <p className="muted">
          No jobs. <a href={`#/jobs?instance=${encodeURIComponent(instance.id)}`}>Add one</a>.
        </p>
      ) : (
        <ul className="job-list">
          {instance.jobs.map((job) => (
            <JobRow key={job.jobId} instance={instance} job={job} now={now} onError={onError} />
          ))}
        </ul>
      )}
    </section>
  );
}

function JobRow({ instance, job, now, onError }: { instance: InstanceStatus; job: JobStatus; now: number; onError: (m: string) => void }) {
  const setPaused = useStatus((s) => s.setPaused);
  const name = `${instance.name} ${JOB_TYPE_LABELS[job.type]}`;
  const result = job.lastRun ? RUN_RESULT_LABELS[job.lastRun.result] : null;
  return (
    <li className="job-row">
      <div className="job-row__title">
        <strong>{JOB_TYPE_LABELS[job.type]}</strong>
        {job.jobId !== job.type ? <span className="muted"> ({job.jobId})</span> : null}
        <span className="muted"> · cycle {job.cycle}</span>
        {!job.enabled ? <Badge tone="muted">Disabled</Badge> : null}
        {job.paused ? <Badge tone="warn">Paused</Badge> : null}
        {job.running ? <Badge tone="ok">Running</Badge> : null}
      </div>
      <Progress done={job.done} total={job.eligible} label={`${name} cycle ${job.cycle} progress`} />
      <dl className="job-row__facts">
        <div>
          <dt>ETA</dt>
          <dd title={formatDateTime(job.etaAt)}>{job.etaAt ? relativeTime(job.etaAt, now) : '—'}</dd>
        </div>
        <div>
          <dt>Last run</dt>
          <dd title={job.lastRun?.message}>
            {job.lastRun ? (
              <>
                {relativeTime(job.lastRun.at, now)} · {result ? <Badge tone={result.tone}>{result.text}</Badge> : null}
                {job.lastRun.searched > 0 ? <span className="muted"> {formatCount(job.lastRun.searched)} searched</span> : null}
              </>
            ) : (
              'never'
            )}
          </dd>
        </div>
        <div>
          <dt>Next run</dt>
          <dd title={formatDateTime(job.nextRunAt)}>{job.nextRunAt ? relativeTime(job.nextRunAt, now) : '—'}</dd>
        </div>
      </dl>
      {job.lastRun?.message && job.lastRun.result !== 'searched' ? <p className="muted job-row__msg">{job.lastRun.message}</p> : null}
      {job.horizonWarning ? (
        <p className="job-row__warn" role="note">
          {job.horizonWarning}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          disabled={job.running || !job.enabled}
          aria-label={`Run ${name} now`}
          onClick={() => api.runJobNow({ instanceId: instance.id, jobId: job.jobId }).then((r) => (r.started ? undefined : onError(r.message)), (e: unknown) => onError(errorMessage(e)))}
        >
          Run now
        </button>
        <button
          type="button"
          aria-label={`${job.paused ? 'Resume' : 'Pause'} ${name}`}
          onClick={() => setPaused({ scope: 'job', instanceId: instance.id, jobId: job.jobId }, !job.paused).catch((e: unknown) => onError(errorMessage(e)))}
        >
          {job.paused ? 'Resume' : 'Pause'}
        </button>
      </div>
    </li>
  );
}
