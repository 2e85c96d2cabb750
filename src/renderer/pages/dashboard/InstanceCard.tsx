import type { InstanceStatus } from '../../../shared/status';
import { Badge } from '../../components/Badge';
import { errorMessage } from '../../lib/errors';
import { formatCount, relativeTime } from '../../lib/format';
import { INSTANCE_STATE_LABELS, KIND_LABELS } from '../../lib/labels';
import { useStatus } from '../../stores/status';
import { JobRow } from './JobRow';

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
