/**
 * The size of a run as a dry run or the job page's Preview reports it, and the one sentence both
 * the CLI and the settings window print for it, so the two never word the same numbers apart:
 * "would search 10 now (hourly budget 10); the other 87 over about 9 h".
 */

export type RunLimit =
  | { kind: 'hourly-budget' | 'daily-budget'; value: number }
  /** `commands`: a Sonarr search job's limit counts search commands (one may cover a season), not items */
  | { kind: 'items-per-run'; value: number; auto: boolean; commands?: boolean }
  | { kind: 'active-hours'; until: string }
  | { kind: 'gate'; reason: string }
  | { kind: 'too-costly'; value: number }
  | { kind: 'all' };

export interface RunPreviewSize {
  /** items a run started now would search */
  now: number;
  /** their estimated indexer queries */
  cost: number;
  /** what holds the run to `now` */
  limit: RunLimit;
  /** eligible items this cycle leaves to later runs */
  rest: number;
  /** about how long those take at the job's pace (the dashboard's forecast); null: not within the horizon */
  restDays: number | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function clockTime(iso: string): string {
  return new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

export function limitText(limit: RunLimit): string {
  switch (limit.kind) {
    case 'hourly-budget':
      return `hourly budget ${limit.value}`;
    case 'daily-budget':
      return `daily budget ${limit.value}`;
    case 'items-per-run':
      return `${limit.commands ? 'searches' : 'items'} per run ${limit.value}${limit.auto ? ', its share of the budget' : ''}`;
    case 'active-hours':
      return `outside active hours until ${clockTime(limit.until)}`;
    case 'gate':
      return limit.reason;
    case 'too-costly':
      return `the next command costs more than the budget's cap of ${limit.value}`;
    case 'all':
      return 'all that is eligible';
  }
}

/** "about 9 h", "about 3 days" */
export function aboutDuration(days: number): string {
  const hours = days * 24;
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `about ${Math.round(hours)} h`;
  return `about ${Math.round(days)} days`;
}

export function runPreviewSentence(s: RunPreviewSize): string {
  const head = `would search ${plural(s.now, 'item')} now (${limitText(s.limit)})`;
  if (s.rest <= 0) return head;
  const when = s.restDays === null ? 'not within the horizon at this pace' : `over ${aboutDuration(s.restDays)}`;
  return `${head}; the other ${s.rest} ${when}`;
}
