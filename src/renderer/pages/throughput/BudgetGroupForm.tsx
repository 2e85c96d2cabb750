import { useCallback, useState } from 'react';
import { budgetGroupSchema, LIMITS, type BudgetGroup } from '../../../shared/settings';
import type { MaskedInstance } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { confirm } from '../../app/confirm';
import { NumberField, TextField } from '../../components/Field';
import { FormNotice } from '../../components/FormNotice';
import { fieldErrors, hasErrors, type FieldErrors } from '../../forms/issues';
import { useForm } from '../../forms/useForm';
import { errorMessage } from '../../lib/errors';
import { useSettings } from '../../stores/settings';
import { Forecast } from './Forecast';
import { slugify } from '../instances/instanceForm';

interface Props {
  /** absent: a new group */
  group?: BudgetGroup;
  members: MaskedInstance[];
  takenIds: string[];
  onSaved: (id: string) => void;
  onRemoved: () => void;
}

export function BudgetGroupForm({ group, members, takenIds, onSaved, onRemoved }: Props) {
  const apply = useSettings((s) => s.apply);
  const isNew = !group;
  const taken = takenIds.join(',');
  const validate = useCallback(
    (g: BudgetGroup): FieldErrors => {
      const r = budgetGroupSchema.safeParse(g);
      const errors = r.success ? {} : fieldErrors(r.error);
      if (isNew && taken.split(',').includes(g.id) && !errors.id) errors.id = `a budget group "${g.id}" already exists`;
      return errors;
    },
    [isNew, taken],
  );
  const form = useForm<BudgetGroup>({ id: `group:${group?.id ?? 'new'}`, initial: group ?? { id: '', name: '', maxPerHour: 10, maxPerDay: 100 }, validate, serverPrefix: ['group'] });
  const { draft, errors, set } = form;
  const valid = !hasErrors(validate(draft));
  const [removeError, setRemoveError] = useState<string | null>(null);

  const remove = async () => {
    if (!group) return;
    const ok = await confirm({
      title: `Remove the budget group ${group.name}?`,
      message: members.length ? `${members.map((m) => m.name).join(', ')} go back to their own budgets.` : 'No instance uses it.',
      confirmLabel: 'Remove group',
      cancelLabel: 'Keep',
      danger: true,
    });
    if (!ok) return;
    try {
      apply(await api.removeBudgetGroup({ budgetGroupId: group.id }));
      onRemoved();
    } catch (e) {
      setRemoveError(`Not removed: ${errorMessage(e)}`);
    }
  };

  return (
    <>
      <form
        className="card"
        aria-labelledby="group-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (g) => {
            apply(await api.saveThroughput({ scope: 'budgetGroup', group: g }));
            onSaved(g.id);
          });
        }}
      >
        <h2 id="group-title">{isNew ? 'New budget group' : `Budget group: ${group.name}`}</h2>
        <p className="muted">
          {isNew
            ? 'Instances that share indexers (Radarr and Radarr 4K behind one Prowlarr) can share one budget. Assign instances to the group on the Instances page.'
            : members.length
              ? `Shared by ${members.map((m) => m.name).join(', ')}.`
              : 'No instance uses this group yet: choose it on the Instances page.'}
        </p>
        <div className="grid-2">
          <TextField label="Group name" value={draft.name} error={errors.name} onChange={(name) => (isNew ? form.replace({ ...draft, name, id: slugify(name) }, 'name') : set('name', name))} />
          <TextField label="Group id" value={draft.id} error={errors.id} disabled={!isNew} onChange={(id) => set('id', id)} />
          <NumberField label="Shared queries per hour" value={draft.maxPerHour} min={1} max={LIMITS.maxPerHour} error={errors.maxPerHour} hint={`1–${LIMITS.maxPerHour}`} onChange={(v) => set('maxPerHour', v)} />
          <NumberField label="Shared queries per day" value={draft.maxPerDay} min={1} max={LIMITS.maxPerDay} error={errors.maxPerDay} hint={`1–${LIMITS.maxPerDay}`} onChange={(v) => set('maxPerDay', v)} />
        </div>
        <FormNotice notice={form.notice} />
        {removeError ? (
          <p className="field__error" role="alert">
            {removeError}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={form.saving}>
            {isNew ? 'Create group' : 'Save group'}
          </button>
          {!isNew ? (
            <button type="button" className="danger" onClick={() => void remove()}>
              Remove group
            </button>
          ) : null}
        </div>
      </form>
      {!isNew ? <Forecast request={valid ? { scope: 'budgetGroup', budgetGroupId: group.id, budget: { maxPerHour: draft.maxPerHour, maxPerDay: draft.maxPerDay } } : null} /> : null}
    </>
  );
}
