import { lazy, Suspense, useEffect, useState } from 'react';
import type { HistoryPerDay } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { Badge } from '../../components/Badge';
import { errorMessage } from '../../lib/errors';
import { formatCount, relativeTime } from '../../lib/format';
import { INSTANCE_STATE_LABELS } from '../../lib/labels';
import { useNow } from '../../lib/useNow';
import { useStatus } from '../../stores/status';
import { InstanceCard } from './InstanceCard';
import { RecentGrabs } from './RecentGrabs';
import './dashboard.css';

// uPlot is loaded after the first paint: the status cards are what the user opened the window for.
const PerDayChart = lazy(() => import('./PerDayChart'));

const CHART_DAYS = 30;

function useHistoryPerDay(revision: number) {
  const [data, setData] = useState<HistoryPerDay | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // a burst of history events (a run) refreshes the chart once
    const t = setTimeout(() => {
      api
        .historyPerDay({ days: CHART_DAYS, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })
        .then((d) => live && (setData(d), setError(null)))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, revision === 0 ? 0 : 2000);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [revision]);
  return { data, error };
}

export function DashboardPage() {
  const status = useStatus((s) => s.status);
  const setPaused = useStatus((s) => s.setPaused);
  const revision = useStatus((s) => s.historyRevision);
  const now = useNow();
  const perDay = useHistoryPerDay(revision);
  const [actionError, setActionError] = useState<string | null>(null);

  const instances = status?.instances ?? [];
  const healthy = instances.filter((i) => i.state === 'ok').length;

  return (
    <div className="page">
      <div className="page__header">
        <h1>Dashboard</h1>
        {status ? (
          <div className="toolbar">
            <span aria-live="polite">
              {status.paused ? <Badge tone="warn">All paused</Badge> : status.searching ? <Badge tone="ok">Searching…</Badge> : <Badge tone="muted">Idle</Badge>}
            </span>
            <button
              type="button"
              onClick={() => setPaused({ scope: 'all' }, !status.paused).catch((e: unknown) => setActionError(errorMessage(e)))}
            >
              {status.paused ? 'Resume all' : 'Pause all'}
            </button>
          </div>
        ) : null}
      </div>
      {actionError ? (
        <div className="banner banner--error" role="alert">
          {actionError}
        </div>
      ) : null}

      {!status ? (
        <p className="muted">Loading status…</p>
      ) : instances.length === 0 ? (
        <div className="card">
          <p>No instances yet.</p>
          <p>
            <a href="#/instances">Add a Radarr or Sonarr instance</a> to start.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="health-title" className="health">
            <h2 id="health-title" className="visually-hidden">
              Instance health
            </h2>
            <p>
              <strong>{healthy}</strong> of {instances.length} instances healthy · updated {relativeTime(status.at, now)}
            </p>
            <ul className="health-strip">
              {instances.map((i) => {
                const st = INSTANCE_STATE_LABELS[i.state];
                return (
                  <li key={i.id}>
                    <a href={`#inst-${i.id}`} onClick={(e) => (e.preventDefault(), document.getElementById(`inst-${i.id}`)?.scrollIntoView())}>
                      <Badge tone={i.enabled ? st.tone : 'muted'}>
                        {i.name}: {i.enabled ? st.text : 'disabled'}
                      </Badge>
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
          <div className="dash-grid">
            {instances.map((inst) => (
              <InstanceCard key={inst.id} instance={inst} now={now} onError={setActionError} />
            ))}
          </div>
        </>
      )}

      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">Searches and grabs, last {CHART_DAYS} days</h2>
        {perDay.error ? (
          <p role="alert" className="field__error">
            {perDay.error}
          </p>
        ) : !perDay.data ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            <p className="muted">
              {formatCount(perDay.data.days.reduce((n, d) => n + d.searched, 0))} searches, {formatCount(perDay.data.days.reduce((n, d) => n + d.grabbed, 0))} grabs
            </p>
            <Suspense fallback={<div className="chart chart--placeholder" />}>
              <PerDayChart days={perDay.data.days} />
            </Suspense>
          </>
        )}
      </section>

      <RecentGrabs />
    </div>
  );
}
