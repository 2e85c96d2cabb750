import type { JobPreview } from '../../../shared/contract/settings-schemas';
import { runPreviewSentence } from '../../../shared/run-preview';
import { cycleText } from '../../../shared/waits';
import { formatCount } from '../../lib/format';
import { Overlaps } from './Overlaps';

const SHOWN = 50;

/** "Cycle 3: 14 of 190", "Cycle 3 complete"; a preview is not a run: never "planning…" */
export function cycleSentence(preview: Pick<JobPreview, 'cycle' | 'done' | 'eligible'>): string {
  const text = cycleText({ ...preview, running: false, lastRun: { at: '', result: 'searched', searched: 0, cost: 0, message: '' } }, formatCount);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A dry run's answer: what the next run would search, and why everything else is skipped. */
export function PreviewResult({ preview, overlaps = [] }: { preview: JobPreview; overlaps?: readonly string[] }) {
  const reasons = Object.entries(preview.skipped).sort((a, b) => b[1] - a[1]);
  return (
    <section className="preview" aria-label="Preview result">
      <h3>Preview (dry run)</h3>
      <p>
        {/* the engine's cycle numbers in the words the dashboard, the tray and `trawlarr status` use */}
        {cycleSentence(preview)}. A run started now{' '}
        {preview.size ? (
          // the CLI's dry run prints the same sentence from the same numbers
          <strong>{runPreviewSentence(preview.size)}</strong>
        ) : (
          <>
            would search <strong>{formatCount(preview.chosen.length)}</strong> {preview.chosen.length === 1 ? 'item' : 'items'}
          </>
        )}{' '}
        (about {formatCount(preview.cost)} indexer {preview.cost === 1 ? 'query' : 'queries'}).
      </p>
      {preview.message ? <p className="muted">{preview.message}</p> : null}
      {/* why "searched by another job recently" may stand among the reasons below */}
      <Overlaps overlaps={overlaps} />
      <div className="preview__cols">
        <div>
          <h4>Would search</h4>
          {preview.chosen.length === 0 ? (
            <p className="muted">Nothing.</p>
          ) : (
            // a scrolling list: focusable, so keyboard users can scroll it too
            <ol className="preview__items" tabIndex={0} aria-label="Items the next run would search">
              {preview.chosen.slice(0, SHOWN).map((item) => (
                <li key={item.id}>
                  {item.title}
                  {item.cost !== 1 ? <span className="muted"> (cost {item.cost})</span> : null}
                </li>
              ))}
            </ol>
          )}
          {preview.chosen.length > SHOWN ? <p className="muted">…and {formatCount(preview.chosen.length - SHOWN)} more.</p> : null}
        </div>
        <div>
          <h4>Skipped, by reason</h4>
          {reasons.length === 0 ? (
            <p className="muted">Nothing skipped.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" className="num">
                    Items
                  </th>
                </tr>
              </thead>
              <tbody>
                {reasons.map(([reason, count]) => (
                  <tr key={reason}>
                    <td>{reason}</td>
                    <td className="num">{formatCount(count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
