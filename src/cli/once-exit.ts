/**
 * The exit code of `trawlarr once` and the lines it writes to stderr, from the jobs' reports.
 *
 * - 3: an instance could not be reached or rejected its key (a setup or network problem).
 * - 4: an instance answered, with an error: a request failed after its retries (a 500, an answer
 *   that is not the app's JSON…), or the app ran a search command and reported it failed. That
 *   includes a partial failure: some searches ran, others failed. Their items stay untagged and
 *   are searched on a later run, but a cron job or service manager should see that it happened.
 * - 1: anything else (an unexpected error, a command still running at the poll timeout).
 * When several apply, 3 wins, then 1, then 4: the code names the most basic problem.
 */
import { ArrError } from '../arr';
import { isConnectionFailure, type OnceResult } from '../engine/host';
import { EXIT } from './args';
import { instanceLine } from './exit';

export interface OnceExit {
  code: number;
  /** for stderr: one line per problem, each naming the instance */
  lines: string[];
}

export function onceExit(results: readonly OnceResult[]): OnceExit {
  const lines: string[] = [];
  const unreachable = new Set<string>();
  let failure = false;
  let appError = false;
  for (const { instance, job, report } of results) {
    if (report.result === 'error' && isConnectionFailure(report.error)) {
      // every job of an unreachable instance reports the same error: say it once
      if (!unreachable.has(instance.id)) lines.push(instanceLine(instance, report.error.message));
      unreachable.add(instance.id);
      continue;
    }
    const failed = report.commands.filter((c) => c.status === 'failed' || c.status === 'error');
    if (report.result === 'error' && !(report.error instanceof ArrError) && failed.length === 0) {
      failure = true;
      lines.push(instanceLine(instance, report.message, job.id));
      continue;
    }
    if (report.result === 'error' || failed.length > 0) {
      appError = true;
      const detail = failed.length > 0 ? `${failed.length} of ${report.commands.length} commands failed (${failed[failed.length - 1].message ?? failed[failed.length - 1].status}); their items are searched again on a later run` : report.message;
      lines.push(instanceLine(instance, detail, job.id));
    }
  }
  const code = unreachable.size > 0 ? EXIT.unreachable : failure ? EXIT.failure : appError ? EXIT.appError : EXIT.ok;
  return { code, lines };
}
