import { useCallback, useEffect, useRef, useState } from 'react';
import type { BudgetGroup } from '../../../shared/settings';
import type { MaskedInstance, TestConnectionResult } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { confirmLeave } from '../../app/router';
import { Checkbox, NumberField, SelectField, TextField } from '../../components/Field';
import { FormNotice } from '../../components/FormNotice';
import { useForm } from '../../forms/useForm';
import { errorMessage } from '../../lib/errors';
import { KIND_LABELS } from '../../lib/labels';
import { useSettings } from '../../stores/settings';
import { DEFAULT_URL, NEW_INSTANCE_JOBS, addressNeedsKey, connectionRefusal, emptyInstance, fromInstance, slugify, toDraft, validateInstance, type InstanceFormValues } from './instanceForm';

interface Props {
  /** absent: a new instance */
  instance?: MaskedInstance;
  existing: readonly MaskedInstance[];
  budgetGroups: readonly BudgetGroup[];
  onDone: () => void;
}

type TestState = { state: 'idle' } | { state: 'testing' } | { state: 'done'; result: TestConnectionResult } | { state: 'error'; message: string };

export function InstanceForm({ instance, existing, budgetGroups, onDone }: Props) {
  const isNew = !instance;
  const apply = useSettings((s) => s.apply);
  const existingIds = existing.map((i) => i.id);
  const idsKey = existingIds.join(',');
  const storedUrl = instance?.url;
  const validate = useCallback((v: InstanceFormValues) => validateInstance(v, { isNew, existingIds: idsKey.split(','), storedUrl }), [isNew, idsKey, storedUrl]);
  const form = useForm({ id: `instance:${instance?.id ?? 'new'}`, initial: instance ? fromInstance(instance) : emptyInstance(), validate });
  const { draft, errors, set } = form;
  const [idEdited, setIdEdited] = useState(!isNew);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  /** why the last save was refused by its connection test: "Save anyway" is offered while set */
  const [unanswered, setUnanswered] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  // a result describes the address and key it was made with; editing them makes it stale
  useEffect(() => {
    setTest({ state: 'idle' });
    setUnanswered(null);
  }, [draft.url, draft.apiKey, draft.kind, draft.trustSelfSignedCert, draft.enabled]);

  const testConnection = async () => {
    const keyTyped = draft.apiKey.trim() !== '';
    const problems = validate(draft);
    // no key for a new instance or an edited address: the stored key stays with its own address
    if (problems.url || problems.apiKey) {
      // mark both touched so their messages show instead of a request that cannot succeed
      form.set('url', draft.url);
      form.set('apiKey', draft.apiKey);
      return;
    }
    setTest({ state: 'testing' });
    try {
      const result = await api.testConnection({
        url: draft.url,
        kind: draft.kind,
        trustSelfSignedCert: draft.trustSelfSignedCert,
        ...(keyTyped ? { apiKey: draft.apiKey } : { useStoredKeyOf: instance!.id }),
      });
      setTest({ state: 'done', result });
    } catch (e) {
      setTest({ state: 'error', message: errorMessage(e) });
    }
  };

  // the backend tests the connection before saving; a refusal offers "Save anyway"
  const save = (saveAnyway = false) =>
    form.submit(async (values) => {
      try {
        apply(await api.saveInstance(toDraft(values, { saveAnyway })));
      } catch (e) {
        setUnanswered(connectionRefusal(e) ?? null);
        throw e;
      }
      setUnanswered(null);
      onDone();
    });

  const cancel = async () => {
    if (await confirmLeave()) onDone();
  };

  const titleId = `instance-form-${instance?.id ?? 'new'}`;
  return (
    <form
      className="card instance-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {isNew ? 'Add instance' : `Edit ${instance.name}`}
      </h2>
      <p className="muted">Saving tests the connection first.</p>
      <div className="grid-2">
        <SelectField
          label="App"
          value={draft.kind}
          options={[
            { value: 'radarr', label: 'Radarr' },
            { value: 'sonarr', label: 'Sonarr' },
          ]}
          disabled={!isNew}
          hint={isNew ? undefined : 'The app of an instance cannot change: add a new instance instead.'}
          onChange={(kind) => {
            // follow the default port while the address is still a default
            if (draft.url === DEFAULT_URL[draft.kind]) form.replace({ ...draft, kind, url: DEFAULT_URL[kind] }, 'kind');
            else set('kind', kind);
          }}
        />
        <TextField
          label="Name"
          value={draft.name}
          error={errors.name}
          placeholder={`${KIND_LABELS[draft.kind]} 4K`}
          onChange={(name) => (idEdited ? set('name', name) : form.replace({ ...draft, name, id: slugify(name) }, 'name'))}
        />
        <TextField
          label="Id"
          value={draft.id}
          error={errors.id}
          disabled={!isNew}
          hint={isNew ? 'Used in tags and history; cannot be changed later.' : 'The id cannot be changed.'}
          onChange={(id) => {
            setIdEdited(true);
            set('id', id);
          }}
        />
        <TextField label="Address" type="url" value={draft.url} error={errors.url} placeholder={DEFAULT_URL[draft.kind]} onChange={(url) => set('url', url)} />
        <TextField
          label="API key"
          type="password"
          autoComplete="new-password"
          value={draft.apiKey}
          error={errors.apiKey}
          placeholder={instance?.apiKeyMasked ? `${instance.apiKeyMasked} (stored)` : 'paste the API key'}
          hint={
            addressNeedsKey(draft, storedUrl)
              ? 'A stored key is only sent to the address it was saved with: type the key of the new address.'
              : instance?.apiKeyEnv
                ? `Read from the environment variable ${instance.apiKeyEnv}. Type a key to store one instead.`
                : instance
                  ? `Stored key: ${instance.apiKeyMasked || 'none'}. Leave empty to keep it; type a new key to replace it.`
                  : 'Settings → General → Security in the instance.'
          }
          onChange={(apiKey) => set('apiKey', apiKey)}
        />
        <SelectField
          label="Budget group"
          value={draft.budgetGroup}
          error={errors.budgetGroup}
          options={[{ value: '', label: 'None (own budget)' }, ...budgetGroups.map((g) => ({ value: g.id, label: g.name }))]}
          hint="Instances behind the same indexers can share one budget (Throughput page)."
          onChange={(g) => set('budgetGroup', g)}
        />
        <NumberField
          label="One search per item across jobs (days)"
          value={draft.crossJobWindowDays}
          min={0}
          max={365}
          error={errors.crossJobWindowDays}
          hint="An item one job searched is skipped by the other jobs for this long; 0 = off. New episodes are exempt."
          onChange={(d) => set('crossJobWindowDays', d)}
        />
      </div>
      <div className="chips">
        <Checkbox label="Enabled" checked={draft.enabled} onChange={(v) => set('enabled', v)} />
        <Checkbox
          label="Trust a self-signed certificate"
          checked={draft.trustSelfSignedCert}
          hint="Only for this instance, only if you know why its certificate is not trusted."
          onChange={(v) => set('trustSelfSignedCert', v)}
        />
        {isNew ? <Checkbox label="Start with the default jobs" checked={draft.defaultJobs} hint={NEW_INSTANCE_JOBS[draft.kind]} onChange={(v) => set('defaultJobs', v)} /> : null}
      </div>

      <div className="test-result" aria-live="polite">
        {test.state === 'testing' ? <p className="muted">Testing connection…</p> : null}
        {test.state === 'error' ? <p className="field__error">{test.message}</p> : null}
        {test.state === 'done' && test.result.ok ? (
          test.result.app === draft.kind ? (
            <p className="test-result--ok">
              Connected: {KIND_LABELS[test.result.app]} {test.result.version}
              {test.result.instanceName ? ` (${test.result.instanceName})` : ''}
            </p>
          ) : (
            <p className="field__error">
              This address is a {KIND_LABELS[test.result.app]} {test.result.version}, not a {KIND_LABELS[draft.kind]}.
            </p>
          )
        ) : null}
        {test.state === 'done' && !test.result.ok ? <p className="field__error">Connection failed: {test.result.message}</p> : null}
      </div>

      <FormNotice notice={form.notice} />
      <div className="button-row">
        <button type="button" onClick={() => void testConnection()} disabled={test.state === 'testing'}>
          Test connection
        </button>
        <button type="submit" className="primary" disabled={form.saving}>
          {isNew ? 'Add instance' : 'Save changes'}
        </button>
        {unanswered !== null ? (
          <button type="button" disabled={form.saving} onClick={() => void save(true)}>
            Save anyway
          </button>
        ) : null}
        <button type="button" onClick={() => void cancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
