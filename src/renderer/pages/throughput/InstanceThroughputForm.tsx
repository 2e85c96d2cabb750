import { useCallback } from 'react';
import { LIMITS, throughputSchema, type BudgetGroup, type Throughput } from '../../../shared/settings';
import type { MaskedInstance } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { NumberField } from '../../components/Field';
import { FormNotice } from '../../components/FormNotice';
import { fieldErrors, hasErrors } from '../../forms/issues';
import { useForm } from '../../forms/useForm';
import { useSettings } from '../../stores/settings';
import { ActiveHoursEditor } from './ActiveHoursEditor';
import { Forecast } from './Forecast';

const validate = (t: Throughput) => {
  const r = throughputSchema.safeParse(t);
  return r.success ? {} : fieldErrors(r.error);
};

export function InstanceThroughputForm({ instance, group }: { instance: MaskedInstance; group?: BudgetGroup }) {
  const apply = useSettings((s) => s.apply);
  const form = useForm<Throughput>({ id: `throughput:${instance.id}`, initial: instance.throughput, validate: useCallback(validate, []), serverPrefix: ['throughput'] });
  const { draft, errors, set } = form;
  const valid = !hasErrors(validate(draft));

  return (
    <>
      <form
        className="card"
        aria-labelledby="tp-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (throughput) => {
            apply(await api.saveThroughput({ scope: 'instance', instanceId: instance.id, throughput }));
          });
        }}
      >
        <h2 id="tp-title">{instance.name}</h2>
        {group ? (
          <p className="banner">
            {instance.name} is in the budget group <strong>{group.name}</strong> ({group.maxPerHour}/hour, {group.maxPerDay}/day shared). Both the group&apos;s and these limits apply.
          </p>
        ) : null}
        <div className="grid-2">
          <NumberField label="Queries per hour" value={draft.maxPerHour} min={1} max={LIMITS.maxPerHour} error={errors.maxPerHour} hint={`1–${LIMITS.maxPerHour}`} onChange={(v) => set('maxPerHour', v)} />
          <NumberField label="Queries per day" value={draft.maxPerDay} min={1} max={LIMITS.maxPerDay} error={errors.maxPerDay} hint={`1–${LIMITS.maxPerDay}`} onChange={(v) => set('maxPerDay', v)} />
          <NumberField
            label="Seconds between searches"
            value={draft.minGapSeconds}
            min={LIMITS.minGapSeconds}
            max={3600}
            error={errors.minGapSeconds}
            hint="Pacing between two search commands."
            onChange={(v) => set('minGapSeconds', v)}
          />
          <NumberField label="Queue limit" value={draft.queueLimit} min={0} max={10000} error={errors.queueLimit} hint="Wait while the download queue holds more items." onChange={(v) => set('queueLimit', v)} />
        </div>
        <ActiveHoursEditor windows={draft.activeHours} errors={errors} onChange={(w) => set('activeHours', w)} />
        <FormNotice notice={form.notice} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={form.saving}>
            Save throughput
          </button>
          <button type="button" disabled={!form.dirty} onClick={() => form.reset(instance.throughput)}>
            Undo changes
          </button>
        </div>
      </form>
      <Forecast request={valid ? { scope: 'instance', instanceId: instance.id, throughput: draft } : null} />
    </>
  );
}
