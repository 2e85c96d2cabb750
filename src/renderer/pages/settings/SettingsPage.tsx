import { useSettings } from '../../stores/settings';
import { AppSettingsForm } from './AppSettingsForm';
import { ImportExport } from './ImportExport';
import { DesktopSection } from './DesktopSection';
import { keysNote } from './notes';
import './settings.css';

export default function SettingsPage() {
  const settings = useSettings((s) => s.settings);
  const appInfo = useSettings((s) => s.appInfo);
  if (!settings || !appInfo) return <p className="muted">Loading…</p>;
  const keys = keysNote(appInfo);
  return (
    <div className="page">
      <div className="page__header">
        <h1>Settings</h1>
        <span className="muted">
          Trawlarr {appInfo.version} · {appInfo.mode === 'desktop' ? 'desktop' : 'browser mode'} · {appInfo.platform}
        </span>
      </div>
      {keys ? (
        <div className={keys.tone === 'warning' ? 'banner banner--error' : 'banner'} role="note">
          {keys.text}
        </div>
      ) : null}
      <AppSettingsForm settings={settings} mode={appInfo.mode} />
      <DesktopSection appInfo={appInfo} />
      <ImportExport appInfo={appInfo} />
    </div>
  );
}
