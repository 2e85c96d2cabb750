/** The engine host: settings in, a running engine and its AppService out (desktop and headless). */
export { createEngineHost, type EngineHost, type EngineHostOptions } from './host';
export { selectJobs, type JobRef, type OnceOptions, type OnceResult } from './once';
export { isConnectionFailure, outageOf } from './clients';
export { engineStatusDoc } from './documents';
export { KEYS_NOT_EXPORTED } from './service/app';
export { refuseSameUrlInFile } from './same-url';
