/**
 * FOR UI DEVELOPMENT ONLY: a generated history kept as a plain array, newest last, with the
 * contract's filters and id-cursor paging. The real store lives in src/engine (history).
 */
import type { HistoryEntry, HistoryPage, HistoryQuery, HistoryStatus } from '../../../src/shared/contract';
import type { JobType } from '../../../src/shared/settings';

const TITLES = ['The Long Night', 'Harbour Lights', 'Paper Moons', 'A Quiet Field', 'North by Nowhere', 'Glass Orchard', 'The Last Ferry', 'Salt and Iron', 'Winter Garden', 'Small Hours'];

export interface Job {
  instanceId: string;
  jobId: string;
  type: JobType;
}

export function generateHistory(count: number, jobs: Job[], now: number, days = 60): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const span = days * 86_400_000;
  for (let i = 0; i < count; i++) {
    const job = jobs[i % jobs.length];
    const at = now - span + Math.floor((i / count) * span);
    const r = rand();
    const status: HistoryStatus = r < 0.08 ? 'grabbed' : r < 0.9 ? 'searched' : r < 0.95 ? 'skipped' : r < 0.98 ? 'failed' : 'error';
    const title = `${TITLES[i % TITLES.length]} (${1980 + (i % 45)})`;
    out.push({
      id: i + 1,
      at: new Date(at).toISOString(),
      instanceId: job.instanceId,
      jobId: job.jobId,
      jobType: job.type,
      status,
      items: status === 'skipped' ? [] : [{ id: 1000 + (i % 5000), title }],
      grabs: status === 'grabbed' ? [{ itemId: 1000 + (i % 5000), itemTitle: title, releaseTitle: `${title.replace(/\W+/g, '.')}.2160p.WEB-DL.DDP5.1.H.265-GROUP`, scoreBefore: 900, scoreAfter: 1450 }] : [],
      cost: status === 'skipped' ? 0 : 1,
      ...(status === 'skipped' ? { reasons: { 'already downloading': 3, 'tagged this cycle': 12, 'at cutoff: Bluray-1080p, score 1250 ≥ 1000': 40 } } : {}),
      ...(status === 'failed' || status === 'error' ? { message: status === 'error' ? 'Radarr answered 503 Service Unavailable' : 'command failed: indexer timed out' } : {}),
      cycle: 1 + Math.floor(i / 20000),
    });
  }
  return out;
}

function matches(e: HistoryEntry, q: HistoryQuery): boolean {
  if (q.instanceId && e.instanceId !== q.instanceId) return false;
  if (q.jobId && e.jobId !== q.jobId) return false;
  if (q.status?.length && !q.status.includes(e.status)) return false;
  if (q.since && e.at < q.since) return false;
  if (q.until && e.at >= q.until) return false;
  return true;
}

/** Newest first; `before` is an id cursor. Counting the total scans, which is fine for a fake. */
export function queryHistory(all: HistoryEntry[], q: HistoryQuery): HistoryPage {
  const limit = q.limit ?? 50;
  const entries: HistoryEntry[] = [];
  let total = 0;
  let skip = q.offset ?? 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i];
    if (!matches(e, q)) continue;
    total++;
    if (q.before !== undefined && e.id >= q.before) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (entries.length < limit) entries.push(e);
  }
  return { entries, total };
}

export function perDay(all: HistoryEntry[], days: number, now: number, q: { instanceId?: string; jobId?: string }) {
  const out: { date: string; searched: number; grabbed: number; failed: number }[] = [];
  const index = new Map<string, (typeof out)[number]>();
  for (let d = days - 1; d >= 0; d--) {
    const date = new Date(now - d * 86_400_000);
    const key = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const row = { date: key, searched: 0, grabbed: 0, failed: 0 };
    out.push(row);
    index.set(key, row);
  }
  const since = now - days * 86_400_000;
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i];
    const t = Date.parse(e.at);
    if (t < since) break;
    if (!matches(e, q) || e.dryRun) continue;
    const d = new Date(t);
    const row = index.get(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    if (!row) continue;
    if (e.status === 'searched' || e.status === 'grabbed') row.searched += e.items.length;
    if (e.status === 'grabbed') row.grabbed += e.grabs.length;
    if (e.status === 'failed' || e.status === 'error') row.failed++;
  }
  return { days: out };
}

export function toCsv(entries: HistoryEntry[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['id,at,instance,job,type,status,items,cost,message'];
  for (const e of entries) lines.push([e.id, e.at, e.instanceId, e.jobId, e.jobType, e.status, q(e.items.map((i) => i.title).join('; ')), e.cost, q(e.message ?? '')].join(','));
  return lines.join('\n') + '\n';
}
