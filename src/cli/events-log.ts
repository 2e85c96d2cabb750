/**
 * The lines `trawlarr run` logs: one per engine event worth telling a server's log about, one per
 * wait (what and until when, said once while it does not change) and one per run (searched,
 * skipped, grabbed). Waits and runs are read from the status the engine publishes, so the log
 * says what the window and `trawlarr status` say, in the same words (shared/waits.ts).
 */
import type { EngineEvent, EngineStatus } from '../shared/status';
import { waitText } from '../shared/waits';
import { jobLabel } from '../shared/words';
import { when } from './time';

export function eventLine(event: EngineEvent): string | undefined {
  switch (event.type) {
    case 'instance-down':
      // the message names the instance and says what is wrong ("Radarr: connection refused at …")
      return `${event.at} ${event.message} Searches there wait and retry.`;
    case 'instance-recovered':
      return `${event.at} ${event.name} is reachable again`;
    case 'cycle-complete':
      return `${event.at} ${event.instanceId}/${event.jobId}: cycle ${event.cycle} complete (${event.searched} searched, ${event.grabbed} grabbed)`;
    case 'grabs':
      return `${event.at} ${event.instanceId}/${event.jobId}: grabbed ${event.grabs.map((g) => `${g.releaseTitle} (${g.itemTitle})`).join(', ')}`;
    case 'budget-warning':
      return `${event.at} ${event.instanceId}/${event.jobId}: ${event.message}`;
    case 'history': {
      const e = event.entry;
      if (e.status !== 'searched' && e.status !== 'failed' && e.status !== 'error') return undefined;
      const items = e.items.map((i) => i.title).join(', ');
      return `${e.at} ${e.instanceId}/${e.jobId}: ${e.status}${items ? ` ${items}` : ''}${e.message && e.status !== 'searched' ? ` (${e.message})` : ''}`;
    }
    default:
      return undefined;
  }
}

interface JobLog {
  wait?: string;
  lastRunAt?: string;
  grabbed: number;
  skipped: number;
}

/** A run's log: every event's line, plus the wait and run lines read from the status events. */
export function runLog(): (event: EngineEvent) => string[] {
  const jobs = new Map<string, JobLog>();
  const of = (instanceId: string, jobId: string) => {
    const key = `${instanceId}/${jobId}`;
    let j = jobs.get(key);
    if (!j) jobs.set(key, (j = { grabbed: 0, skipped: 0 }));
    return j;
  };
  return (event) => {
    if (event.type === 'grabs') of(event.instanceId, event.jobId).grabbed += event.grabs.length;
    if (event.type === 'history' && event.entry.status === 'skipped' && !event.entry.dryRun) {
      of(event.entry.instanceId, event.entry.jobId).skipped += Object.values(event.entry.reasons ?? {}).reduce((a, b) => a + b, 0);
    }
    if (event.type === 'status') return statusLines(event.status, of);
    const line = eventLine(event);
    return line ? [line] : [];
  };
}

function statusLines(status: EngineStatus, of: (instanceId: string, jobId: string) => JobLog): string[] {
  const lines: string[] = [];
  for (const inst of status.instances) {
    for (const job of inst.jobs) {
      const j = of(inst.id, job.jobId);
      const head = `${status.at} ${inst.name} / ${jobLabel({ id: job.jobId, type: job.type })}`;
      const last = job.lastRun;
      if (last && j.lastRunAt !== undefined && last.at !== j.lastRunAt) {
        lines.push(`${head}: run ${last.result}: ${last.searched} searched, ${j.skipped} skipped, ${j.grabbed} grabbed (${last.cost} ${last.cost === 1 ? 'query' : 'queries'})`);
        j.grabbed = 0;
        j.skipped = 0;
      }
      // the first status only sets where the log starts from: a run from before is not this run's
      if (last && (j.lastRunAt === undefined || last.at !== j.lastRunAt)) j.lastRunAt = last.at;
      else if (!last) j.lastRunAt ??= '';
      const wait = job.waiting ? waitText(job.waiting, when) : undefined;
      if (wait && wait !== j.wait) lines.push(`${head}: ${wait}`);
      j.wait = wait;
    }
  }
  return lines;
}
