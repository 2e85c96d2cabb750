/**
 * Hash routes (#/jobs?instance=radarr) so a reload stays on the page and the desktop shell can
 * open a page from a notification click. Leaving a page with unsaved changes asks first, whether
 * the user clicked a link, pressed Back, or closes the window.
 */
import { create } from 'zustand';
import { navigateTargetFromSearch } from '../../shared/contract/navigation';
import type { NavigateTarget } from '../../shared/contract/channels';
import { confirm } from './confirm';

export const PAGES = ['dashboard', 'instances', 'jobs', 'throughput', 'history', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_TITLES: Record<Page, string> = {
  dashboard: 'Dashboard',
  instances: 'Instances',
  jobs: 'Jobs',
  throughput: 'Throughput',
  history: 'History',
  settings: 'Settings',
};

export interface Route {
  page: Page;
  params: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash);
  const page = m && (PAGES as readonly string[]).includes(m[1]) ? (m[1] as Page) : 'dashboard';
  const params: Record<string, string> = {};
  if (m?.[2]) new URLSearchParams(m[2]).forEach((v, k) => (params[k] = v));
  return { page, params };
}

/** The route for a page the desktop shell asks for (a notification or tray click). */
export function routeOfTarget(target: NavigateTarget): Route {
  const params: Record<string, string> = {};
  if (target.instanceId) params.instance = target.instanceId;
  if (target.jobId) params.job = target.jobId;
  return { page: target.page, params };
}

/**
 * Where the window starts: its hash route, or else the page the desktop shell opened it on
 * (`index.html?page=history`: a notification click while the window was closed).
 */
export function initialRoute(hash: string, search: string): Route {
  const target = hash.startsWith('#/') ? undefined : navigateTargetFromSearch(search);
  return target ? routeOfTarget(target) : parseRoute(hash);
}

export function routeHash(route: Route): string {
  const qs = new URLSearchParams(route.params).toString();
  return `#/${route.page}${qs ? `?${qs}` : ''}`;
}

interface RouterState {
  route: Route;
  /** forms with unsaved changes, by form id */
  dirty: Record<string, true>;
  setDirty: (formId: string, dirty: boolean) => void;
  /** Go to a page; resolves false when the user chose to stay because of unsaved changes. */
  navigate: (page: Page, params?: Record<string, string>) => Promise<boolean>;
}

export const useRouter = create<RouterState>((set, get) => ({
  route: typeof location === 'undefined' ? parseRoute('') : initialRoute(location.hash, location.search),
  dirty: {},
  setDirty: (formId, dirty) =>
    set((s) => {
      if (dirty === Boolean(s.dirty[formId])) return s;
      const next = { ...s.dirty };
      if (dirty) next[formId] = true;
      else delete next[formId];
      return { dirty: next };
    }),
  navigate: async (page, params = {}) => {
    const target = { page, params };
    if (routeHash(target) === routeHash(get().route)) return true;
    if (!(await confirmLeave())) return false;
    set({ route: target, dirty: {} });
    if (location.hash !== routeHash(target)) history.pushState(null, '', routeHash(target));
    return true;
  },
}));

export function hasUnsavedChanges(): boolean {
  return Object.keys(useRouter.getState().dirty).length > 0;
}

export async function confirmLeave(): Promise<boolean> {
  if (!hasUnsavedChanges()) return true;
  return confirm({
    title: 'Unsaved changes',
    message: 'You have changes that are not saved. Leave this page and discard them?',
    confirmLabel: 'Discard changes',
    cancelLabel: 'Stay on this page',
    danger: true,
  });
}

/** Back/Forward and typed URLs arrive as hashchange: same question, and staying restores the URL. */
export function startRouter(): () => void {
  const onHashChange = async () => {
    const next = parseRoute(location.hash);
    const current = useRouter.getState().route;
    if (routeHash(next) === routeHash(current)) return;
    if (await confirmLeave()) useRouter.setState({ route: next, dirty: {} });
    else history.replaceState(null, '', routeHash(current));
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (hasUnsavedChanges()) e.preventDefault();
  };
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', onBeforeUnload);
  // the start page moves from the query into the hash, so Back, Forward and reload follow the hash
  if (!location.hash.startsWith('#/')) history.replaceState(null, '', `${location.pathname}${routeHash(useRouter.getState().route)}`);
  return () => {
    window.removeEventListener('hashchange', onHashChange);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
