import { useEffect, useState } from 'react';
import type { JobType } from '../../../shared/settings';
import { jobSchedule, jobTag } from '../../../shared/settings';
import type { InstanceMetadata } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { confirmLeave, useRouter } from '../../app/router';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/Field';
import { errorMessage } from '../../lib/errors';
import { JOB_TYPE_LABELS, KIND_LABELS } from '../../lib/labels';
import { useSettings } from '../../stores/settings';
import { JobForm } from './JobForm';
import { fromJob, jobTypesFor, newJob } from './jobForm';
import './jobs.css';

type Open = { mode: 'edit'; jobId: string } | { mode: 'new'; type: JobType } | null;

export default function JobsPage() {
  const settings = useSettings((s) => s.settings);
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const instances = settings?.instances ?? [];
  const instance = instances.find((i) => i.id === route.params.instance) ?? instances[0];
  const [open, setOpen] = useState<Open>(route.params.job ? { mode: 'edit', jobId: route.params.job } : null);
  const [newType, setNewType] = useState<JobType>('missing');
  const [metadata, setMetadata] = useState<InstanceMetadata | null>(null);
  const [metadataError, setMetadataError] = useState<string | null>(null);

  // a link or a notification naming a job opens it
  const linkedJob = route.params.job;
  useEffect(() => {
    if (linkedJob) setOpen({ mode: 'edit', jobId: linkedJob });
  }, [linkedJob]);

  const instanceId = instance?.id;
  useEffect(() => {
    if (!instanceId) return;
    let live = true;
    setMetadata(null);
    setMetadataError(null);
    api.getInstanceMetadata({ instanceId }).then(
      (m) => live && setMetadata(m),
      (e: unknown) => live && setMetadataError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [instanceId]);

  if (!settings) return <p className="muted">Loading…</p>;
  if (!instance) {
    return (
      <div className="page">
        <h1>Jobs</h1>
        <div className="card">
          <p>
            Add an instance first: <a href="#/instances">Instances</a>.
          </p>
        </div>
      </div>
    );
  }

  const types = jobTypesFor(instance.kind);
  const switchTo = async (next: Open) => {
    if (await confirmLeave()) setOpen(next);
  };
  const openJob = open?.mode === 'edit' ? instance.jobs.find((j) => j.id === open.jobId) : undefined;

  return (
    <div className="page">
      <div className="page__header">
        <h1>Jobs</h1>
        <div className="toolbar">
          <SelectField
            label="Instance"
            value={instance.id}
            options={instances.map((i) => ({ value: i.id, label: `${i.name} (${KIND_LABELS[i.kind]})` }))}
            onChange={(id) => void navigate('jobs', { instance: id }).then((ok) => ok && setOpen(null))}
          />
        </div>
      </div>
      {metadataError ? (
        <div className="banner banner--error" role="alert">
          Could not load quality profiles and tags from {instance.name}: {metadataError}
        </div>
      ) : null}

      <section className="card" aria-labelledby="jobs-list-title">
        <h2 id="jobs-list-title">Jobs of {instance.name}</h2>
        {instance.jobs.length === 0 ? <p className="muted">No jobs yet: add one below.</p> : null}
        {instance.jobs.length > 0 ? (
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Schedule</th>
                <th scope="col">Items per run</th>
                <th scope="col">Tag</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {instance.jobs.map((job) => {
                const s = jobSchedule(job);
                return (
                  <tr key={job.id} aria-current={openJob?.id === job.id ? 'true' : undefined}>
                    <td>
                      {JOB_TYPE_LABELS[job.type]} <span className="muted mono">{job.id}</span> {!job.enabled ? <Badge tone="muted">Disabled</Badge> : null}
                    </td>
                    <td data-label="Schedule">{'every' in s ? `every ${s.every}` : `cron ${s.cron}`}</td>
                    <td data-label="Items per run">{job.itemsPerRun === 'auto' ? 'auto' : job.itemsPerRun}</td>
                    <td className="mono" data-label="Tag">{jobTag(job)}</td>
                    <td className="stack-wide">
                      <button type="button" aria-label={`Configure ${JOB_TYPE_LABELS[job.type]} job ${job.id}`} onClick={() => void switchTo({ mode: 'edit', jobId: job.id })}>
                        Configure
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        <div className="toolbar add-job">
          <SelectField label="New job type" value={newType} options={types.map((t) => ({ value: t, label: JOB_TYPE_LABELS[t] }))} onChange={setNewType} />
          <button type="button" className="primary" onClick={() => void switchTo({ mode: 'new', type: newType })}>
            Add job
          </button>
        </div>
      </section>

      {open?.mode === 'new' ? (
        <JobForm
          key={`${instance.id}:new:${open.type}`}
          instance={instance}
          initial={newJob(open.type, instance.jobs.map((j) => j.id))}
          metadata={metadata}
          onClose={() => setOpen(null)}
        />
      ) : openJob ? (
        <JobForm key={`${instance.id}:${openJob.id}`} instance={instance} job={openJob} initial={fromJob(openJob)} metadata={metadata} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
