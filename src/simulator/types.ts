/** Public types of the simulated Radarr/Sonarr. */
import type { JobSettings, JobType } from '../shared/settings';
import type { ArrApp, Library, LibrarySize } from './library/types';

export type { ArrApp, Library, LibrarySize, JobSettings, JobType };

/** One request and what the simulator answered: fed to `onExchange` (e.g. the contract recorder). */
export interface Exchange {
  app: ArrApp;
  method: string;
  /** path without the URL base, e.g. "/api/v3/movie/12" */
  path: string;
  /** query parameters; repeated keys give several values */
  query: Record<string, string[]>;
  /** parsed JSON request body, undefined when there was none or it was not JSON */
  requestBody?: unknown;
  status: number;
  /** response content type (undefined when no body was sent) */
  contentType?: string;
  /** the response body as sent (parsed form); undefined for streamed lists longer than `sampleLimit` */
  responseBody?: unknown;
  /** for streamed lists: a sample of the elements (first, last and evenly spread ones) and the total count */
  responseSample?: { elements: unknown[]; total: number };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  body?: unknown;
  status: number;
  /** injected clock at arrival, epoch ms */
  time: number;
  /** response body bytes served (uncompressed: the simulator never compresses); 0 for a dropped connection */
  bodyBytes: number;
  /** bytes written to the connection for this response: status line, headers, chunk framing and body */
  wireBytes: number;
}

/** What the simulator has served since it started, every request counted (the request log is capped). */
export interface ServedTotals {
  requests: number;
  bodyBytes: number;
  wireBytes: number;
}

/** One executed search command (ids and cost summed over the searches it ran). */
export interface SearchRecord {
  commandId: number;
  /** canonical command name, e.g. "MoviesSearch" */
  command: string;
  /** Radarr: movie ids; Sonarr: episode ids covered by the search */
  ids: number[];
  /** Sonarr: the series (and season) a season/series search was for */
  seriesId?: number;
  seasonNumber?: number;
  /** estimated indexer queries per indexer (spec/arr/NOTES.md §13) */
  cost: number;
  /** false when every indexer was backed off: nothing was queried, lastSearchTime unchanged */
  indexersQueried: boolean;
  /** ids that got a grab */
  grabbed: number[];
  at: number;
}

/** A fault that fires for the next `count` requests, or with `probability` on each request. */
export type CountOrChance = { count: number } | { probability: number };

/**
 * How an unreliable stand-in fails a request: `500` answers "database is locked" (SQLite contention,
 * nothing done), `drop` closes the connection before the app does anything, `drop-after-work` lets
 * the app do the work (queue the command, change the tags) and closes the connection instead of answering.
 */
export type UnreliableKind = '500' | 'drop' | 'drop-after-work';

/**
 * A share of API requests fails, decided by its own seeded generator: the same seed and the same
 * requests fail the same way, and the library's own chance rolls (grabs) draw exactly the numbers
 * they draw without the fault, so a faulty run can be compared with a clean one.
 */
export interface Unreliable {
  /** share of API requests that fail, 0–1 */
  rate: number;
  /** default 1 */
  seed?: number;
  /** default all three, picked evenly */
  kinds?: readonly UnreliableKind[];
}

export interface FaultSettings {
  /** 503 starting-up: true until cleared, or for the next N requests */
  startingUp: boolean | number;
  flaky500: CountOrChance | null;
  dropConnections: CountOrChance | null;
  latencyMs: number;
  htmlInsteadOfJson: boolean;
  /** commands end `failed`: true for all, or the next N commands */
  failCommands: boolean | number;
  indexersBackedOff: boolean;
  /** queue/status totalCount reports at least this many */
  queueFull: number | null;
  /** listener closed: connections refused until cleared */
  down: boolean;
  /** a share of API requests fails (see Unreliable); null: off */
  unreliable: Unreliable | null;
}

export interface SimulatorOptions {
  app: ArrApp;
  apiKey?: string;
  version?: string;
  urlBase?: string;
  library?: Library;
  seed?: number;
  size?: LibrarySize;
  now?: () => number;
  grabChance?: number;
  port?: number;
  host?: string;
  onExchange?: (x: Exchange) => void;
  /** most recent requests kept in `requests` (default 20,000) */
  requestLogLimit?: number;
  /** streamed lists up to this many elements are passed whole to onExchange (default 500) */
  sampleLimit?: number;
}
