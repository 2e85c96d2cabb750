/**
 * The end of a run: reason counts into the report and a "skipped" summary into history (with
 * dryRun set for a dry run), and, for a live run, the cycle document's done/eligible figures and
 * last run.
 */
import type { JobSettings } from '../../shared/settings';
import { estimatedEligible, type Plan } from '../plan/types';
import type { Clock } from '../scheduler/clock';
import { record, type RunContext } from './finish';
import type { JobState } from './job-state';
import type { RunReport } from './report';

/**
 * The part of runJob's options (./runner.ts) a summary reads. Declared here, not imported from
 * runner.ts: runner.ts imports this module, and the import back made a cycle.
 */
export interface SummaryOptions {
  instanceId: string;
  job: JobSettings;
  clock: Clock;
  evaluateAll?: boolean;
}

export async function summarize(a: { o: SummaryOptions; rc: RunContext; state: JobState; report: RunReport; plan: Plan; jobTagExists: boolean; dry: boolean }): Promise<RunReport> {
  const { o, rc, state, report, plan, dry } = a;
  report.reasons = plan.reasons.toRecord();
  report.examples = plan.reasons.examples();
  if (o.evaluateAll) report.eligibleIds = [...plan.eligibleIds].sort((x, y) => x - y);
  const now = o.clock.now();
  if (!report.message) report.message = describe(report, plan);
  if (!dry) {
    const cycle = await state.updateCycle((c) => {
      const remaining = Math.max(0, estimatedEligible(plan) - report.searched);
      return {
        ...c,
        eligible: c.done + remaining,
        lastRun: { at: new Date(now).toISOString(), result: report.result, searched: report.searched, cost: report.cost, message: report.message },
      };
    });
    report.done = cycle.done;
    report.remaining = cycle.eligible - cycle.done;
    report.cycle = cycle.cycle;
  } else {
    const cycle = await state.cycle();
    report.done = cycle.done;
    report.remaining = estimatedEligible(plan);
  }
  if (dry || plan.reasons.total > 0) {
    await record(rc, {
      at: new Date(now).toISOString(),
      instanceId: o.instanceId,
      jobId: o.job.id,
      jobType: o.job.type,
      status: 'skipped',
      items: [],
      grabs: [],
      cost: 0,
      reasons: report.reasons,
      cycle: report.cycle,
      ...(dry ? { dryRun: true } : {}),
      message: report.message,
    });
  }
  return report;
}

function describe(report: RunReport, plan: Plan): string {
  const eligible = plan.eligibleIds.length;
  const more = plan.unchecked > 0 ? ` (+${plan.unchecked} not examined)` : '';
  return `${report.searched} searched of ${eligible} eligible${more}; ${plan.reasons.total} skipped`;
}
