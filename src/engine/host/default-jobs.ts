/**
 * The jobs a new instance starts with, so that adding one is enough to get searching: what is
 * missing and what is below the profile's cutoff, plus, for Sonarr, episodes that just aired.
 * The slow upgrade sweep is there to be found but off: it spends the most queries, so the user
 * turns it on. Only instances added in the settings window get these; a config file says its own.
 */
import type { JobSettingsInput } from '../../shared/settings';

export function defaultJobs(kind: 'radarr' | 'sonarr'): JobSettingsInput[] {
  return [
    ...(kind === 'sonarr' ? [{ id: 'new-episodes', type: 'new-episodes' } as const] : []),
    { id: 'missing', type: 'missing' },
    { id: 'cutoff-unmet', type: 'cutoff-unmet' },
    { id: 'upgrade', type: 'upgrade', enabled: false },
  ];
}
