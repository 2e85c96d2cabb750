import { memo } from 'react';
import type { HistoryEntry, HistoryStatus } from '../../../shared/status';
import { Badge } from '../../components/Badge';
import { formatCount, formatDateTime } from '../../lib/format';
import { grabChange } from '../../../shared/words';
import { HISTORY_STATUS_LABELS, jobLabel } from '../../lib/labels';

const TONE: Record<HistoryStatus, 'ok' | 'warn' | 'danger' | 'muted'> = {
  grabbed: 'ok',
  searched: 'muted',
  failed: 'danger',
  error: 'danger',
  skipped: 'muted',
  cycle: 'muted',
};

const ITEMS_SHOWN = 3;

/** Each grab with its item, its release and what it changes: always shown, however many items the command searched. */
function Grabs({ entry }: { entry: HistoryEntry }) {
  return entry.grabs.map((g, i) => {
    const change = grabChange(g);
    return (
      <div key={i} className="history__grab">
        <div>{g.itemTitle}</div>
        <div className="muted mono">↳ {g.releaseTitle}</div>
        {change ? <div className="muted">{change}</div> : null}
      </div>
    );
  });
}

function What({ entry }: { entry: HistoryEntry }) {
  const grabbed = new Set(entry.grabs.map((g) => g.itemId));
  // the grabbed items are listed with their releases above; the rest of the command's items here
  const items = entry.items.filter((i) => !grabbed.has(i.id));
  const reasons = entry.reasons ? Object.entries(entry.reasons).sort((a, b) => b[1] - a[1]) : [];
  return (
    <>
      <Grabs entry={entry} />
      {items.length > 0 ? (
        <div className={entry.grabs.length ? 'muted' : undefined}>
          {entry.grabs.length ? 'Also searched: ' : ''}
          {items
            .slice(0, ITEMS_SHOWN)
            .map((i) => i.title)
            .join(', ')}
          {items.length > ITEMS_SHOWN ? <span className="muted"> and {formatCount(items.length - ITEMS_SHOWN)} more</span> : null}
        </div>
      ) : null}
      {reasons.length > 0 ? (
        <div className="muted">
          Skipped:{' '}
          {reasons
            .slice(0, 4)
            .map(([r, n]) => `${r} ${formatCount(n)}`)
            .join(' · ')}
        </div>
      ) : null}
      {entry.message ? <div className={entry.status === 'error' || entry.status === 'failed' ? 'field__error' : 'muted'}>{entry.message}</div> : null}
    </>
  );
}

/** One page of entries (at most 50): a plain table, no virtualization needed. */
export const HistoryTable = memo(function HistoryTable({ entries, instanceName }: { entries: HistoryEntry[]; instanceName: (id: string) => string }) {
  if (entries.length === 0) return <p className="muted">Nothing matches these filters.</p>;
  return (
    <table className="table table--stack history-table">
      <caption className="visually-hidden">History entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Instance</th>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">What</th>
          <th scope="col" className="num">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">{formatDateTime(e.at)}</td>
            <td data-label="Instance">{instanceName(e.instanceId)}</td>
            <td data-label="Job">
              {/* which job searched it: two jobs of one type are told apart, as the cross-job skip reason names them */}
              {jobLabel({ id: e.jobId, type: e.jobType })}
              {e.cycle !== undefined ? <span className="muted"> · cycle {e.cycle}</span> : null}
            </td>
            <td data-label="Status">
              <Badge tone={TONE[e.status]}>{HISTORY_STATUS_LABELS[e.status]}</Badge>
              {e.dryRun ? (
                <>
                  {' '}
                  <Badge tone="muted">dry run</Badge>
                </>
              ) : null}
            </td>
            <td className="stack-wide" data-label="What">
              <What entry={e} />
            </td>
            <td className="num" data-label="Cost">{formatCount(e.cost)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
