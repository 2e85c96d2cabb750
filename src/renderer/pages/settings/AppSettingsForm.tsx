import { useCallback } from 'react';
import { z } from 'zod';
import { NOTIFICATION_KINDS, settingsSchema, type JobType, type NotificationKind } from '../../../shared/settings';
import type { AppInfo, MaskedSettings } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { Checkbox, NumberField } from '../../components/Field';
import { FormNotice } from '../../components/FormNotice';
import { fieldErrors } from '../../forms/issues';
import { useForm } from '../../forms/useForm';
import { JOB_TYPE_LABELS } from '../../lib/labels';
import { useSettings } from '../../stores/settings';
import { notificationsNote } from './notes';

const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  cycleComplete: { label: 'A cycle is complete', hint: 'With how many items were searched and grabbed.' },
  grabs: { label: 'Releases were grabbed', hint: 'One digest, not one notification per item.' },
  instanceDown: { label: 'An instance is down or its key is rejected', hint: 'Once per outage, and again when it recovers.' },
  budgetWarning: { label: 'A budget is too small for the horizon', hint: 'When a cycle cannot finish in time.' },
};

const appSchema = z.object({
  notifications: settingsSchema.shape.notifications,
  horizonDays: settingsSchema.shape.horizonDays,
  historyRetentionDays: settingsSchema.shape.historyRetentionDays,
  jobPriority: settingsSchema.shape.jobPriority,
});
type AppValues = z.infer<typeof appSchema>;

const validate = (v: AppValues) => {
  const r = appSchema.safeParse(v);
  return r.success ? {} : fieldErrors(r.error);
};

function pick(s: MaskedSettings): AppValues {
  return { notifications: s.notifications, horizonDays: s.horizonDays, historyRetentionDays: s.historyRetentionDays, jobPriority: s.jobPriority };
}

export function AppSettingsForm({ settings, mode }: { settings: MaskedSettings; mode: AppInfo['mode'] }) {
  const apply = useSettings((s) => s.apply);
  const form = useForm<AppValues>({ id: 'app-settings', initial: pick(settings), validate: useCallback(validate, []) });
  const { draft, errors, set } = form;

  const move = (i: number, by: -1 | 1) => {
    const list = [...draft.jobPriority];
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    set('jobPriority', list);
  };

  return (
    <form
      className="card"
      aria-labelledby="app-settings-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          const saved = await api.saveAppSettings(values);
          apply(saved);
          form.reset(pick(saved));
        });
      }}
    >
      <h2 id="app-settings-title">Notifications and limits</h2>
      <fieldset>
        <legend>Notify me when</legend>
        <p className="field__hint">{notificationsNote(mode)}</p>
        {NOTIFICATION_KINDS.map((kind) => (
          <Checkbox key={kind} label={NOTIFICATION_LABELS[kind].label} hint={NOTIFICATION_LABELS[kind].hint} checked={draft.notifications[kind]} onChange={(on) => set(`notifications.${kind}`, on)} />
        ))}
      </fieldset>
      <div className="grid-2">
        <NumberField label="Horizon (days)" value={draft.horizonDays} min={1} max={3650} error={errors.horizonDays} hint="Warn when a cycle cannot finish within this many days." onChange={(v) => set('horizonDays', v)} />
        <NumberField label="Keep history for (days)" value={draft.historyRetentionDays} min={1} max={3650} error={errors.historyRetentionDays} onChange={(v) => set('historyRetentionDays', v)} />
      </div>
      <fieldset>
        <legend>Job priority</legend>
        <p className="field__hint">When several jobs of one instance are due, the higher one runs first.</p>
        <ol className="priority-list">
          {draft.jobPriority.map((type: JobType, i) => (
            <li key={type}>
              <span>{JOB_TYPE_LABELS[type]}</span>
              <button type="button" aria-label={`Move ${JOB_TYPE_LABELS[type]} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${JOB_TYPE_LABELS[type]} down`} disabled={i === draft.jobPriority.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
      <FormNotice notice={form.notice} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.saving}>
          Save settings
        </button>
        <button type="button" disabled={!form.dirty} onClick={() => form.reset(pick(settings))}>
          Undo changes
        </button>
      </div>
    </form>
  );
}
