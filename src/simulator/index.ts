/**
 * A simulated Radarr or Sonarr on a real socket: stateful, quirk-faithful (spec/arr/NOTES.md), with
 * fault switches, a request log, a search log and ground truth for tests and the demo.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JobSettings, JobType } from '../shared/settings';
import { executeCommand } from './commands/execute';
import { CommandQueue } from './commands/queue';
import type { CommandRec } from './commands/record';
import { Faults } from './faults';
import { groundTruth } from './ground-truth';
import { Router } from './http/router';
import { createSimServer } from './http/server';
import { generateLibrary } from './library/generate';
import { createRng } from './library/rng';
import type { Library } from './library/types';
import { activityRoutes } from './routes/activity';
import { commandRoutes } from './routes/commands';
import { radarrRoutes } from './routes/radarr';
import { sonarrRoutes } from './routes/sonarr';
import { systemRoutes } from './routes/system';
import { tagRoutes } from './routes/tags';
import type { SimState } from './state';
import type { RecordedRequest, SearchRecord, ServedTotals, SimulatorOptions } from './types';
import { DEFAULT_VERSION, parseVersion } from './version';

export type * from './types';
export type { Faults } from './faults';
export type { CommandRec } from './commands/record';
export { generateLibrary, LIBRARY_SIZES } from './library/generate';
export { emptyLibrary } from './library/types';
export { defaultProfiles, CUSTOM_FORMATS } from './library/profiles';
export { RADARR_CASES } from './library/generate-radarr';
export { SONARR_CASES } from './library/generate-sonarr';

export interface Simulator {
  /** base URL including the URL base, no trailing slash */
  url: string;
  apiKey: string;
  app: 'radarr' | 'sonarr';
  port: number;
  /** live state: tests may inspect and mutate it */
  library: Library;
  faults: Faults;
  /** most recent requests (capped), each with the bytes served for it */
  requests: RecordedRequest[];
  /** requests and bytes served since start, never capped: take a copy before and after to measure a run */
  served: Readonly<ServedTotals>;
  /** every executed search */
  searches: SearchRecord[];
  /** commands by id (queued, started, finished) */
  commands: Map<number, CommandRec>;
  /** ids a correct tool may search for this job (see ground-truth.ts) */
  groundTruth(job: JobType, options?: Partial<JobSettings>): number[];
  /** runs every unfinished command to its end, as if it had been polled */
  runCommands(): CommandRec[];
  close(): Promise<void>;
}

function normalizeUrlBase(base: string | undefined): string {
  if (!base || base === '/') return '';
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  if (opts.app !== 'radarr' && opts.app !== 'sonarr') throw new Error(`app must be "radarr" or "sonarr", got "${String(opts.app)}"`);
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? 1;
  const library = opts.library ?? generateLibrary({ app: opts.app, seed, size: opts.size, now: now() });
  if (library.app !== opts.app) throw new Error(`library is a ${library.app} library but app is ${opts.app}`);
  const grabChance = opts.grabChance ?? 0.3;
  if (!(grabChance >= 0 && grabChance <= 1)) throw new Error(`grabChance must be between 0 and 1, got ${grabChance}`);
  const apiKey = opts.apiKey ?? randomBytes(16).toString('hex');
  const host = opts.host ?? '127.0.0.1';
  const rng = createRng(seed ^ 0x5eed);
  const requests: RecordedRequest[] = [];
  const served: ServedTotals = { requests: 0, bodyBytes: 0, wireBytes: 0 };
  const limit = opts.requestLogLimit ?? 20_000;
  // the listener is created after the state it serves; `down` reopens it on the same port
  const listener: { server?: Server } = {};
  let port = opts.port ?? 0;

  const setListening = async (listening: boolean) => {
    const server = listener.server;
    if (!server) return;
    if (listening) {
      if (server.listening) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } else {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
  };

  const state: SimState = {
    app: opts.app,
    appName: opts.app === 'radarr' ? 'Radarr' : 'Sonarr',
    version: parseVersion(opts.version ?? DEFAULT_VERSION[opts.app]),
    urlBase: normalizeUrlBase(opts.urlBase),
    library,
    now,
    rng,
    grabChance,
    faults: new Faults(rng, setListening),
    commands: new CommandQueue({
      now,
      takeFailCommand: () => state.faults.takeFailCommand(),
      execute: (cmd) => executeCommand(state, cmd),
    }),
    searches: [],
    startTime: now(),
  };

  const router = new Router();
  systemRoutes(router);
  tagRoutes(router);
  commandRoutes(router);
  activityRoutes(router, opts.app);
  if (opts.app === 'radarr') radarrRoutes(router);
  else sonarrRoutes(router);

  const server = createSimServer(state, router, {
    apiKey,
    onExchange: opts.onExchange,
    sampleLimit: opts.sampleLimit ?? 500,
    record: (r) => {
      served.requests++;
      served.bodyBytes += r.bodyBytes;
      served.wireBytes += r.wireBytes;
      requests.push(r);
      if (requests.length > limit * 1.1) requests.splice(0, requests.length - limit);
    },
  });
  listener.server = server;
  await setListening(true);
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}${state.urlBase}`,
    apiKey,
    app: opts.app,
    port,
    get library() {
      return state.library;
    },
    faults: state.faults,
    requests,
    served,
    searches: state.searches,
    commands: state.commands.commands,
    groundTruth: (job, options) => groundTruth(state.library, job, options, now()),
    runCommands: () => state.commands.runAll(),
    async close() {
      await state.faults.settled();
      listener.server = undefined; // a later `down = false` must not reopen it
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
