/**
 * Issue 3's acceptance: `trawlarr once` killed with SIGKILL in the middle of a run, at different
 * points of a command's life (just sent, being polled, completed but not yet recorded, being
 * tagged, the next one sent), then run again. No completed search is lost from the history or
 * recorded twice, nothing already tagged is searched again, and only searched items carry the tag.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage } from '../../src/shared/status';
import { startSimulator, type Exchange, type Simulator } from '../../src/simulator';
import { tempDir } from '../engine/host/support';
import { collect, radarrInstance, runCli, spawnCli, writeConfig } from './support';

let radarr: Simulator;
let tmp: { dir: string; remove: () => Promise<void> };
let onExchange: (x: Exchange) => void = () => undefined;

/** Kill points: the nth answer to a request matching the pattern. */
const KILLS: { what: string; method: string; path: RegExp; nth: number }[] = [
  { what: 'the first command was just sent', method: 'POST', path: /^\/api\/v3\/command$/, nth: 1 },
  { what: 'a command is being polled', method: 'GET', path: /^\/api\/v3\/command\/\d+$/, nth: 2 },
  { what: 'a command completed, its grabs are being looked up', method: 'GET', path: /^\/api\/v3\/history\/since$/, nth: 1 },
  { what: 'searched items are being tagged', method: 'PUT', path: /^\/api\/v3\/movie\/editor$/, nth: 1 },
  { what: 'the second command was just sent', method: 'POST', path: /^\/api\/v3\/command$/, nth: 2 },
  { what: 'a later command completed', method: 'GET', path: /^\/api\/v3\/history\/since$/, nth: 3 },
];

beforeAll(async () => {
  radarr = await startSimulator({ app: 'radarr', seed: 71, size: 'small', grabChance: 0.5, onExchange: (x) => onExchange(x) });
  tmp = await tempDir('trawlarr-crash-');
});

afterAll(async () => {
  await radarr?.close();
  await tmp?.remove();
});

describe('SIGKILL in the middle of a run, then run again', () => {
  it('loses no completed search, records none twice, searches nothing tagged again, and tags only what was searched', async () => {
    const config = await writeConfig(tmp.dir, [radarrInstance(radarr, { jobs: [{ id: 'upgrade', type: 'upgrade', itemsPerRun: 15 }] })]);
    const dataDir = join(tmp.dir, 'data');
    const args = ['once', '--config', config, '--data-dir', dataDir];
    const truth = radarr.groundTruth('upgrade', { id: 'upgrade' });
    expect(truth.length).toBeGreaterThan(60); // more than the runs below search: the cycle does not restart

    for (const kill of KILLS) {
      const child = spawnCli(args);
      const result = collect(child);
      let seen = 0;
      onExchange = (x) => {
        if (x.method === kill.method && kill.path.test(x.path) && ++seen === kill.nth) child.kill('SIGKILL');
      };
      const r = await result;
      onExchange = () => undefined;
      expect(r.signal, `killed when ${kill.what}; output: ${r.stdout}${r.stderr}`).toBe('SIGKILL');
    }
    const last = await runCli(args);
    expect(last.code, last.stderr).toBe(0);

    const history = JSON.parse((await runCli(['history', '--data-dir', dataDir, '--json', '--limit', '1000'])).stdout) as HistoryPage;
    const recorded = history.entries.filter((e) => e.commandId !== undefined && (e.status === 'searched' || e.status === 'grabbed'));
    // every search the app ran is in the history, once
    const ran = radarr.searches.map((s) => s.commandId).sort((a, b) => a - b);
    expect(recorded.map((e) => e.commandId!).sort((a, b) => a - b)).toEqual(ran);
    for (const e of recorded) expect(e.items.map((i) => i.id).sort((a, b) => a - b)).toEqual([...radarr.searches.find((s) => s.commandId === e.commandId)!.ids].sort((a, b) => a - b));

    // nothing searched twice, nothing outside the job's eligible set
    const searched = radarr.searches.flatMap((s) => s.ids);
    expect(new Set(searched).size).toBe(searched.length);
    expect(searched.every((id) => truth.includes(id))).toBe(true);
    expect(searched.length).toBeGreaterThanOrEqual(15); // the last, unkilled run searched its batch

    // the tag is on exactly the searched items
    const tag = radarr.library.tags.find((t) => t.label === 'trawlarr-upgrade')!;
    const tagged = [...radarr.library.movies.values()].filter((m) => m.tags.includes(tag.id)).map((m) => m.id);
    expect(tagged.sort((a, b) => a - b)).toEqual([...searched].sort((a, b) => a - b));
  }, 300_000); // each restart after a SIGKILL waits up to 20 s for the dead engine's lock to go stale
});
