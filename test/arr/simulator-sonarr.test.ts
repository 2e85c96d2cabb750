// Every SonarrClient call against the simulated Sonarr, with the contract recorder checking each
// request the client sent (and each answer) against the upstream OpenAPI spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SonarrClient, type Episode, type Series } from '../../src/arr';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { createContractRecorder } from '../support/contract/index.js';
import { all, ids } from './support/collect';

const contract = createContractRecorder('sonarr');
let sim: Simulator;
let client: SonarrClient;
let series: Series[];
const noSleep = async () => {};

beforeAll(async () => {
  sim = await startSimulator({ app: 'sonarr', seed: 11, size: 'tiny', onExchange: contract.onExchange });
  client = new SonarrClient({ name: 'Sim', kind: 'sonarr', url: sim.url, apiKey: sim.apiKey }, { sleep: noSleep });
  await client.connect();
  series = await client.series();
});

afterAll(async () => {
  client?.close();
  await sim?.close();
});

async function allEpisodes(): Promise<Episode[]> {
  const out: Episode[] = [];
  for (const s of series) out.push(...(await client.episodes(s.id)));
  return out;
}

describe('SonarrClient against the simulator', () => {
  it('connect(): Sonarr 4', () => {
    expect(client.info).toMatchObject({ appName: 'Sonarr', major: 4 });
  });

  it('series(): every series with its seasons as the library holds them', () => {
    expect(series).toHaveLength(sim.library.series.size);
    for (const s of series) {
      const rec = sim.library.series.get(s.id)!;
      expect({ monitored: s.monitored, seriesType: s.seriesType, tags: s.tags, seasons: s.seasons.map((x) => [x.seasonNumber, x.monitored]) }).toEqual({
        monitored: rec.monitored,
        seriesType: rec.seriesType,
        tags: rec.tags,
        seasons: rec.seasons.map((x) => [x.seasonNumber, x.monitored]),
      });
    }
  });

  it('episodes(): every episode of every series, specials included', async () => {
    const episodes = await allEpisodes();
    expect(ids(episodes)).toEqual([...sim.library.episodes.keys()].sort((a, b) => a - b));
    expect(episodes.some((e) => e.seasonNumber === 0)).toBe(true);
    expect(episodes.some((e) => e.airDateUtc === undefined)).toBe(true);
  });

  it('episodeFiles() and episodeFilesByIds(): the same files with real scores', async () => {
    const bySeries = (await Promise.all(series.map((s) => client.episodeFiles(s.id)))).flat();
    expect(ids(bySeries)).toEqual([...sim.library.episodeFiles.keys()].sort((a, b) => a - b));
    const byIds = await client.episodeFilesByIds(bySeries.map((f) => f.id));
    expect(byIds.map((f) => [f.id, f.customFormatScore, f.qualityCutoffNotMet]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      bySeries.map((f) => [f.id, f.customFormatScore, f.qualityCutoffNotMet]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(bySeries.some((f) => f.customFormatScore !== 0)).toBe(true);
  });

  it('wantedMissing() and wantedCutoff(): paged, monitored only', async () => {
    const missing = await all(client.wantedMissing({ pageSize: 25 }));
    const episodes = new Map((await allEpisodes()).map((e) => [e.id, e]));
    const seriesById = new Map(series.map((s) => [s.id, s]));
    expect(missing.length).toBeGreaterThan(0);
    for (const e of missing) {
      const full = episodes.get(e.id)!;
      expect(full.episodeFileId).toBe(0);
      expect(full.monitored && seriesById.get(full.seriesId)!.monitored).toBe(true);
    }
    expect(new Set(ids(missing)).size).toBe(missing.length);
    const cutoff = await all(client.wantedCutoff({ pageSize: 25 }));
    for (const e of cutoff) expect(episodes.get(e.id)!.episodeFileId).toBeGreaterThan(0);
  });

  it('queue(), queueStatus() and grabbedSince(): the seeded activity', async () => {
    const queue = await all(client.queue({ pageSize: 5 }));
    expect(queue.map((q) => q.episodeId).sort()).toEqual(sim.library.queue.map((q) => q.episodeId).sort());
    expect((await client.queueStatus()).totalCount).toBeGreaterThanOrEqual(queue.length);
    expect(ids(await client.grabbedSince(new Date(0)))).toEqual(ids(sim.library.history.filter((h) => h.eventType === 'grabbed')));
  });

  it('renamePreview(): one request per series, the files whose names would change', async () => {
    const previews = await client.renamePreview(series.map((s) => s.id));
    const expected = [...sim.library.episodeFiles.values()].filter((f) => f.needsRename).map((f) => f.id);
    expect([...new Set(previews.map((p) => p.episodeFileId))].sort((a, b) => a! - b!)).toEqual(expected.sort((a, b) => a - b));
  });

  it('qualityProfiles() and health()', async () => {
    const profiles = await client.qualityProfiles();
    expect(profiles.map((p) => p.id)).toEqual(sim.library.qualityProfiles.map((p) => p.id));
    for (const p of profiles) expect(p.cutoffName).not.toMatch(/^unknown/);
    expect(await client.health()).toBeInstanceOf(Array);
  });

  it('ensureTag() and editTags(): add to every series and remove again', async () => {
    const tag = await client.ensureTag('trawlarr-new-episodes');
    expect(await client.ensureTag('TRAWLARR-NEW-EPISODES')).toEqual(tag);
    const all = series.map((s) => s.id);
    await client.editTags(all, [tag.id], 'add');
    for (const id of all) expect(sim.library.series.get(id)!.tags).toContain(tag.id);
    await client.editTags(all, [tag.id], 'remove');
    for (const s of series) expect(sim.library.series.get(s.id)!.tags).toEqual(s.tags);
  });

  it('sendCommand(): season and episode searches run and are recorded', async () => {
    const target = series.find((s) => s.monitored && s.seasons.some((x) => x.seasonNumber > 0 && x.monitored))!;
    const season = target.seasons.find((x) => x.seasonNumber > 0 && x.monitored)!.seasonNumber;
    const seasonSearch = await client.sendCommand({ name: 'SeasonSearch', seriesId: target.id, seasonNumber: season });
    const episodeIds = (await client.episodes(target.id)).slice(0, 2).map((e) => e.id);
    const episodeSearch = await client.sendCommand({ name: 'EpisodeSearch', episodeIds });
    sim.runCommands();
    expect((await client.getCommand(seasonSearch.id)).status).toBe('completed');
    expect((await client.getCommand(episodeSearch.id)).status).toBe('completed');
    expect(sim.searches.find((s) => s.commandId === seasonSearch.id)).toMatchObject({ seriesId: target.id, seasonNumber: season });
    expect(sim.searches.filter((s) => s.commandId === episodeSearch.id).flatMap((s) => s.ids).sort()).toEqual([...episodeIds].sort());
  });

  it('every exchange matched the upstream spec', () => {
    expect(contract.checked()).toBeGreaterThan(20);
    expect(contract.report()).toBe('');
  });
});
