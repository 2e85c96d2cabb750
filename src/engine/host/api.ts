/** The engine host's public shape: what the desktop shell, the headless command and tests use. */
import type { LookupFunction } from '../../arr';
import type { AppService } from '../../shared/contract/service';
import type { MaskedSettings } from '../../shared/contract/settings-schemas';
import type { Settings } from '../../shared/settings';
import type { EngineStatus } from '../../shared/status';
import type { Env } from '../config';
import type { RetryPolicy } from '../../arr';
import type { PollOptions } from '../run/poll';
import type { Clock } from '../scheduler/clock';
import type { Scheduler } from '../scheduler/scheduler';
import type { BuildOptions } from './build-scheduler';
import type { OnceOptions, OnceResult } from './once';

export interface EngineHostOptions extends BuildOptions {
  settings: Settings;
  /** persists a settings change (the config file, the desktop store); called before it is applied */
  saveSettings(settings: Settings): void | Promise<void>;
  dataDir: string;
  clock?: Clock;
  /** where `env:VARIABLE` keys are read (default process.env) */
  env?: Env;
  /** the DNS lookup of instance connections (default: the system's); every answer passes the metadata-address guard */
  lookup?: LookupFunction;
  log?: (line: string) => void;
  /** IANA zone of active hours, cron schedules and the history chart (default: the system's) */
  timeZone?: string;
  /** what getAppInfo reports; the desktop app overrides getAppInfo itself */
  mode?: 'desktop' | 'browser';
  version?: string;
  poll?: PollOptions;
  /** how the clients retry passing faults of reads (tests shorten the delays; default ../../arr DEFAULT_RETRY) */
  retry?: Partial<RetryPolicy>;
  /** history durability (default: fsync every write batch) */
  fsync?: 'always' | 'never';
  /**
   * The data directory's lock was lost while running (its directory deleted, or taken over after the
   * process stalled past the stale time): the engine has stopped itself (no more searches or writes)
   * and this is called so the embedding app can exit or tell the user. Default: the log line only.
   */
  onLockLost?: (error: Error) => void;
}

export interface EngineHost {
  readonly service: AppService;
  start(): Promise<void>;
  /** Stops after the current command of every instance, persists the state and lets go of the data directory. */
  stop(): Promise<void>;
  resumeAfterSleep(): void;
  /** replaces the whole settings document (import) and applies it */
  replaceSettings(settings: Settings): Promise<MaskedSettings>;
  /** Runs jobs once, now (`trawlarr once`); not while started. */
  runOnce(jobs: readonly { instanceId: string; jobId: string }[], options?: OnceOptions): Promise<OnceResult[]>;
  status(): EngineStatus;
  settings(): Settings;
  /** The scheduler once pending rebuilds are applied (budget shares, items per run, forecasts). */
  ready(): Promise<Scheduler>;
  subscribe: AppService['subscribe'];
  /** Resolves when no call to an instance or a store is in flight and no rebuild is pending (simulations on a fake clock). */
  whenIdle(): Promise<void>;
}
