import { useEffect, useState } from 'react';
import type { ForecastRequest, ThroughputForecast } from '../../../shared/contract/settings-schemas';
import { api } from '../../api';
import { errorMessage } from '../../lib/errors';
import { coverageText, formatCount } from '../../lib/format';
import { JOB_TYPE_LABELS } from '../../lib/labels';

const DEBOUNCE_MS = 250;

/**
 * The coverage forecast for the draft being edited, refreshed as the user types (debounced, and
 * only the latest answer is shown). `request` is null while the draft is invalid.
 */
export function Forecast({ request }: { request: ForecastRequest | null }) {
  const [result, setResult] = useState<ThroughputForecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!key) return;
    let live = true;
    setPending(true);
    const t = setTimeout(() => {
      api.forecastThroughput(JSON.parse(key) as ForecastRequest).then(
        (r) => {
          if (!live) return;
          setResult(r);
          setError(null);
          setPending(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(errorMessage(e));
          setPending(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key]);

  return (
    <section className="card forecast" aria-labelledby="forecast-title" aria-busy={pending}>
      <h2 id="forecast-title">Coverage forecast</h2>
      {!request ? <p className="muted">The forecast updates when every field is valid.</p> : null}
      {request && pending && !result && !error ? <p className="muted">Calculating…</p> : null}
      {error ? <p className="field__error">{error}</p> : null}
      {result ? (
        <>
          <p className="forecast__headline" aria-live="polite" data-testid="forecast-headline">
            Full coverage {coverageText(result.fullCoverageDays)}
            {result.fullCoverageDays !== null && result.fullCoverageDays > result.horizonDays ? <span className="forecast__warn"> — longer than your {result.horizonDays}-day horizon</span> : null}
          </p>
          {result.jobs.length === 0 ? (
            <p className="muted">No enabled jobs to forecast.</p>
          ) : (
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col" className="num">
                    Still to search
                  </th>
                  <th scope="col">Cycle complete</th>
                  <th scope="col" title="the lowest of the job's limits sets its pace; raising another one changes nothing">
                    Held back by
                  </th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {result.jobs.map((j) => (
                  <tr key={`${j.instanceId}/${j.jobId}`}>
                    <td>
                      {JOB_TYPE_LABELS[j.jobType]} <span className="muted mono">{j.instanceId}/{j.jobId}</span>
                    </td>
                    <td className="num" data-label="Still to search">{formatCount(j.remaining)}</td>
                    <td data-label="Cycle complete">{coverageText(j.days)}</td>
                    <td data-label="Held back by">{j.remaining > 0 ? j.limitedBy : '—'}</td>
                    <td className={j.withinHorizon ? 'muted stack-wide' : 'forecast__warn stack-wide'} data-label="Note">{j.suggestion ?? (j.withinHorizon ? 'within the horizon' : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}
