/** What the host's modules share: the live pieces of one running engine. */
import type { AnyArrClient } from '../../arr';
import type { InstanceSettings, Settings } from '../../shared/settings';
import type { Env } from '../config';
import type { PollOptions } from '../run/poll';
import type { HistoryPort } from '../run/ports';
import type { OutageTracker } from '../scheduler/backoff';
import type { Clock } from '../scheduler/clock';
import type { Scheduler } from '../scheduler/scheduler';
import type { HistoryStore, StateStore } from '../store';
import type { Activity } from './activity';
import type { InstanceClients } from './clients';
import type { CycleCache } from './cycles';
import type { EventBus } from './events';
import type { GateStates } from './gates';
import type { JobWaits } from './waits';

export interface HostContext {
  readonly clock: Clock;
  readonly env: Env;
  readonly timeZone?: string;
  readonly poll?: PollOptions;
  readonly dataDir: string;
  /** the state store, its calls counted */
  readonly store: StateStore;
  /** the history store itself (queries, CSV) */
  readonly history: HistoryStore;
  /** the history as the runner sees it, its calls counted */
  readonly historyPort: HistoryPort;
  readonly activity: Activity;
  readonly clients: InstanceClients;
  readonly gates: GateStates;
  readonly cycles: CycleCache;
  readonly waits: JobWaits;
  readonly events: EventBus;
  log(line: string): void;
  settings(): Settings;
  scheduler(): Scheduler;
  /** the client of an instance, counted and reporting to its outage tracker when one is given */
  client(instance: InstanceSettings, tracker?: OutageTracker): AnyArrClient;
  /** state changed: persist the scheduler's state and publish the status (both coalesced) */
  changed(): void;
}
