import { useEffect, useRef, useState } from 'react';
import { HISTORY_STATUSES } from '../../../shared/contract/status-schemas';
import { api } from '../../api';
import { useRouter } from '../../app/router';
import { CheckGroup, SelectField, TextField } from '../../components/Field';
import { downloadText } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { HISTORY_STATUS_LABELS, jobLabel } from '../../lib/labels';
import { PAGE_SIZE, filterProblem, filterQuery, useHistory } from '../../stores/history';
import { useSettings } from '../../stores/settings';
import { useStatus } from '../../stores/status';
import { HistoryTable } from './HistoryTable';
import './history.css';

export default function HistoryPage() {
  const settings = useSettings((s) => s.settings);
  const { filters, entries, total, cursors, loading, error, setFilters, next, previous, first } = useHistory();
  const revision = useStatus((s) => s.historyRevision);
  const route = useRouter((s) => s.route);
  const [exporting, setExporting] = useState<string | null>(null);
  const firstLoad = useRef(true);

  // open with the instance/job a link asked for, else with the filters last used
  const linkedInstance = route.params.instance;
  const linkedJob = route.params.job;
  useEffect(() => {
    const history = useHistory.getState();
    if (linkedInstance || linkedJob) history.setFilters({ ...history.filters, instanceId: linkedInstance ?? '', jobId: linkedJob ?? '' });
    else void history.load();
  }, [linkedInstance, linkedJob]);

  // new entries appear live on the first page; deeper pages stay put while the user reads them
  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    if (useHistory.getState().cursors.length > 0) return;
    const t = setTimeout(() => void useHistory.getState().load(), 1000);
    return () => clearTimeout(t);
  }, [revision]);

  const instances = settings?.instances ?? [];
  const jobs = instances.find((i) => i.id === filters.instanceId)?.jobs ?? [...new Map(instances.flatMap((i) => i.jobs.map((j) => [j.id, j]))).values()];
  const problem = filterProblem(filters);
  const startIndex = cursors.length * PAGE_SIZE;

  const exportCsv = async () => {
    setExporting('Preparing the CSV…');
    try {
      const { fileName, csv } = await api.exportHistoryCsv(filterQuery(filters));
      downloadText(fileName, csv, 'text/csv;charset=utf-8');
      setExporting(`Exported ${fileName}.`);
    } catch (e) {
      setExporting(`Export failed: ${errorMessage(e)}`);
    }
  };

  return (
    <div className="page page--wide">
      <div className="page__header">
        <h1>History</h1>
        <div className="toolbar">
          <button type="button" onClick={() => void exportCsv()} disabled={Boolean(problem)}>
            Export CSV
          </button>
          <span role="status" className="muted">
            {exporting}
          </span>
        </div>
      </div>

      <form className="card history-filters" aria-label="History filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Instance"
          value={filters.instanceId}
          options={[{ value: '', label: 'All instances' }, ...instances.map((i) => ({ value: i.id, label: i.name }))]}
          onChange={(instanceId) => setFilters({ ...filters, instanceId, jobId: '' })}
        />
        <SelectField label="Job" value={filters.jobId} options={[{ value: '', label: 'All jobs' }, ...jobs.map((j) => ({ value: j.id, label: jobLabel(j) }))]} onChange={(jobId) => setFilters({ ...filters, jobId })} />
        <TextField label="From" type="date" value={filters.from} error={problem && filters.from ? problem : undefined} onChange={(from) => setFilters({ ...filters, from })} />
        <TextField label="To" type="date" value={filters.to} onChange={(to) => setFilters({ ...filters, to })} />
        <CheckGroup legend="Status (none = all)" options={HISTORY_STATUSES.map((s) => ({ value: s, label: HISTORY_STATUS_LABELS[s] }))} selected={filters.status} onChange={(status) => setFilters({ ...filters, status })} />
      </form>

      {error ? (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      ) : null}

      <nav className="pager" aria-label="History pages">
        <span role="status" aria-live="polite" className="num">
          {loading ? 'Loading… ' : ''}
          {total === 0 ? 'No entries' : `Entries ${formatCount(startIndex + 1)}–${formatCount(startIndex + entries.length)} of ${formatCount(total)}`}
        </span>
        <button type="button" onClick={first} disabled={cursors.length === 0}>
          Newest
        </button>
        <button type="button" onClick={previous} disabled={cursors.length === 0}>
          Previous page
        </button>
        <button type="button" onClick={next} disabled={entries.length < PAGE_SIZE || startIndex + entries.length >= total}>
          Next page
        </button>
      </nav>

      <HistoryTable entries={entries} instanceName={(id) => instances.find((i) => i.id === id)?.name ?? id} />
    </div>
  );
}
