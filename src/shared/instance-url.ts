/**
 * Two enabled instances pointing at one Radarr or Sonarr would share its tag names (each job's
 * cycle tag) and count each other's items, so the settings refuse them. Addresses are compared
 * normalised: scheme and host case, the default port, a trailing slash, the URL base's case (the
 * apps route case-insensitively), query and fragment ignored. A disabled copy is allowed: it
 * never runs, and enabling it is refused while the other is enabled.
 */
import type { InstanceSettings } from './settings';

export function normalizedUrl(url: string): string {
  try {
    const u = new URL(url.trim()); // lowercases scheme and host, drops :80 for http and :443 for https
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return url.trim().replace(/\/+$/, '').toLowerCase();
  }
}

export interface SameUrl {
  /** indexes into the instances, the earlier first */
  first: number;
  second: number;
  message: string;
}

/** Every pair of enabled instances with the same normalised address. */
export function sameUrlPairs(instances: readonly Pick<InstanceSettings, 'id' | 'name' | 'url' | 'enabled'>[]): SameUrl[] {
  const pairs: SameUrl[] = [];
  const seen = new Map<string, number>();
  instances.forEach((inst, i) => {
    if (!inst.enabled) return;
    const key = normalizedUrl(inst.url);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const other = instances[first];
    pairs.push({
      first,
      second: i,
      message: `instances "${other.id}" (${other.name}) and "${inst.id}" (${inst.name}) both point at ${key}: they would share its tags and count each other's items; keep one, or disable one`,
    });
  });
  return pairs;
}
