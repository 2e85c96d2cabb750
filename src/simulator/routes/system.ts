/** /api, /ping, /system/status, /health, /qualityprofile. */
import { iso, renderProfile } from '../render/common';
import type { Router } from '../http/router';
import type { SimState } from '../state';
import { found, ok } from './util';

function status(sim: SimState) {
  return {
    appName: sim.appName,
    instanceName: sim.appName,
    version: sim.version.text,
    buildTime: '2025-09-11T19:08:31Z',
    isDebug: false,
    isProduction: true,
    isAdmin: false,
    isUserInteractive: false,
    startupPath: `/app/${sim.app}/bin`,
    appData: '/config',
    osName: 'ubuntu',
    osVersion: '24.04',
    isNetCore: true,
    isLinux: true,
    isOsx: false,
    isWindows: false,
    isDocker: true,
    mode: 'console',
    branch: sim.app === 'radarr' ? 'master' : 'main',
    authentication: 'forms',
    ...(sim.app === 'sonarr' ? { sqliteVersion: '3.46.1' } : {}),
    migrationVersion: sim.app === 'radarr' ? 241 : 215,
    urlBase: sim.urlBase,
    runtimeVersion: sim.version.atLeast(6) ? '8.0.12' : '6.0.36',
    runtimeName: '.NET',
    startTime: iso(sim.startTime),
    packageVersion: sim.version.text,
    packageAuthor: '[hotio](https://hotio.dev)',
    packageUpdateMechanism: 'docker',
    databaseVersion: '3.46.1',
    databaseType: 'sqLite',
  };
}

function health(sim: SimState) {
  const out: unknown[] = [];
  const wiki = (anchor: string) => (sim.app === 'radarr' ? { wikiUrl: `https://wiki.servarr.com/radarr/system#${anchor}` } : {});
  if (sim.faults.indexersBackedOff) {
    out.push({ source: 'IndexerStatusCheck', type: 'error', message: `All indexers are unavailable due to failures`, ...wiki('indexers-are-unavailable-due-to-failures') });
    out.push({ source: 'IndexerSearchCheck', type: 'warning', message: 'All search-capable indexers are temporarily unavailable due to recent indexer errors', ...wiki('no-indexers-available-with-automatic-search-enabled') });
  }
  return out;
}

export function systemRoutes(r: Router): void {
  r.add('GET', '/api', () => ok({ current: 'v3', deprecated: [] }));
  r.add('GET', '/api/v3/system/status', (c) => ok(status(c.sim)));
  r.add('GET', '/api/v3/health', (c) => ok(health(c.sim)));
  r.add('GET', '/api/v3/qualityprofile', (c) => ok(c.sim.library.qualityProfiles.map((p) => renderProfile(c.sim.library, p))));
  r.add('GET', '/api/v3/qualityprofile/{id}', (c) => ok(renderProfile(c.sim.library, found(c.sim.library.qualityProfiles.find((p) => p.id === c.params.id)))));
}
