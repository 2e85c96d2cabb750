/**
 * The typed UI contract: channels (request → response schemas), events, the AppService the backend
 * implements, envelopes and errors, and the renderer-side API. Pure: no Node, no Electron.
 * See contract/channels.ts for the channel table.
 */
export * from './contract/channels';
export * from './contract/client';
export * from './contract/dispatch';
export * from './contract/errors';
export * from './contract/mask';
export * from './contract/key-address';
export * from './contract/service';
export * from './contract/settings-schemas';
export * from './contract/status-schemas';
export * from './contract/http-bridge';
export * from './contract/masked-settings';
export * from './contract/security';
export type {
  BudgetStatus,
  EngineEvent,
  EngineStatus,
  GrabInfo,
  HistoryEntry,
  HistoryPage,
  HistoryQuery,
  HistoryStatus,
  InstanceState,
  InstanceStatus,
  JobStatus,
  LastRun,
  RunResult,
} from './status';
export * from './contract/navigation';
