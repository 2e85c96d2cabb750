import { useState } from 'react';
import type { AppInfo } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { Checkbox } from '../../components/Field';
import { errorMessage } from '../../lib/errors';
import { useSettings } from '../../stores/settings';

/** Launch at login: only where the backend supports it (the desktop app). Applies at once. */
export function DesktopSection({ appInfo }: { appInfo: AppInfo }) {
  const setAppInfo = useSettings((s) => s.setAppInfo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!appInfo.launchAtLogin.supported) return null;
  return (
    <section className="card" aria-labelledby="desktop-title">
      <h2 id="desktop-title">Desktop</h2>
      <Checkbox
        label="Launch Trawlarr at login"
        checked={appInfo.launchAtLogin.enabled}
        disabled={busy}
        error={error ?? undefined}
        onChange={(enabled) => {
          setBusy(true);
          setError(null);
          api
            .setLaunchAtLogin({ enabled })
            .then(setAppInfo, (e: unknown) => setError(errorMessage(e)))
            .finally(() => setBusy(false));
        }}
      />
    </section>
  );
}
