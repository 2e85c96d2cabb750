/**
 * Where the settings window opens: the desktop app loads `index.html?page=jobs&instanceId=…`
 * (the query, because the browser mode's fragment carries the session token) and pushes a
 * `navigate` event when the window is already open.
 */
import { PAGES, type NavigateTarget, type Page } from './channels';

export function navigateTargetToSearch(target: NavigateTarget | undefined): string {
  if (!target) return '';
  const params = new URLSearchParams({ page: target.page });
  if (target.instanceId) params.set('instanceId', target.instanceId);
  if (target.jobId) params.set('jobId', target.jobId);
  return `?${params.toString()}`;
}

export function navigateTargetFromSearch(search: string): NavigateTarget | undefined {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  const page = params.get('page');
  if (!page || !(PAGES as readonly string[]).includes(page)) return undefined;
  const instanceId = params.get('instanceId') ?? undefined;
  const jobId = params.get('jobId') ?? undefined;
  return { page: page as Page, ...(instanceId ? { instanceId } : {}), ...(jobId ? { jobId } : {}) };
}
