/**
 * Searches and grabs per day as grouped bars (uPlot, canvas). Colours come from the theme's CSS
 * variables and are re-read when the OS switches light/dark. The canvas is an image to assistive
 * technology, with its numbers available as a table behind a disclosure.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HistoryPerDay } from '../../../shared/contract/settings-schemas';
import { formatCount } from '../../lib/format';

type Day = HistoryPerDay['days'][number];

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** "2025-03-04" → unix seconds of that local midnight (uPlot's x scale is in seconds). */
export function dayToSeconds(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime() / 1000;
}

function options(width: number): uPlot.Options {
  const text = cssVar('--text-muted');
  const grid = cssVar('--chart-grid');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const bars = (align: -1 | 1) => uPlot.paths.bars!({ size: [0.4, 24], align });
  return {
    width,
    height: 240,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    // half a day of room on each side: the grouped bars of the first and last day sit beside
    // their x, and would otherwise be clipped at the plot's edges (today's grabs bar was invisible)
    scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
    axes: [
      { ...axis, values: (_u, splits) => splits.map((s) => new Date(s * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })) },
      { ...axis, size: 44 },
    ],
    series: [
      {},
      { label: 'Searches', stroke: cssVar('--chart-searches'), fill: cssVar('--chart-searches'), width: 0, paths: bars(-1), points: { show: false } },
      { label: 'Grabs', stroke: cssVar('--chart-grabs'), fill: cssVar('--chart-grabs'), width: 0, paths: bars(1), points: { show: false } },
    ],
  };
}

export default function PerDayChart({ days }: { days: Day[] }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [days.map((d) => dayToSeconds(d.date)), days.map((d) => d.searched), days.map((d) => d.grabbed)];
    let plot = new uPlot(options(el.clientWidth || 600), data, el);
    const rebuild = () => {
      plot.destroy();
      plot = new uPlot(options(el.clientWidth || 600), data, el);
    };
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', rebuild);
    const resize = new ResizeObserver(() => {
      if (Math.abs(plot.width - el.clientWidth) > 4) plot.setSize({ width: el.clientWidth, height: 240 });
    });
    resize.observe(el);
    return () => {
      scheme.removeEventListener('change', rebuild);
      resize.disconnect();
      plot.destroy();
    };
  }, [days]);

  const searches = days.reduce((n, d) => n + d.searched, 0);
  const grabs = days.reduce((n, d) => n + d.grabbed, 0);
  return (
    <div>
      <div className="chart-legend" aria-hidden="true">
        <span>
          <span className="chart-legend__swatch chart-legend__swatch--searches" />
          Searches
        </span>
        <span>
          <span className="chart-legend__swatch chart-legend__swatch--grabs" />
          Grabs
        </span>
      </div>
      <div ref={box} className="chart" role="img" aria-label={`Bar chart: ${formatCount(searches)} searches and ${formatCount(grabs)} grabs over ${days.length} days`} />
      <details>
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Searches and grabs per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="num">
                Searches
              </th>
              <th scope="col" className="num">
                Grabs
              </th>
              <th scope="col" className="num">
                Failed
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <td>{d.date}</td>
                <td className="num">{formatCount(d.searched)}</td>
                <td className="num">{formatCount(d.grabbed)}</td>
                <td className="num">{formatCount(d.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
