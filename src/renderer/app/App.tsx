import { lazy, Suspense, useEffect, useRef } from 'react';
import { api, apiMode, apiSessionProblem } from '../api';
import { ConfirmHost } from '../components/ConfirmHost';
import { useSettings } from '../stores/settings';
import { useStatus } from '../stores/status';
import { PAGES, PAGE_TITLES, useRouter, type Page } from './router';
import { DashboardPage } from '../pages/dashboard/DashboardPage';

// The dashboard is the first screen and is bundled with the shell; the others load when opened.
const InstancesPage = lazy(() => import('../pages/instances/InstancesPage'));
const JobsPage = lazy(() => import('../pages/jobs/JobsPage'));
const ThroughputPage = lazy(() => import('../pages/throughput/ThroughputPage'));
const HistoryPage = lazy(() => import('../pages/history/HistoryPage'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage'));

function PageView({ page }: { page: Page }) {
  // without a session no page could load anything: the banner above says how to log in
  if (apiSessionProblem()) return null;
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'instances':
      return <InstancesPage />;
    case 'jobs':
      return <JobsPage />;
    case 'throughput':
      return <ThroughputPage />;
    case 'history':
      return <HistoryPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

function Nav() {
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const status = useStatus((s) => s.status);
  const attention = status?.instances.some((i) => i.enabled && i.state !== 'ok' && i.state !== 'unknown') ?? false;
  return (
    <div className="app__side">
    <nav className="app__nav" aria-label="Main">
      <div className="app__brand">Trawlarr</div>
      <ul>
        {PAGES.map((page) => (
          <li key={page}>
            <a
              href={`#/${page}`}
              aria-current={route.page === page ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                void navigate(page);
              }}
            >
              {PAGE_TITLES[page]}
              {page === 'dashboard' && attention ? <span className="badge badge--danger"> needs attention</span> : null}
            </a>
          </li>
        ))}
      </ul>
      <div className="app__conn muted">{apiMode() === 'desktop' ? 'Desktop app' : 'Browser mode'}</div>
    </nav>
    </div>
  );
}

export function App() {
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const statusError = useStatus((s) => s.error);
  const settingsError = useSettings((s) => s.error);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (apiSessionProblem()) return;
    void useSettings.getState().load();
    const offStatus = useStatus.getState().connect();
    // desktop: a notification click asks for a page
    const offNavigate = api.on('navigate', (target) => {
      const params: Record<string, string> = {};
      if (target.instanceId) params.instance = target.instanceId;
      if (target.jobId) params.job = target.jobId;
      void navigate(target.page, params);
    });
    return () => {
      offStatus();
      offNavigate();
    };
  }, [navigate]);

  // keyboard and screen-reader users land at the top of the new page
  useEffect(() => {
    document.title = `${PAGE_TITLES[route.page]} · Trawlarr`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [route.page]);

  const error = apiSessionProblem() ?? statusError ?? settingsError;

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        Skip to content
      </a>
      <Nav />
      <main id="main" className="app__main" ref={mainRef} tabIndex={-1} aria-label={PAGE_TITLES[route.page]}>
        {error ? (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        ) : null}
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <PageView page={route.page} />
        </Suspense>
      </main>
      <ConfirmHost />
    </div>
  );
}
