/**
 * Channel and event names without the schemas (no zod), for the sandboxed preload, which must stay
 * tiny. channels.ts checks at compile time that these lists match its table.
 */
export const CHANNEL_NAMES = [
  'getStatus',
  'setPaused',
  'getSettings',
  'saveInstance',
  'removeInstance',
  'testConnection',
  'getInstanceMetadata',
  'saveJob',
  'removeJob',
  'previewJob',
  'runJobNow',
  'startNextCycle',
  'saveThroughput',
  'removeBudgetGroup',
  'forecastThroughput',
  'queryHistory',
  'historyPerDay',
  'exportHistoryCsv',
  'saveAppSettings',
  'getAppInfo',
  'setLaunchAtLogin',
  'exportSettings',
  'importSettings',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['status', 'engine', 'navigate'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const IPC_PREFIX = 'trawlarr:';
export const ipcChannel = (name: ChannelName): string => `${IPC_PREFIX}${name}`;
export const ipcEventChannel = (name: EventName): string => `${IPC_PREFIX}event:${name}`;
export const httpPath = (name: ChannelName): string => `/api/${name}`;
export const HTTP_EVENTS_PATH = '/api/events';
/** Browser mode only: POST {code} exchanges a one-time login code for a session cookie; GET says whether the browser has a session. */
export const HTTP_LOGIN_PATH = '/api/login';
export const HTTP_SESSION_PATH = '/api/session';
/** Custom header required on state-changing HTTP requests (a browser cannot send it cross-site without CORS). */
export const CSRF_HEADER = 'x-trawlarr-request';

export function isChannelName(name: string): name is ChannelName {
  return (CHANNEL_NAMES as readonly string[]).includes(name);
}
export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}
