/**
 * What `trawlarr once` prints: a human summary per job, or with --json one document with, per job,
 * the searched items, the reason counts, the cycle number and the progress.
 */
import { isConnectionFailure, type OnceResult } from '../engine/host';
import type { GrabInfo } from '../shared/status';
import { grabChange, plural } from '../shared/words';

/** "Movie.2020.1080p-GRP (Bluray-720p → Bluray-1080p, score 150 → 25)" */
export const grabText = (g: Omit<GrabInfo, 'itemId' | 'itemTitle'>) => (grabChange(g) ? `${g.releaseTitle} (${grabChange(g)})` : g.releaseTitle);
import type { CommandReport } from '../engine/run/execute';
import { runPreviewSentence, type RunPreviewSize } from '../shared/run-preview';

export interface OnceItem {
  id: number;
  title: string;
  /** searched, grabbed, planned (dry run); failed, error or running for the `failed` list */
  status: CommandReport['status'];
  command: string;
  commandId?: number;
  granularity?: string;
  /** estimated indexer queries of the command this item was in */
  commandCost: number;
  grabs?: Omit<GrabInfo, 'itemId' | 'itemTitle'>[];
  message?: string;
}

export interface OnceJobJson {
  instanceId: string;
  instanceName: string;
  jobId: string;
  jobType: string;
  dryRun: boolean;
  result: string;
  message: string;
  cycle: number;
  cycleRestarted: boolean;
  progress: { done: number; eligible: number; remaining: number };
  /** items searched in this run (dry run: the items it would search) */
  searched: OnceItem[];
  /** items of commands that failed or whose outcome is unknown: searched again later */
  failed: OnceItem[];
  /** estimated indexer queries spent (dry run: it would spend) */
  cost: number;
  reasons: Record<string, number>;
  /** a dry run: what a run started now would search, what limits it, and the rest */
  size?: RunPreviewSize;
  /** set when the job could not run: the client's message */
  error?: string;
  /** the instance could not be used (unreachable, key rejected, wrong app): the message is the instance's, not the job's */
  connectionFailed?: boolean;
}

export interface OnceJson {
  dryRun: boolean;
  jobs: OnceJobJson[];
}

const OK = new Set(['searched', 'grabbed', 'planned']);

function itemsOf(commands: readonly CommandReport[], ok: boolean): OnceItem[] {
  return commands
    .filter((c) => OK.has(c.status) === ok)
    .flatMap((c) =>
      c.items.map((item) => {
        const out: OnceItem = { id: item.id, title: item.title, status: c.status, command: c.body.name, commandCost: c.cost };
        if (c.commandId !== undefined) out.commandId = c.commandId;
        if (c.granularity) out.granularity = c.granularity;
        const grabs = c.grabs.filter((g) => g.itemId === item.id);
        if (grabs.length) out.grabs = grabs.map(({ itemId: _id, itemTitle: _title, ...grab }) => grab);
        if (c.message && !ok) out.message = c.message;
        return out;
      }),
    );
}

export function onceJson(results: readonly OnceResult[], dryRun: boolean): OnceJson {
  return {
    dryRun,
    jobs: results.map(({ instance, job, report, size }) => {
      const out: OnceJobJson = {
        instanceId: instance.id,
        instanceName: instance.name,
        jobId: job.id,
        jobType: job.type,
        dryRun: report.dryRun,
        result: report.result,
        message: report.message,
        cycle: report.cycle,
        cycleRestarted: report.cycleRestarted,
        progress: { done: report.done, eligible: report.done + report.remaining, remaining: report.remaining },
        searched: itemsOf(report.commands, true),
        failed: itemsOf(report.commands, false),
        cost: report.cost,
        reasons: report.reasons,
      };
      if (size) out.size = size;
      if (report.result === 'error') out.error = report.message;
      if (report.result === 'error' && isConnectionFailure(report.error)) out.connectionFailed = true;
      return out;
    }),
  };
}

/**
 * The jobs of an instance that could not be used, as one line: the instance's message is printed
 * once, on stderr, with the exit code (commands/once.ts), not once per job.
 */
function unusableInstances(jobs: readonly OnceJobJson[]): Map<string, string> {
  const byInstance = new Map<string, { name: string; dryRun: boolean; jobIds: string[] }>();
  for (const job of jobs) {
    if (!job.connectionFailed) continue;
    const seen = byInstance.get(job.instanceId) ?? { name: job.instanceName, dryRun: job.dryRun, jobIds: [] };
    seen.jobIds.push(job.jobId);
    byInstance.set(job.instanceId, seen);
  }
  return new Map(
    [...byInstance].map(([id, i]) => [id, `${i.name} / ${i.jobIds.join(', ')}${i.dryRun ? ' (dry run)' : ''}: not run: ${i.name} could not be used (the reason is printed below)`]),
  );
}

export function onceText(doc: OnceJson): string {
  if (doc.jobs.length === 0) return 'No enabled jobs to run.';
  const lines: string[] = [];
  const unusable = unusableInstances(doc.jobs);
  for (const job of doc.jobs) {
    const head = `${job.instanceName} / ${job.jobId}${job.dryRun ? ' (dry run)' : ''}`;
    if (job.connectionFailed) {
      const line = unusable.get(job.instanceId);
      if (line) lines.push(line);
      unusable.delete(job.instanceId);
      continue;
    }
    if (job.error) {
      // the head names the instance: the client's label (`Home Radarr: `, `Radarr "4K": `, see instanceLabel) would say it again
      const own = [`${job.instanceName}: `, ...['Radarr', 'Sonarr'].map((app) => `${app} "${job.instanceName}": `)].find((p) => job.error!.startsWith(p));
      lines.push(`${head}: not run: ${own ? job.error.slice(own.length) : job.error}`);
      continue;
    }
    // a dry run says what a run now would do and when the rest follows, in the Preview's words
    const what = job.size ? runPreviewSentence(job.size) : `${job.dryRun ? 'would search' : 'searched'} ${plural(job.searched.length, 'item')}`;
    lines.push(
      `${head}: ${what} (${plural(job.cost, 'query', 'queries')}); cycle ${job.cycle}: ${job.progress.done} of ${job.progress.eligible} done` +
        (job.cycleRestarted && !job.dryRun ? ' (new cycle started)' : ''),
    );
    if (job.message) lines.push(`  ${job.message}`);
    for (const item of job.searched.slice(0, 20)) {
      const grab = item.grabs?.length ? ` → grabbed ${item.grabs.map(grabText).join(', ')}` : '';
      lines.push(`  - ${item.title}${grab}`);
    }
    if (job.searched.length > 20) lines.push(`  … and ${job.searched.length - 20} more`);
    for (const item of job.failed) lines.push(`  ! ${item.title}: ${item.status}${item.message ? ` (${item.message})` : ''}`);
    const reasons = Object.entries(job.reasons).sort((a, b) => b[1] - a[1]);
    if (reasons.length) lines.push(`  skipped: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}
