import { type ArrInstance } from '../http/endpoint';
import { type ArrClientOptions } from './base-client';
import { RadarrClient } from './radarr-client';
import { SonarrClient } from './sonarr-client';

export type AnyArrClient = RadarrClient | SonarrClient;

/** The client for an instance's configured kind. */
export function createArrClient(instance: ArrInstance, options?: ArrClientOptions): AnyArrClient {
  return instance.kind === 'radarr' ? new RadarrClient(instance, options) : new SonarrClient(instance, options);
}
