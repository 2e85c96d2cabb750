/**
 * History as CSV (RFC 4180, CRLF line ends). Text cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a control character: OWASP "CSV injection") get a leading apostrophe;
 * release titles come from indexers, so this matters. Messages are scrubbed of API-key patterns
 * once more, for entries written before a scrub rule existed.
 */
import type { HistoryEntry } from '../../../shared/status';
import { scrubSecrets } from '../../config/redact';

export const CSV_COLUMNS = [
  'id',
  'at',
  'instanceId',
  'jobId',
  'jobType',
  'status',
  'dryRun',
  'cycle',
  'granularity',
  'commandName',
  'commandId',
  'cost',
  'itemCount',
  'items',
  'grabCount',
  'grabs',
  'reasons',
  'message',
] as const;

export const CSV_HEADER = CSV_COLUMNS.join(',') + '\r\n';

function text(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

function grabCell(g: HistoryEntry['grabs'][number]): string {
  const scores = g.scoreBefore !== undefined || g.scoreAfter !== undefined ? ` (score ${g.scoreBefore ?? '?'} -> ${g.scoreAfter ?? '?'})` : '';
  return `${g.itemTitle}: ${g.releaseTitle}${scores}`;
}

export function csvRow(e: HistoryEntry): string {
  const cells = [
    num(e.id),
    text(e.at),
    text(e.instanceId),
    text(e.jobId),
    text(e.jobType),
    text(e.status),
    e.dryRun ? 'true' : '',
    num(e.cycle),
    text(e.granularity),
    text(e.commandName),
    num(e.commandId),
    num(e.cost),
    num(e.items.length),
    text(e.items.map((i) => `${i.id} ${i.title}`).join(' | ')),
    num(e.grabs.length),
    text(e.grabs.map(grabCell).join(' | ')),
    text(
      Object.entries(e.reasons ?? {})
        .map(([reason, count]) => `${reason}: ${count}`)
        .join(' | '),
    ),
    text(e.message === undefined ? undefined : scrubSecrets(e.message)),
  ];
  return cells.join(',') + '\r\n';
}
