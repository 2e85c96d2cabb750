import { useEffect, useState } from 'react';
import { confirmLeave, useRouter } from '../../app/router';
import { SelectField } from '../../components/Field';
import { useSettings } from '../../stores/settings';
import { BudgetGroupForm } from './BudgetGroupForm';
import { InstanceThroughputForm } from './InstanceThroughputForm';
import './throughput.css';

/** Scope values: "instance:<id>", "group:<id>", "group:" (a new group). */
export default function ThroughputPage() {
  const settings = useSettings((s) => s.settings);
  const route = useRouter((s) => s.route);
  const [scope, setScope] = useState<string>(route.params.instance ? `instance:${route.params.instance}` : '');

  const linked = route.params.instance;
  useEffect(() => {
    if (linked) setScope(`instance:${linked}`);
  }, [linked]);

  if (!settings) return <p className="muted">Loading…</p>;
  const options = [
    ...settings.instances.map((i) => ({ value: `instance:${i.id}`, label: `Instance: ${i.name}` })),
    ...settings.budgetGroups.map((g) => ({ value: `group:${g.id}`, label: `Budget group: ${g.name}` })),
    { value: 'group:', label: 'New budget group…' },
  ];
  const current = options.some((o) => o.value === scope) ? scope : (options[0]?.value ?? 'group:');
  const [kind, id] = current.split(':') as ['instance' | 'group', string];
  const instance = kind === 'instance' ? settings.instances.find((i) => i.id === id) : undefined;
  const group = kind === 'group' && id ? settings.budgetGroups.find((g) => g.id === id) : undefined;

  return (
    <div className="page">
      <div className="page__header">
        <h1>Throughput</h1>
        <div className="toolbar">
          <SelectField
            label="Limits of"
            value={current}
            options={options}
            onChange={(v) =>
              void confirmLeave().then((ok) => {
                if (ok) setScope(v);
              })
            }
          />
        </div>
      </div>
      <p className="muted">
        Budgets count estimated indexer queries (a movie or an episode 1, a season 1, a series its monitored seasons). They are hard limits: at most 60 an hour and 1,000 a day, as the
        Radarr team asked of tools like this one.
      </p>
      {instance ? (
        <InstanceThroughputForm key={instance.id} instance={instance} group={settings.budgetGroups.find((g) => g.id === instance.budgetGroup)} />
      ) : kind === 'group' ? (
        <BudgetGroupForm
          key={group?.id ?? 'new'}
          group={group}
          members={settings.instances.filter((i) => group && i.budgetGroup === group.id)}
          takenIds={settings.budgetGroups.map((g) => g.id)}
          onSaved={(gid) => setScope(`group:${gid}`)}
          onRemoved={() => setScope('')}
        />
      ) : null}
    </div>
  );
}
