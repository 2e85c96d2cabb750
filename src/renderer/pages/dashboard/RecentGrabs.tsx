import { formatDateTime } from '../../lib/format';
import { grabChange } from '../../../shared/words';
import { jobLabel } from '../../lib/labels';
import { useStatus } from '../../stores/status';

export function RecentGrabs() {
  const grabs = useStatus((s) => s.recentGrabs);
  const instances = useStatus((s) => s.status?.instances);
  const nameOf = (id: string) => instances?.find((i) => i.id === id)?.name ?? id;
  return (
    <section className="card" aria-labelledby="grabs-title">
      <h2 id="grabs-title">Recent grabs</h2>
      {grabs.length === 0 ? (
        <p className="muted">No grabs yet. Grabs appear here when a search finds a release.</p>
      ) : (
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Instance · job</th>
              <th scope="col">Release</th>
            </tr>
          </thead>
          <tbody>
            {grabs.flatMap((entry) =>
              entry.grabs.map((g, i) => (
                <tr key={`${entry.id}-${i}`}>
                  <td className="nowrap">{formatDateTime(entry.at)}</td>
                  <td data-label="Instance · job">
                    {nameOf(entry.instanceId)} · {jobLabel({ id: entry.jobId, type: entry.jobType })}
                  </td>
                  <td className="stack-wide" data-label="Release">
                    <div>{g.itemTitle}</div>
                    <div className="muted mono">{g.releaseTitle}</div>
                    {grabChange(g) ? <div className="muted">{grabChange(g)}</div> : null}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
