import { formatCount, percent } from '../lib/format';

/** done / eligible as a native <progress>, named for assistive technology. */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = percent(done, total);
  return (
    <div className="progress-line">
      <progress className="progress" max={Math.max(total, 1)} value={Math.min(done, Math.max(total, 1))} aria-label={`${label}: ${formatCount(done)} of ${formatCount(total)}`} />
      <span className="num nowrap">
        {/* "done of eligible", as the tray and `trawlarr status` say it */}
        {formatCount(done)} of {formatCount(total)} <span className="muted">({pct}%)</span>
      </span>
    </div>
  );
}
