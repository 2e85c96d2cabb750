import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../../src/engine/store/history/csv';
import { HistoryStore } from '../../../src/engine/store/history/store';
import { entry, fakeClock, tempDir } from './history-helpers';

/** A small RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && csv[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('history store: CSV export', () => {
  it('streams matching entries newest first, quoting, defusing formulas and hiding keys', async () => {
    const clock = fakeClock();
    const store = await HistoryStore.open({ dir: await tempDir(), now: clock.now, fsync: 'never' });
    await store.append(
      entry({
        status: 'grabbed',
        items: [{ id: 7, title: 'Heat, "Director\'s Cut"' }],
        grabs: [{ itemId: 7, itemTitle: 'Heat', releaseTitle: '=HYPERLINK("http://evil")', scoreBefore: 100, scoreAfter: 1500 }],
        reasons: { 'at cutoff': 3 },
        commandName: 'MoviesSearch',
        commandId: 42,
        cycle: 2,
      }),
    );
    await store.append(entry({ status: 'error', instanceId: 'sonarr', message: 'timeout\non http://x/api/v3/command?apiKey=0123456789abcdef0123456789abcdef' }));
    for (let i = 0; i < 1200; i++) await store.append(entry({ status: 'skipped', message: `run ${i}` }));

    const csv = await text(store.exportCsv({ status: ['grabbed', 'error'] }));
    expect(csv.startsWith(CSV_HEADER)).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[col('id')])).toEqual(['2', '1']);
    const [err, grab] = rows;
    expect(err[col('message')]).toBe('timeout\non http://x/api/v3/command?apiKey=••••');
    expect(grab[col('items')]).toBe('7 Heat, "Director\'s Cut"');
    expect(grab[col('grabs')]).toBe('Heat: =HYPERLINK("http://evil") (score 100 -> 1500)');
    expect(grab[col('reasons')]).toBe('at cutoff: 3');
    expect(grab.slice(col('commandName'), col('cost') + 1)).toEqual(['MoviesSearch', '42', '1']);

    // a cell that starts with = or - is prefixed so a spreadsheet shows it as text
    const formulas = await HistoryStore.open({ dir: await tempDir(), now: clock.now });
    await formulas.append(entry({ message: '=1+1', items: [{ id: 1, title: '-2+3' }] }));
    const [, row] = parseCsv(await text(formulas.exportCsv()));
    expect([row[col('message')], row[col('items')]]).toEqual(["'=1+1", '1 -2+3']);
    await formulas.append(entry({ message: '@SUM(A1)' }));
    expect(parseCsv(await text(formulas.exportCsv()))[1][col('message')]).toBe("'@SUM(A1)");
    await formulas.close();

    // every entry, across batches of the stream
    const everything = parseCsv(await text(store.exportCsv()));
    expect(everything).toHaveLength(1 + 1202);
    expect(everything.slice(1).map((r) => Number(r[col('id')]))).toEqual(Array.from({ length: 1202 }, (_, i) => 1202 - i));
    await store.close();
  });
});
