/** Everything a request handler may touch. */
import type { Faults } from './faults.js';
import type { Rng } from './library/rng.js';
import type { ArrApp, Library } from './library/types.js';
import type { CommandQueue } from './commands/queue.js';
import type { SearchRecord } from './types.js';
import type { Version } from './version.js';

export interface SimState {
  app: ArrApp;
  /** "Radarr" / "Sonarr" */
  appName: string;
  version: Version;
  urlBase: string;
  library: Library;
  now: () => number;
  /** chance rolls (grabs, flaky faults): seeded so runs repeat */
  rng: Rng;
  grabChance: number;
  faults: Faults;
  commands: CommandQueue;
  searches: SearchRecord[];
  startTime: number;
}
