// RadarrClient's writing calls against a small real server: commands, the bulk tag editor and
// ensureTag, with the bodies they send and what they refuse to send.
import { describe, expect, it } from 'vitest';
import { type components } from '../../src/arr/generated/radarr';
import { radarr } from './support/radarr-fixtures';
import { sendJson, type Received } from './support/test-server';

type S = components['schemas'];

describe('RadarrClient', () => {
  it('sendCommand(): posts the body with de-duplicated ids; getCommand() reads it back', async () => {
    const command: S['CommandResource'] = { id: 31, name: 'MoviesSearch', commandName: 'Movies Search', status: 'queued', result: 'unknown', queued: '2024-06-01T00:00:00Z', trigger: 'manual' };
    const { client, calls } = await radarr({ 'POST /command': command, 'GET /command/31': { ...command, status: 'completed', result: 'successful', message: 'Completed search for 2 movies. 0 reports downloaded.' } });
    expect(await client.sendCommand({ name: 'MoviesSearch', movieIds: [3, 4, 3] })).toEqual({
      id: 31,
      name: 'MoviesSearch',
      status: 'queued',
      result: 'unknown',
      message: undefined,
      queued: '2024-06-01T00:00:00Z',
      started: undefined,
      ended: undefined,
      exception: undefined,
    });
    expect(JSON.parse(calls('/command')[0].body)).toEqual({ name: 'MoviesSearch', movieIds: [3, 4] });
    expect(calls('/command')[0].headers['content-type']).toMatch(/^application\/json/);
    expect(await client.getCommand(31)).toMatchObject({ status: 'completed', result: 'successful', message: 'Completed search for 2 movies. 0 reports downloaded.' });
  });

  it('sendCommand() refuses an empty id list (an empty RefreshMovie would refresh everything) without sending', async () => {
    const { client, server } = await radarr({});
    await expect(client.sendCommand({ name: 'RefreshMovie', movieIds: [] })).rejects.toThrow('Radarr "Main": RefreshMovie needs at least one id in movieIds');
    await expect(client.sendCommand({ name: 'MoviesSearch', movieIds: [0] })).rejects.toThrow('Radarr "Main": MoviesSearch movieIds must be positive integers (got 0)');
    expect(server.requests).toHaveLength(0);
  });

  it('editTags(): PUT /movie/editor, de-duplicated, 200 ids per request, add or remove only', async () => {
    const { client, calls, server } = await radarr({ 'PUT /movie/editor': (req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 202, (JSON.parse(req.body) as { movieIds: number[] }).movieIds.map((id) => ({ id }))) });
    const ids = [...Array.from({ length: 450 }, (_, i) => i + 1), 1, 2, 450];
    await client.editTags(ids, [7, 7], 'add');
    await client.editTags([9], [7], 'remove');
    const bodies = calls('/movie/editor').map((r) => JSON.parse(r.body) as S['MovieEditorResource']);
    expect(bodies.map((b) => b.movieIds?.length)).toEqual([200, 200, 50, 1]);
    expect(bodies.flatMap((b) => b.movieIds).slice(0, 450)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(bodies.map((b) => [b.tags, b.applyTags])).toEqual([
      [[7], 'add'],
      [[7], 'add'],
      [[7], 'add'],
      [[7], 'remove'],
    ]);
    expect(Object.keys(bodies[0]).sort()).toEqual(['applyTags', 'movieIds', 'tags']);
    const before = server.requests.length;
    await expect(client.editTags([1], [7], 'replace' as 'add')).rejects.toThrow('Radarr "Main": tag action must be "add" or "remove" (got replace)');
    await expect(client.editTags([1], [], 'add')).rejects.toThrow('Radarr "Main": no tag ids given to add');
    expect(server.requests.length).toBe(before);
  });

  it('ensureTag(): an existing tag is reused without a POST', async () => {
    const { client, calls } = await radarr({ 'GET /tag': [{ id: 2, label: 'trawlarr-missing' }] });
    expect(await client.ensureTag('Trawlarr-Missing')).toEqual({ id: 2, label: 'trawlarr-missing' });
    expect(calls('/tag').map((r) => r.method)).toEqual(['GET']);
  });

  it('ensureTag(): a missing tag is created with a lowercased [a-z0-9-] label', async () => {
    const { client, calls } = await radarr({ 'GET /tag': [], 'POST /tag': (req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 201, { id: 9, ...(JSON.parse(req.body) as object) }) });
    expect(await client.ensureTag('Trawlarr Cutoff_Unmet!')).toEqual({ id: 9, label: 'trawlarr-cutoff-unmet-' });
    expect(JSON.parse(calls('/tag')[1].body)).toEqual({ label: 'trawlarr-cutoff-unmet-' });
  });

  it('ensureTag(): a 409 (created meanwhile) is resolved by reading the tags again', async () => {
    let reads = 0;
    const { client, calls } = await radarr({
      'GET /tag': (_req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, ++reads === 1 ? [] : [{ id: 4, label: 'trawlarr-upgrade' }]),
      'POST /tag': (_req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 409, { message: 'constraint failed\r\nUNIQUE constraint failed: Tags.Label' }),
    });
    expect(await client.ensureTag('trawlarr-upgrade')).toEqual({ id: 4, label: 'trawlarr-upgrade' });
    expect(calls('/tag').map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('ensureTag(): a label without letters or digits is refused', async () => {
    const { client } = await radarr({});
    await expect(client.ensureTag(' !! ')).rejects.toThrow('Radarr "Main": the tag label " !! " needs at least one letter or digit');
  });
});
