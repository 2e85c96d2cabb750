/**
 * Shared set-up for the RadarrClient tests: a real server answering like Radarr (status + the given
 * routes) under a /radarr URL base, and typical upstream resources (generated spec types).
 */
import { afterEach } from 'vitest';
import { RadarrClient } from '../../../src/arr';
import { type components } from '../../../src/arr/generated/radarr';
import { API_KEY, radarrStatus, routes, startServer, type TestServer } from './test-server';

type S = components['schemas'];

const servers: TestServer[] = [];
const clients: RadarrClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

export async function radarr(table: Record<string, unknown>, version = '6.0.3.10276') {
  const server = await startServer(routes({ 'GET /system/status': radarrStatus(version), ...table }));
  servers.push(server);
  const client = new RadarrClient({ name: 'Main', kind: 'radarr', url: `${server.url}/radarr`, apiKey: API_KEY });
  clients.push(client);
  const calls = (path: string) => server.requests.filter((r) => r.path === `/radarr/api/v3${path}`);
  return { server, client, calls };
}

export const quality = (id: number, name: string): S['QualityModel'] => ({ quality: { id, name, source: 'bluray', resolution: 1080, modifier: 'none' }, revision: { version: 1, real: 0, isRepack: false } });

export const movieWithFile: S['MovieResource'] = {
  id: 12,
  title: 'Amélie',
  originalTitle: 'Le Fabuleux Destin',
  sortTitle: 'amelie',
  status: 'released',
  overview: 'A {brace} and "quotes" \\ here',
  inCinemas: '2001-04-25T00:00:00Z',
  physicalRelease: '2002-02-05T00:00:00Z',
  digitalRelease: '2002-01-01T00:00:00Z',
  year: 2001,
  qualityProfileId: 4,
  hasFile: true,
  movieFileId: 77,
  monitored: true,
  minimumAvailability: 'released',
  isAvailable: true,
  tags: [1, 3],
  added: '2020-01-01T10:00:00Z',
  alternateTitles: [{ title: 'Amelie', sourceType: 'tmdb' }],
  movieFile: { id: 77, movieId: 12, quality: quality(7, 'Bluray-1080p'), customFormatScore: 0, qualityCutoffNotMet: true, size: 8e9 },
  lastSearchTime: '2024-05-01T00:00:00Z',
  statistics: { movieFileCount: 1, sizeOnDisk: 8e9, releaseGroups: [] },
};
// what Radarr ≥5.22.4 sends for a movie without a file: nulls left out
export const movieWithoutFile: S['MovieResource'] = { id: 13, title: 'Dune', sortTitle: 'dune', status: 'inCinemas', year: 2021, qualityProfileId: 1, movieFileId: 0, monitored: false, minimumAvailability: 'released', isAvailable: false, added: '2021-01-01T00:00:00Z' };

