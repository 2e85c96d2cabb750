import { useState } from 'react';
import type { MaskedInstance } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { confirm } from '../../app/confirm';
import { confirmLeave } from '../../app/router';
import { Badge } from '../../components/Badge';
import { errorMessage } from '../../lib/errors';
import { INSTANCE_STATE_LABELS, KIND_LABELS } from '../../lib/labels';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';
import { InstanceForm } from './InstanceForm';
import './instances.css';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

export default function InstancesPage() {
  const settings = useSettings((s) => s.settings);
  const apply = useSettings((s) => s.apply);
  const status = useStatus((s) => s.status);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);

  if (!settings) return <p className="muted">Loading…</p>;

  const open = async (next: Editing) => {
    if (!(await confirmLeave())) return;
    setEditing(next);
  };

  const remove = async (inst: MaskedInstance) => {
    const ok = await confirm({
      title: `Remove ${inst.name}?`,
      message: `Trawlarr stops searching ${inst.name} and forgets its jobs and settings. Tags already set in ${KIND_LABELS[inst.kind]} stay there. History is kept.`,
      confirmLabel: 'Remove',
      cancelLabel: 'Keep',
      danger: true,
    });
    if (!ok) return;
    try {
      apply(await api.removeInstance({ instanceId: inst.id }));
      if (editing?.mode === 'edit' && editing.id === inst.id) setEditing(null);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const editingInstance = editing?.mode === 'edit' ? settings.instances.find((i) => i.id === editing.id) : undefined;

  return (
    <div className="page">
      <div className="page__header">
        <h1>Instances</h1>
        <button type="button" className="primary" onClick={() => void open({ mode: 'new' })}>
          Add instance
        </button>
      </div>
      {error ? (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      ) : null}

      {settings.instances.length === 0 && !editing ? (
        <div className="card">
          <p>Trawlarr needs at least one Radarr or Sonarr instance to search.</p>
          <p className="muted">You need its address and its API key (in Radarr or Sonarr: Settings → General → Security).</p>
        </div>
      ) : null}

      {settings.instances.length > 0 ? (
        <table className="table table--stack instances-table">
          <caption className="visually-hidden">Configured instances</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">App</th>
              <th scope="col">Address</th>
              <th scope="col">API key</th>
              <th scope="col">Health</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {settings.instances.map((inst) => {
              const st = status?.instances.find((s) => s.id === inst.id);
              const health = st ? INSTANCE_STATE_LABELS[st.state] : null;
              return (
                <tr key={inst.id}>
                  <td>
                    {inst.name} <span className="muted mono">{inst.id}</span>
                    {!inst.enabled ? (
                      <>
                        {' '}
                        <Badge tone="muted">Disabled</Badge>
                      </>
                    ) : null}
                  </td>
                  <td data-label="App">{KIND_LABELS[inst.kind]}</td>
                  <td className="mono stack-wide" data-label="Address">{inst.url}</td>
                  <td className="mono" data-label="API key">{inst.apiKeyEnv ? `env:${inst.apiKeyEnv}` : inst.apiKeyMasked || '—'}</td>
                  <td data-label="Health">{health ? <Badge tone={health.tone}>{health.text}</Badge> : '—'}</td>
                  <td className="nowrap stack-wide">
                    <button type="button" aria-label={`Edit ${inst.name}`} onClick={() => void open({ mode: 'edit', id: inst.id })}>
                      Edit
                    </button>{' '}
                    <button type="button" className="danger" aria-label={`Remove ${inst.name}`} onClick={() => void remove(inst)}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      {editing?.mode === 'new' ? (
        <InstanceForm key="new" existing={settings.instances} budgetGroups={settings.budgetGroups} onDone={() => setEditing(null)} />
      ) : editingInstance ? (
        <InstanceForm key={editingInstance.id} instance={editingInstance} existing={settings.instances} budgetGroups={settings.budgetGroups} onDone={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
