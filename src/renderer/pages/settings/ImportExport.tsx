import { useId, useRef, useState } from 'react';
import { IMPORT_MAX_CHARS, IMPORT_MAX_LABEL, type AppInfo } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { confirm } from '../../app/confirm';
import { Checkbox } from '../../components/Field';
import { downloadText } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { useSettings } from '../../stores/settings';

export function ImportExport({ appInfo }: { appInfo: AppInfo }) {
  const apply = useSettings((s) => s.apply);
  const [includeKeys, setIncludeKeys] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const exportSettings = async () => {
    setMessage(null);
    try {
      const r = await api.exportSettings({ includeKeys });
      if (r.kind === 'content') {
        downloadText(r.fileName, r.json, 'application/json');
        setMessage({ kind: 'ok', text: `Exported ${r.fileName} (without API keys).` });
      } else if (r.kind === 'saved') setMessage({ kind: 'ok', text: `Saved to ${r.path}.` });
      else setMessage(null);
    } catch (e) {
      setMessage({ kind: 'error', text: `Export failed: ${errorMessage(e)}` });
    }
  };

  const importFile = async (file: File) => {
    setMessage(null);
    if (file.size > IMPORT_MAX_CHARS) {
      setMessage({ kind: 'error', text: `${file.name} is larger than ${IMPORT_MAX_LABEL}: not a Trawlarr settings file.` });
      return;
    }
    const ok = await confirm({
      title: 'Import settings?',
      message: `The settings in ${file.name} replace the current instances, jobs and limits. Stored API keys of instances the file does not include a key for are kept.`,
      confirmLabel: 'Import',
      cancelLabel: 'Cancel',
      danger: true,
    });
    if (!ok) return;
    try {
      const r = await api.importSettings({ json: await file.text() });
      apply(r.settings);
      setMessage({ kind: 'ok', text: `Imported ${file.name}.`, details: r.warnings });
    } catch (e) {
      setMessage({ kind: 'error', text: `Not imported: ${errorMessage(e)}` });
    }
  };

  return (
    <section className="card" aria-labelledby="ie-title">
      <h2 id="ie-title">Import and export</h2>
      <p className="muted">The export is the same format as the headless command&apos;s config file.</p>
      {appInfo.mode === 'desktop' ? (
        <Checkbox
          label="Include API keys in the export"
          checked={includeKeys}
          hint="Only if you need them elsewhere: anyone with the file can use your instances."
          onChange={setIncludeKeys}
        />
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void exportSettings()}>
          Export settings
        </button>
        <label htmlFor={fileId} className="button">
          Import settings…
        </label>
        <input
          id={fileId}
          ref={fileRef}
          className="visually-hidden file-input"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <div aria-live="polite">
        {message ? (
          <div className={message.kind === 'ok' ? 'form-notice--ok' : 'field__error'} role={message.kind === 'error' ? 'alert' : 'status'}>
            <p>{message.text}</p>
            {message.details?.length ? (
              <ul className="muted">
                {message.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
