/** The Radarr/Sonarr clients: what the engine imports. */
export { APP_NAMES, ArrError, scrubSecrets, type ArrErrorKind, type ValidationFailure } from './errors';
export { type ArrInstance } from './http/endpoint';
export { forbiddenHost, type LookupFunction } from './http/address-guard';
export { DEFAULT_RETRY, DEFAULT_STARTUP_RETRY, DEFAULT_TIMEOUTS, USER_AGENT, type RetryPolicy, type StartupRetry, type Timeouts } from './http/arr-http';
export { ArrClient, EDITOR_CHUNK, QUERY_ID_CHUNK, type ArrClientOptions, type PageOptions, type TagAction, type WantedOptions } from './clients/base-client';
export { RadarrClient, type RadarrCommandBody } from './clients/radarr-client';
export { SonarrClient, type SonarrCommandBody } from './clients/sonarr-client';
export { createArrClient, type AnyArrClient } from './clients/create-client';
export { normalizeTagLabel } from './clients/ids';
export * from './model';
