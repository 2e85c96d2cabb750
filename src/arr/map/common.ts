/**
 * Mappers for the resources Radarr and Sonarr share (identical shapes in both specs).
 */
import { type components } from '../generated/radarr';
import { type Command, type CommandStatus, type ListedCommand, type HealthCheck, type QualityProfile, type QueueStatus, type SystemInfo, type Tag } from '../model';
import { asObject, idOf, opt } from './shape';

type S = components['schemas'];

export function toSystemInfo(value: unknown): SystemInfo {
  const s = asObject<S['SystemResource']>(value, 'the system status');
  const version = s.version ?? '';
  const major = Number.parseInt(version.split('.')[0], 10);
  return {
    appName: s.appName ?? '',
    version,
    major: Number.isFinite(major) ? major : 0,
    instanceName: opt(s.instanceName),
    urlBase: opt(s.urlBase),
  };
}

export function toTag(value: unknown): Tag {
  const t = asObject<S['TagResource']>(value, 'a tag');
  return { id: idOf(t, 'a tag'), label: t.label ?? '' };
}

export function toHealthCheck(value: unknown): HealthCheck {
  const h = asObject<S['HealthResource']>(value, 'a health check');
  return { source: h.source ?? '', type: h.type ?? 'ok', message: h.message ?? '' };
}

export function toQueueStatus(value: unknown): QueueStatus {
  const q = asObject<S['QueueStatusResource']>(value, 'the queue status');
  return { totalCount: q.totalCount ?? 0, count: q.count ?? 0, errors: q.errors ?? false, warnings: q.warnings ?? false };
}

export function toCommand(value: unknown): Command {
  const c = asObject<S['CommandResource']>(value, 'a command');
  return {
    id: idOf(c, 'a command'),
    name: c.name ?? c.commandName ?? '',
    status: (c.status ?? 'queued') as CommandStatus,
    result: opt(c.result),
    message: opt(c.message),
    queued: opt(c.queued),
    started: opt(c.started),
    ended: opt(c.ended),
    exception: opt(c.exception),
  };
}

const idList = (v: unknown) => (Array.isArray(v) && v.every((x) => Number.isInteger(x)) ? (v as number[]) : undefined);
const int = (v: unknown) => (Number.isInteger(v) ? (v as number) : undefined);

/** A command of GET /command with the ids of its body (the spec types `body` loosely: read what is there). */
export function toListedCommand(value: unknown): ListedCommand {
  const raw = asObject<{ body?: unknown; clientUserAgent?: unknown }>(value, 'a command');
  const b = typeof raw.body === 'object' && raw.body !== null ? (raw.body as Record<string, unknown>) : {};
  const body: ListedCommand['body'] = {};
  for (const key of ['movieIds', 'episodeIds', 'seriesIds'] as const) {
    const ids = idList(b[key]);
    if (ids) body[key] = ids;
  }
  for (const key of ['seriesId', 'seasonNumber'] as const) {
    const n = int(b[key]);
    if (n !== undefined) body[key] = n;
  }
  const out: ListedCommand = { ...toCommand(value), body };
  if (typeof raw.clientUserAgent === 'string') out.clientUserAgent = raw.clientUserAgent;
  return out;
}

type ProfileItem = S['QualityProfileQualityItemResource'];

/** The name of the quality or group the cutoff id points at (groups have ids >= 1000, spec/arr/NOTES.md §11). */
function cutoffName(items: ProfileItem[] | null | undefined, cutoff: number): string | undefined {
  for (const item of items ?? []) {
    const isGroup = !item.quality && Array.isArray(item.items) && item.items.length > 0;
    if (isGroup && item.id === cutoff) return item.name ?? undefined;
    if (!isGroup && item.quality?.id === cutoff) return item.quality.name ?? undefined;
    if (isGroup) {
      const inner = cutoffName(item.items, cutoff);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

export function toQualityProfile(value: unknown): QualityProfile {
  const p = asObject<S['QualityProfileResource']>(value, 'a quality profile');
  const cutoff = p.cutoff ?? 0;
  return {
    id: idOf(p, 'a quality profile'),
    name: p.name ?? '',
    upgradeAllowed: p.upgradeAllowed ?? false,
    cutoff,
    cutoffName: cutoffName(p.items, cutoff) ?? `unknown quality ${cutoff}`,
    minFormatScore: p.minFormatScore ?? 0,
    cutoffFormatScore: p.cutoffFormatScore ?? 0,
    minUpgradeFormatScore: p.minUpgradeFormatScore ?? 0,
  };
}

/** "Bluray-1080p" from a QualityModel; "Unknown" when absent. */
export function qualityName(q: { quality?: { name?: string | null } } | undefined): string {
  return q?.quality?.name ?? 'Unknown';
}
