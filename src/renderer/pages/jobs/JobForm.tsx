import { useCallback, useState } from 'react';
import { DEFAULT_INTERVAL, GRANULARITIES, SEARCH_ORDERS, jobSchema, jobTag, type JobSettings } from '../../../shared/settings';
import type { InstanceMetadata, JobPreview, MaskedInstance } from '../../../shared/contract/settings-schemas';
import { jobOverlaps } from '../../../shared/cross-job';
import { api } from '../../api';
import { confirm } from '../../app/confirm';
import { confirmLeave } from '../../app/router';
import { CheckGroup, Checkbox, NumberField, SelectField, TextField } from '../../components/Field';
import { FormNotice } from '../../components/FormNotice';
import { hasErrors } from '../../forms/issues';
import { useForm } from '../../forms/useForm';
import { errorMessage } from '../../lib/errors';
import { libraryStatusLabel } from '../../../shared/words';
import { JOB_TYPE_LABELS } from '../../lib/labels';
import { useSettings } from '../../stores/settings';
import { SEARCH_JOBS, formField, toJob, validateJob, type JobFormValues } from './jobForm';
import { Overlaps } from './Overlaps';
import { PreviewResult } from './PreviewResult';
import { runNowFeedback } from '../dashboard/JobRow';

const ORDER_LABELS: Record<(typeof SEARCH_ORDERS)[number], string> = {
  random: 'Random',
  'least-recently-searched': 'Least recently searched first',
  'newest-added': 'Newest added first',
  alphabetical: 'Alphabetical',
};
const GRANULARITY_LABELS: Record<(typeof GRANULARITIES)[number], string> = {
  auto: 'Automatic (cheapest command)',
  series: 'Whole series',
  season: 'Season',
  episode: 'Episode',
};
const STATUSES = {
  radarr: ['tba', 'announced', 'inCinemas', 'released'],
  sonarr: ['continuing', 'ended', 'upcoming'],
} as const;

interface Props {
  instance: MaskedInstance;
  /** absent for a new job: `initial` holds its defaults */
  job?: JobSettings;
  initial: JobFormValues;
  metadata: InstanceMetadata | null;
  onClose: () => void;
}

