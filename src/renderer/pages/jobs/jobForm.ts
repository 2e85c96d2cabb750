/**
 * The job form's model. The fields hold what the user types (a schedule as "every"/"cron" text,
 * items per run as "auto" or a number); `toJob` builds the settings' job and the settings schema
 * validates it, so the form accepts exactly what the engine accepts (a cron expression included:
 * five fields, runs at least 15 minutes apart, read by the scheduler's own parser).
 */
import { DURATION, jobSchema, jobTag, JOB_TYPES, SONARR_ONLY_JOBS, type JobSettings, type JobSettingsInput, type JobType } from '../../../shared/settings';
import { fieldErrors, type FieldErrors } from '../../forms/issues';

export interface JobFormValues {
  id: string;
  type: JobType;
  enabled: boolean;
  scheduleMode: 'default' | 'every' | 'cron';
  every: string;
  cron: string;
  itemsMode: 'auto' | 'number';
  items: number;
  /** '' = the default trawlarr-<id> */
  tag: string;
  unattended: boolean;
  minCycleDays: number;
  qualityProfileIds: number[];
  includeTags: string[];
  excludeTags: string[];
  statuses: string[];
  addedAfter: string;
  addedBefore: string;
  order: JobSettings['order'];
  granularity: JobSettings['granularity'];
  includeAtCutoff: boolean;
  airedWithinHours: number;
  graceHours: number;
  refreshAfterDays: number;
}

const defaults = jobSchema.parse({ id: 'x', type: 'missing' });

export function jobTypesFor(kind: 'radarr' | 'sonarr'): JobType[] {
  return JOB_TYPES.filter((t) => kind === 'sonarr' || !SONARR_ONLY_JOBS.includes(t));
}

/** Job types that send searches (granularity and order matter); rename/refresh send other commands. */
export const SEARCH_JOBS: readonly JobType[] = ['new-episodes', 'missing', 'cutoff-unmet', 'upgrade'];

export function fromJob(job: JobSettings): JobFormValues {
  const s = job.schedule;
  return {
    id: job.id,
    type: job.type,
    enabled: job.enabled,
    scheduleMode: !s ? 'default' : 'every' in s ? 'every' : 'cron',
    every: s && 'every' in s ? s.every : '',
    cron: s && 'cron' in s ? s.cron : '',
    itemsMode: job.itemsPerRun === 'auto' ? 'auto' : 'number',
    items: job.itemsPerRun === 'auto' ? 10 : job.itemsPerRun,
    tag: job.tag ?? '',
    unattended: job.unattended,
    minCycleDays: job.minCycleDays,
    qualityProfileIds: job.filters.qualityProfileIds,
    includeTags: job.filters.includeTags,
    excludeTags: job.filters.excludeTags,
    statuses: job.filters.statuses,
    addedAfter: job.filters.addedAfter ?? '',
    addedBefore: job.filters.addedBefore ?? '',
    order: job.order,
    granularity: job.granularity,
    includeAtCutoff: job.includeAtCutoff,
    airedWithinHours: job.airedWithinHours,
    graceHours: job.graceHours,
    refreshAfterDays: job.refreshAfterDays,
  };
}

export function newJob(type: JobType, takenIds: readonly string[]): JobFormValues {
  let id: string = type;
  for (let n = 2; takenIds.includes(id); n++) id = `${type}-${n}`;
  return fromJob({ ...defaults, id, type });
}

export function toJob(v: JobFormValues): JobSettingsInput {
  return {
    id: v.id,
    type: v.type,
    enabled: v.enabled,
    ...(v.scheduleMode === 'every' ? { schedule: { every: v.every.trim() } } : v.scheduleMode === 'cron' ? { schedule: { cron: v.cron.trim() } } : {}),
    itemsPerRun: v.itemsMode === 'auto' ? 'auto' : v.items,
    ...(v.tag.trim() ? { tag: v.tag.trim() } : {}),
    unattended: v.unattended,
    minCycleDays: v.minCycleDays,
    filters: {
      qualityProfileIds: v.qualityProfileIds,
      includeTags: v.includeTags,
      excludeTags: v.excludeTags,
      statuses: v.statuses,
      ...(v.addedAfter ? { addedAfter: v.addedAfter } : {}),
      ...(v.addedBefore ? { addedBefore: v.addedBefore } : {}),
    },
    order: v.order,
    granularity: v.granularity,
    includeAtCutoff: v.includeAtCutoff,
    airedWithinHours: v.airedWithinHours,
    graceHours: v.graceHours,
    refreshAfterDays: v.refreshAfterDays,
  };
}

/** Schema paths → form fields. */
const FIELD_OF: Record<string, string> = {
  'schedule.every': 'every',
  'schedule.cron': 'cron',
  schedule: 'scheduleMode',
  itemsPerRun: 'items',
  'filters.qualityProfileIds': 'qualityProfileIds',
  'filters.includeTags': 'includeTags',
  'filters.excludeTags': 'excludeTags',
  'filters.statuses': 'statuses',
  'filters.addedAfter': 'addedAfter',
  'filters.addedBefore': 'addedBefore',
};

export function formField(schemaKey: string): string {
  return FIELD_OF[schemaKey] ?? schemaKey;
}

export interface JobContext {
  isNew: boolean;
  /** the other jobs of this instance (not this one) */
  others: readonly Pick<JobSettings, 'id' | 'tag'>[];
}

export function validateJob(v: JobFormValues, ctx: JobContext): FieldErrors {
  const errors: FieldErrors = {};
  // settings.ts's duration refinement throws on text that is not a duration: check the format first
  const badEvery = v.scheduleMode === 'every' && !DURATION.test(v.every.trim());
  if (badEvery) errors.every = v.every.trim() ? 'use a number followed by m, h or d, e.g. "24h"' : 'enter how often, e.g. "24h"';
  const parsed = jobSchema.safeParse(toJob(badEvery ? { ...v, scheduleMode: 'default' } : v));
  if (!parsed.success) for (const [k, msg] of Object.entries(fieldErrors(parsed.error))) errors[formField(k)] ??= msg;
  if (ctx.isNew && ctx.others.some((o) => o.id === v.id) && !errors.id) errors.id = `this instance already has a job with id "${v.id}"`;
  const tag = jobTag({ id: v.id, tag: v.tag.trim() || undefined });
  if (!errors.tag && ctx.others.some((o) => jobTag(o) === tag)) errors.tag = `tag "${tag}" is used by another job of this instance`;
  if (v.addedAfter && v.addedBefore && v.addedAfter >= v.addedBefore && !errors.addedBefore) errors.addedBefore = 'must be after "added after"';
  return errors;
}
