/** History rows as the page renders them (server-side markup, read as text). */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HistoryTable } from '../../src/renderer/pages/history/HistoryTable';
import type { HistoryEntry } from '../../src/shared/status';

const text = (entries: HistoryEntry[]) =>
  renderToStaticMarkup(<HistoryTable entries={entries} instanceName={(id) => (id === 'radarr' ? 'Radarr' : id)} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

const base = { instanceId: 'radarr', jobId: 'upgrade', jobType: 'upgrade' as const, at: '2026-01-02T03:04:05.000Z', cost: 5, cycle: 2 };

describe('history rows', () => {
  it('a grab shows the grabbed item and release, whichever of the searched items it was, with quality before → after beside the score', () => {
    const items = ['Alpha (2001)', 'Bravo (2002)', 'Charlie (2003)', 'Delta (2004)', 'Echo (2005)'].map((title, i) => ({ id: i + 1, title }));
    const row = text([
      {
        ...base,
        id: 1,
        status: 'grabbed',
        items,
        commandName: 'MoviesSearch',
        grabs: [{ itemId: 5, itemTitle: 'Echo (2005)', releaseTitle: 'Echo.2005.1080p.BluRay.x264-GRP', scoreBefore: 150, scoreAfter: 25, qualityBefore: 'Bluray-720p', qualityAfter: 'Bluray-1080p' }],
      },
    ]);
    expect(row).toContain('Echo (2005)');
    expect(row).toContain('Echo.2005.1080p.BluRay.x264-GRP');
    expect(row).toContain('Bluray-720p → Bluray-1080p, score 150 → 25');
    expect(row).toContain('Also searched: Alpha (2001), Bravo (2002), Charlie (2003) and 1 more');
    // names users know: the job's label, no API command name
    expect(row).toContain('Upgrade');
    expect(row).not.toContain('MoviesSearch');
  });

  it('a run summary is labelled as one, not as "Skipped"', () => {
    const row = text([{ ...base, id: 2, status: 'skipped', items: [], grabs: [], cost: 0, reasons: { 'no file': 152, 'at cutoff': 3 }, message: '3 searched of 22 eligible; 155 skipped' }]);
    expect(row).toContain('Run summary');
    expect(row).not.toMatch(/\bSkipped\b(?!:)/);
    expect(row).toContain('Skipped: no file 152 · at cutoff 3');
  });

  it('a job with its own id is named by its label and that id', () => {
    const row = text([{ ...base, id: 3, jobId: 'missing-anime', jobType: 'missing', status: 'searched', items: [{ id: 1, title: 'A' }], grabs: [] }]);
    expect(row).toContain('Missing (missing-anime)');
  });
});
