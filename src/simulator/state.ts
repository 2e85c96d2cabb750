/** Everything a request handler may touch. */
import type { Faults } from './faults';
import type { Rng } from './library/rng';
import type { ArrApp, Library } from './library/types';
import type { CommandQueue } from './commands/queue';
import type { SearchRecord } from './types';
import type { Version } from './version';

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