export function JobForm({ instance, job, initial, metadata, onClose }: Props) {
  const isNew = !job;
  const apply = useSettings((s) => s.apply);
  const others = instance.jobs.filter((j) => j.id !== job?.id);
  const othersKey = JSON.stringify(others.map((o) => [o.id, o.tag]));
  const validate = useCallback(
    (v: JobFormValues) => validateJob(v, { isNew, others: (JSON.parse(othersKey) as [string, string | undefined][]).map(([id, tag]) => ({ id, tag })) }),
    [isNew, othersKey],
  );
  const form = useForm({ id: `job:${instance.id}:${job?.id ?? 'new'}`, initial, validate, serverPrefix: ['job'], serverKey: formField });
  const { draft: v, errors, set } = form;
  const [preview, setPreview] = useState<{ state: 'loading' } | { state: 'done'; result: JobPreview } | { state: 'error'; message: string } | null>(null);
  const [runMessage, setRunMessage] = useState<string | null>(null);

  const save = () =>
    form.submit(async (values) => {
      apply(await api.saveJob({ instanceId: instance.id, job: toJob(values) }));
      if (isNew) onClose();
    });

  const runPreview = async () => {
    if (hasErrors(validate(v))) {
      form.revealErrors();
      setPreview({ state: 'error', message: 'correct the fields marked above first' });
      return;
    }
    setPreview({ state: 'loading' });
    try {
      const draft = jobSchema.parse(toJob(v));
      const result = await api.previewJob({ instanceId: instance.id, jobId: v.id, ...(isNew || form.dirty ? { draft } : {}) });
      setPreview({ state: 'done', result });
    } catch (e) {
      setPreview({ state: 'error', message: errorMessage(e) });
    }
  };

  const runNow = async () => {
    setRunMessage(null);
    try {
      const r = await api.runJobNow({ instanceId: instance.id, jobId: job!.id });
      setRunMessage(runNowFeedback(r)); // the dashboard's words: what it waits for, until when (local clock)
    } catch (e) {
      setRunMessage(errorMessage(e));
    }
  };

  const remove = async () => {
    const ok = await confirm({
      title: `Remove the ${JOB_TYPE_LABELS[v.type]} job?`,
      message: `Trawlarr stops running "${job!.id}" on ${instance.name}. Its tag stays on the items in ${instance.name}; history is kept.`,
      confirmLabel: 'Remove job',
      cancelLabel: 'Keep',
      danger: true,
    });
    if (!ok) return;
    try {
      apply(await api.removeJob({ instanceId: instance.id, jobId: job!.id }));
      onClose();
    } catch (e) {
      setRunMessage(errorMessage(e));
    }
  };

  const isSearch = SEARCH_JOBS.includes(v.type);
  // jobs of this instance that can search the same items: the cross-job window keeps them apart
  const overlaps = jobOverlaps({ id: v.id, type: v.type }, others, instance.crossJobWindowDays);
  const profiles = metadata?.qualityProfiles.map((p) => ({ value: p.id, label: p.name })) ?? [];
  const tagLabels = (metadata?.tags.map((t) => t.label) ?? []).filter((l) => l !== jobTag({ id: v.id, tag: v.tag || undefined }));
  const tagOptions = [...new Set([...tagLabels, ...v.includeTags, ...v.excludeTags])].map((l) => ({ value: l, label: l }));
  const titleId = `job-form-${instance.id}-${job?.id ?? 'new'}`;

  return (
    <form
      className="card job-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="job-form__head">
        <h2 id={titleId}>
          {JOB_TYPE_LABELS[v.type]} <span className="muted mono">{isNew ? '(new)' : job.id}</span>
        </h2>
        <Checkbox label={`Enabled`} checked={v.enabled} onChange={(x) => set('enabled', x)} />
      </div>

      <div className="grid-2">
        {isNew ? <TextField label="Job id" value={v.id} error={errors.id} hint="Names the job in history and its default tag." onChange={(x) => set('id', x)} /> : null}
        <SelectField
          label="Schedule"
          value={v.scheduleMode}
          error={errors.scheduleMode}
          options={[
            { value: 'default', label: `Default: every ${DEFAULT_INTERVAL[v.type]}` },
            { value: 'every', label: 'Every…' },
            { value: 'cron', label: 'Cron expression' },
          ]}
          onChange={(x) => set('scheduleMode', x)}
        />
        {v.scheduleMode === 'every' ? (
          <TextField label="Run every" value={v.every} error={errors.every} placeholder="24h" hint='A number and m, h or d: "90m", "12h", "7d".' onChange={(x) => set('every', x)} />
        ) : null}
        {v.scheduleMode === 'cron' ? (
          <TextField label="Cron expression" value={v.cron} error={errors.cron} placeholder="0 3 * * *" hint="Five fields: minute hour day month weekday, in local time; runs at least 15 minutes apart." onChange={(x) => set('cron', x)} />
        ) : null}
        <SelectField
          label="Items per run"
          value={v.itemsMode}
          options={[
            { value: 'auto', label: 'Automatic: spread the daily budget' },
            { value: 'number', label: 'A fixed number' },
          ]}
          onChange={(x) => set('itemsMode', x)}
        />
        {v.itemsMode === 'number' ? (
          <NumberField label="Items each run" value={v.items} min={1} max={100} error={errors.items} hint="1–100; Sonarr: search commands." onChange={(x) => set('items', x)} />
        ) : null}
        <TextField
          label="Tag"
          value={v.tag}
          error={errors.tag}
          placeholder={jobTag({ id: v.id || 'job', tag: undefined })}
          hint="Marks searched items inside the instance; empty = the default."
          onChange={(x) => set('tag', x)}
        />
        <NumberField label="Minimum cycle length (days)" value={v.minCycleDays} min={0} max={365} error={errors.minCycleDays} hint="A new cycle never starts sooner." onChange={(x) => set('minCycleDays', x)} />
        {isSearch ? (
          <SelectField label="Search order" value={v.order} options={SEARCH_ORDERS.map((o) => ({ value: o, label: ORDER_LABELS[o] }))} onChange={(x) => set('order', x)} />
        ) : null}
        {isSearch && instance.kind === 'sonarr' ? (
          <SelectField label="Sonarr search granularity" value={v.granularity} options={GRANULARITIES.map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))} onChange={(x) => set('granularity', x)} />
        ) : null}
        {v.type === 'new-episodes' ? (
          <NumberField label="New means aired within (hours)" value={v.airedWithinHours} min={1} max={336} error={errors.airedWithinHours} onChange={(x) => set('airedWithinHours', x)} />
        ) : null}
        {v.type === 'new-episodes' || (v.type === 'missing' && instance.kind === 'sonarr') ? (
          <NumberField label="Leave to RSS for (hours)" value={v.graceHours} min={0} max={168} step={0.5} error={errors.graceHours} hint="Just-aired episodes usually arrive by RSS." onChange={(x) => set('graceHours', x)} />
        ) : null}
        {v.type === 'refresh' ? (
          <NumberField label="Refresh items not refreshed for (days)" value={v.refreshAfterDays} min={1} max={365} error={errors.refreshAfterDays} onChange={(x) => set('refreshAfterDays', x)} />
        ) : null}
      </div>
      <div className="chips">
        <Checkbox label="Unattended: start the next cycle by itself" checked={v.unattended} hint="Removes this job's tag from every item when the cycle is complete." onChange={(x) => set('unattended', x)} />
        {v.type === 'upgrade' ? <Checkbox label="Also search items already at the cutoff" checked={v.includeAtCutoff} onChange={(x) => set('includeAtCutoff', x)} /> : null}
      </div>

      <Overlaps overlaps={overlaps} />

      <details className="job-form__filters" open={v.qualityProfileIds.length + v.includeTags.length + v.excludeTags.length + v.statuses.length > 0 || undefined}>
        <summary>Filters</summary>
        {!metadata ? <p className="muted">Quality profiles and tags load from {instance.name}…</p> : null}
        <CheckGroup legend="Only these quality profiles (none = all)" options={profiles} selected={v.qualityProfileIds} error={errors.qualityProfileIds} empty="No quality profiles loaded." onChange={(x) => set('qualityProfileIds', x)} />
        <CheckGroup legend="Only items with one of these tags (none = all)" options={tagOptions} selected={v.includeTags} error={errors.includeTags} empty="The instance has no tags." onChange={(x) => set('includeTags', x)} />
        <CheckGroup legend="Never items with these tags" options={tagOptions} selected={v.excludeTags} error={errors.excludeTags} empty="The instance has no tags." onChange={(x) => set('excludeTags', x)} />
        <CheckGroup
          legend={`Only ${instance.kind === 'radarr' ? 'movies' : 'series'} with status (none = all)`}
          options={STATUSES[instance.kind].map((s) => ({ value: s, label: libraryStatusLabel(s) }))}
          selected={v.statuses}
          onChange={(x) => set('statuses', x)}
        />
        <div className="grid-2">
          <TextField label="Added after" type="date" value={v.addedAfter} error={errors.addedAfter} onChange={(x) => set('addedAfter', x)} />
          <TextField label="Added before" type="date" value={v.addedBefore} error={errors.addedBefore} onChange={(x) => set('addedBefore', x)} />
        </div>
      </details>

      <FormNotice notice={form.notice} />
      {runMessage ? (
        <p role="status" className="muted">
          {runMessage}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.saving}>
          {isNew ? 'Add job' : 'Save job'}
        </button>
        <button type="button" onClick={() => void runPreview()} disabled={preview?.state === 'loading'}>
          Preview
        </button>
        {!isNew ? (
          <button type="button" onClick={() => void runNow()} disabled={form.dirty} title={form.dirty ? 'Save first: Run now runs the saved job' : undefined}>
            Run now
          </button>
        ) : null}
        {isNew ? (
          <button type="button" onClick={() => void confirmLeave().then((ok) => ok && onClose())}>
            Cancel
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => void remove()}>
            Remove job
          </button>
        )}
      </div>
      <div aria-live="polite">
        {preview?.state === 'loading' ? <p className="muted">Running a dry run (nothing is searched)…</p> : null}
        {preview?.state === 'error' ? <p className="field__error">Preview failed: {preview.message}</p> : null}
        {preview?.state === 'done' ? <PreviewResult preview={preview.result} overlaps={overlaps} /> : null}
      </div>
    </form>
  );
}
