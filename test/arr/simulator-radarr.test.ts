// Every RadarrClient call against the simulated Radarr, with the contract recorder checking each
// request the client sent (and each answer) against the upstream OpenAPI spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RadarrClient, type Movie } from '../../src/arr';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { createContractRecorder } from '../support/contract/index.js';
import { all, ids } from './support/collect';

const contract = createContractRecorder('radarr');
let sim: Simulator;
let client: RadarrClient;
let movies: Movie[];
const noSleep = async () => {};

beforeAll(async () => {
  sim = await startSimulator({ app: 'radarr', seed: 7, size: 'small', urlBase: '/radarr', onExchange: contract.onExchange });
  client = new RadarrClient({ name: 'Sim', kind: 'radarr', url: `${sim.url}/`, apiKey: sim.apiKey }, { sleep: noSleep });
  await client.connect();
  movies = await client.movies();
});

afterAll(async () => {
  client?.close();
  await sim?.close();
});


describe('RadarrClient against the simulator', () => {
  it('connect(): Radarr 6 behind a URL base', () => {
    expect(client.info).toMatchObject({ appName: 'Radarr', major: 6 });
  });

  it('movies(): every movie with the fields the library holds', () => {
    const lib = sim.library;
    expect(movies).toHaveLength(lib.movies.size);
    for (const m of movies) {
      const rec = lib.movies.get(m.id)!;
      expect({ monitored: m.monitored, movieFileId: m.movieFileId, tags: m.tags, qualityProfileId: m.qualityProfileId, year: m.year }).toEqual({
        monitored: rec.monitored,
        movieFileId: rec.movieFileId,
        tags: rec.tags,
        qualityProfileId: rec.qualityProfileId,
        year: rec.year,
      });
      expect(m.file !== undefined).toBe(rec.movieFileId > 0);
    }
  });

  it('movieFiles(): real custom-format scores for every movie with a file, in chunks', async () => {
    const withFile = movies.filter((m) => m.movieFileId > 0);
    const files = await client.movieFiles(withFile.map((m) => m.id));
    expect(ids(files)).toEqual(withFile.map((m) => m.movieFileId).sort((a, b) => a - b));
    const lib = sim.library;
    for (const f of files) {
      const profile = lib.qualityProfiles.find((p) => p.id === lib.movies.get(f.movieId!)!.qualityProfileId)!;
      const expected = lib.movieFiles.get(f.id)!.formatIds.reduce((sum, id) => sum + (profile.formatItems.find((i) => i.format === id)?.score ?? 0), 0);
      expect(f.customFormatScore).toBe(expected);
    }
    expect(files.some((f) => f.customFormatScore !== 0)).toBe(true);
  });

  it('wantedMissing() and wantedCutoff(): what /movie says, page by page', async () => {
    const missing = await all(client.wantedMissing({ pageSize: 50 }));
    expect(ids(missing)).toEqual(ids(movies.filter((m) => m.monitored && m.movieFileId === 0 && m.year > 0)));
    const cutoff = await all(client.wantedCutoff({ pageSize: 50 }));
    expect(ids(cutoff)).toEqual(ids(movies.filter((m) => m.monitored && m.file?.qualityCutoffNotMet)));
  });

  it('qualityProfiles(): a cutoff name for every profile', async () => {
    const profiles = await client.qualityProfiles();
    expect(profiles.map((p) => p.id)).toEqual(sim.library.qualityProfiles.map((p) => p.id));
    for (const p of profiles) expect(p.cutoffName).not.toMatch(/^unknown/);
    expect(profiles.some((p) => !p.upgradeAllowed)).toBe(true);
  });

  it('queue(), queueStatus() and grabbedSince(): the seeded activity', async () => {
    const queue = await all(client.queue({ pageSize: 7 }));
    expect(queue.map((q) => q.movieId).sort()).toEqual(sim.library.queue.map((q) => q.movieId).sort());
    expect((await client.queueStatus()).totalCount).toBeGreaterThanOrEqual(queue.length);
    const grabs = await client.grabbedSince(new Date(0));
    expect(ids(grabs)).toEqual(ids(sim.library.history.filter((h) => h.eventType === 'grabbed')));
  });

  it('renamePreview(): the files whose names would change', async () => {
    const previews = await client.renamePreview(movies.filter((m) => m.movieFileId > 0).map((m) => m.id));
    const expected = [...sim.library.movieFiles.values()].filter((f) => f.needsRename).map((f) => f.id);
    expect(previews.map((p) => p.movieFileId).sort((a, b) => a! - b!)).toEqual(expected.sort((a, b) => a - b));
  });

  it('health(): indexers backed off show up', async () => {
    sim.faults.indexersBackedOff = true;
    try {
      expect((await client.health()).some((h) => h.source.startsWith('Indexer'))).toBe(true);
    } finally {
      sim.faults.indexersBackedOff = false;
    }
  });

  it('ensureTag() and editTags(): create once, add to 250 movies in chunks, remove again', async () => {
    const tag = await client.ensureTag('Trawlarr-Missing');
    expect(tag.label).toBe('trawlarr-missing');
    expect(await client.ensureTag('trawlarr-missing')).toEqual(tag);
    expect((await client.tags()).filter((t) => t.label === 'trawlarr-missing')).toHaveLength(1);

    const target = movies.slice(0, 250).map((m) => m.id);
    const before = new Map(target.map((id) => [id, [...sim.library.movies.get(id)!.tags]]));
    await client.editTags([...target, ...target.slice(0, 10)], [tag.id], 'add');
    for (const id of target) expect(sim.library.movies.get(id)!.tags).toContain(tag.id);
    await client.editTags(target, [tag.id], 'remove');
    for (const id of target) expect(sim.library.movies.get(id)!.tags.sort()).toEqual(before.get(id)!.sort());
  });

  it('sendCommand() and getCommand(): a search runs to completion and is recorded', async () => {
    const searchIds = movies.filter((m) => m.monitored && m.movieFileId === 0).slice(0, 3).map((m) => m.id);
    const command = await client.sendCommand({ name: 'MoviesSearch', movieIds: searchIds });
    expect(command.status).toBe('queued');
    let state = command;
    for (let i = 0; i < 10 && state.status !== 'completed' && state.status !== 'failed'; i++) state = await client.getCommand(command.id);
    expect(state.status).toBe('completed');
    expect(sim.searches.find((s) => s.commandId === command.id)?.ids.sort()).toEqual([...searchIds].sort());
    await expect(client.getCommand(999_999)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('every exchange matched the upstream spec', () => {
    expect(contract.checked()).toBeGreaterThan(20);
    expect(contract.report()).toBe('');
  });
});

// On its own simulator: a dropped connection reaches onExchange with status 0 and the raw path,
// which is not an exchange the contract can judge.
describe('RadarrClient against a misbehaving simulator', () => {
  let faulty: Simulator;
  let c: RadarrClient;
  beforeAll(async () => {
    faulty = await startSimulator({ app: 'radarr', seed: 3, size: 'tiny' });
    c = new RadarrClient({ name: 'Sim', kind: 'radarr', url: faulty.url, apiKey: faulty.apiKey }, { sleep: noSleep });
  });
  afterAll(async () => {
    c?.close();
    await faulty?.close();
  });

  it('starting up is retried until the app answers', async () => {
    faulty.faults.startingUp = 2;
    expect((await c.connect()).appName).toBe('Radarr');
    expect(faulty.requests.filter((r) => r.path === '/api/v3/system/status').map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('an HTML page, a dropped connection and a 500 become their error kinds (once the retries of a read are spent)', async () => {
    faulty.faults.htmlInsteadOfJson = true;
    await expect(c.tags()).rejects.toMatchObject({ kind: 'html' });
    faulty.faults.htmlInsteadOfJson = false;
    faulty.faults.dropConnections = { count: 4 };
    await expect(c.movies()).rejects.toMatchObject({ kind: 'connection-reset' });
    faulty.faults.dropConnections = null;
    faulty.faults.flaky500 = { count: 4 };
    await expect(c.tags()).rejects.toMatchObject({ kind: 'server-error' });
    // fewer faults than retries: the read succeeds
    faulty.faults.flaky500 = { count: 3 };
    expect(await c.tags()).toBeInstanceOf(Array);
  });

  it('a wrong key is rejected', async () => {
    const wrongKey = new RadarrClient({ name: 'Sim', kind: 'radarr', url: faulty.url, apiKey: 'wrong' });
    await expect(wrongKey.connect()).rejects.toMatchObject({ kind: 'unauthorized' });
    wrongKey.close();
  });

  it('an app that went down is refused, and reachable again when it is back (stale pooled socket retried)', async () => {
    expect(await c.tags()).toBeInstanceOf(Array);
    faulty.faults.down = true;
    await faulty.faults.settled();
    await expect(c.tags()).rejects.toMatchObject({ kind: 'connection-refused' });
    faulty.faults.down = false;
    await faulty.faults.settled();
    expect(await c.tags()).toBeInstanceOf(Array);
  });
});
