import { useSettings } from '../../stores/settings';
import { AppSettingsForm } from './AppSettingsForm';
import { ImportExport } from './ImportExport';
import { DesktopSection } from './DesktopSection';
import './settings.css';

export default function SettingsPage() {
  const settings = useSettings((s) => s.settings);
  const appInfo = useSettings((s) => s.appInfo);
  if (!settings || !appInfo) return <p className="muted">Loading…</p>;
  return (
    <div className="page">
      <div className="page__header">
        <h1>Settings</h1>
        <span className="muted">
          Trawlarr {appInfo.version} · {appInfo.mode === 'desktop' ? 'desktop' : 'browser mode'} · {appInfo.platform}
        </span>
      </div>
      {!appInfo.secretStorage.encrypted && appInfo.secretStorage.message ? (
        <div className="banner banner--error" role="note">
          {appInfo.secretStorage.message}
        </div>
      ) : null}
      <AppSettingsForm settings={settings} />
      <DesktopSection appInfo={appInfo} />
      <ImportExport appInfo={appInfo} />
    </div>
  );
}
