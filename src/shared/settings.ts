/**
 * The one settings format: the headless config file and the desktop app's store both hold a
 * `Settings` document. Pure (no Node, no Electron) so the renderer can validate forms with it.
 *
 * Bump SETTINGS_VERSION only together with a migration in src/engine/config/migrations.ts.
 */
import { z } from 'zod';
import { cronProblem, MIN_SCHEDULE_GAP_MS } from './cron';

export const SETTINGS_VERSION = 1;

export const JOB_TYPES = ['new-episodes', 'missing', 'cutoff-unmet', 'upgrade', 'rename', 'refresh'] as const;
export type JobType = (typeof JOB_TYPES)[number];

/** Jobs that only make sense for one app. */
export const SONARR_ONLY_JOBS: readonly JobType[] = ['new-episodes'];

export const SEARCH_ORDERS = ['random', 'least-recently-searched', 'newest-added', 'alphabetical'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export const GRANULARITIES = ['auto', 'series', 'season', 'episode'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Tag labels follow Radarr v6 / Sonarr v5 rules so one label works on every version (spec/arr/NOTES.md §7). */
export const TAG_LABEL = /^[a-z0-9-]+$/;
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "30m", "1h", "24h", "7d" */
export const DURATION = /^(\d+)(m|h|d)$/;
export function durationToMs(text: string): number {
  const m = DURATION.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  const n = Number(m[1]);
  return n * (m[2] === 'm' ? 60_000 : m[2] === 'h' ? 3_600_000 : 86_400_000);
}

const idField = (what: string) =>
  z.string().regex(ID, `${what} must be 1–40 characters of a-z, 0-9 and -, starting with a letter or digit`);

export const scheduleSchema = z.union([
  z.object({
    every: z
      .string()
      .regex(DURATION, 'use a number followed by m, h or d, e.g. "24h"')
      // the regex check above does not stop zod from running this refine: test again before converting
      .refine((s) => !DURATION.test(s) || durationToMs(s) >= MIN_SCHEDULE_GAP_MS, 'runs must be at least 15 minutes apart'),
  }),
  // exactly five fields read by the scheduler's own parser, runs at least 15 minutes apart (cron.ts)
  z.object({
    cron: z.string().superRefine((expression, ctx) => {
      const problem = cronProblem(expression);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

export const jobFiltersSchema = z.object({
  /** quality profile ids; empty = all */
  qualityProfileIds: z.array(z.number().int().positive()).default([]),
  /** only items carrying at least one of these tag labels; empty = all */
  includeTags: z.array(z.string().min(1)).default([]),
  /** never items carrying any of these tag labels */
  excludeTags: z.array(z.string().min(1)).default([]),
  /** Radarr movie status / Sonarr series status; empty = all */
  statuses: z.array(z.string().min(1)).default([]),
  addedAfter: z.iso.date().optional(),
  addedBefore: z.iso.date().optional(),
});
export type JobFilters = z.infer<typeof jobFiltersSchema>;

export const jobSchema = z.object({
  id: idField('job id'),
  type: z.enum(JOB_TYPES),
  enabled: z.boolean().default(true),
  schedule: scheduleSchema.optional(),
  /** a number of items (Radarr: movies; Sonarr: search commands) per run, or "auto" to spread the daily budget */
  itemsPerRun: z.union([z.number().int().min(1).max(100), z.literal('auto')]).default('auto'),
  /** defaults to trawlarr-<job id> */
  tag: z.string().regex(TAG_LABEL, 'tag may contain only a-z, 0-9 and -').max(64).optional(),
  /** remove the tag from every item when the cycle is complete and start the next one */
  unattended: z.boolean().default(true),
  /** a cycle never restarts sooner than this many days after it began */
  minCycleDays: z.number().min(0).max(365).default(0),
  filters: jobFiltersSchema.default({ qualityProfileIds: [], includeTags: [], excludeTags: [], statuses: [] }),
  order: z.enum(SEARCH_ORDERS).default('least-recently-searched'),
  /** Sonarr only */
  granularity: z.enum(GRANULARITIES).default('auto'),
  /** upgrade: also re-search items already at the profile's cutoff */
  includeAtCutoff: z.boolean().default(false),
  /** new-episodes: how far back "new" reaches */
  airedWithinHours: z.number().int().min(1).max(24 * 14).default(24),
  /** missing and new-episodes (Sonarr): leave just-aired episodes to RSS for this long */
  graceHours: z.number().min(0).max(24 * 7).default(3),
  /** refresh: refresh items not refreshed by this job for this many days */
  refreshAfterDays: z.number().int().min(1).max(365).default(30),
});
export type JobSettings = z.infer<typeof jobSchema>;
export type JobSettingsInput = z.input<typeof jobSchema>;

export const activeWindowSchema = z
  .object({ start: z.string().regex(HHMM, 'use HH:MM'), end: z.string().regex(HHMM, 'use HH:MM') })
  .refine((w) => w.start !== w.end, 'start and end must differ');
export type ActiveWindow = z.infer<typeof activeWindowSchema>;

/**
 * Radarr's support team asked search tools not to offer aggressive settings (in Huntarr's issues
 * #363 and #515 and Upgradinatorr's #74): the caps are hard limits, not defaults.
 */
export const LIMITS = { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2 } as const;

export const budgetSchema = z.object({
  maxPerHour: z.number().int().min(1).max(LIMITS.maxPerHour).default(10),
  maxPerDay: z.number().int().min(1).max(LIMITS.maxPerDay).default(100),
});

export const throughputSchema = budgetSchema.extend({
  /** seconds between two search commands of this instance */
  minGapSeconds: z.number().min(LIMITS.minGapSeconds).max(3600).default(5),
  /** local-time windows in which searching is allowed; empty = any time */
  activeHours: z.array(activeWindowSchema).default([]),
  /** do not search while the download queue holds more than this many items */
  queueLimit: z.number().int().min(0).max(10_000).default(20),
});
export type Throughput = z.infer<typeof throughputSchema>;

export const instanceSchema = z.object({
  id: idField('instance id'),
  name: z.string().trim().min(1, 'name is required').max(60),
  kind: z.enum(['radarr', 'sonarr']),
  url: z
    .string()
    .trim()
    .url('url must be a full address such as http://localhost:7878')
    .refine((u) => /^https?:\/\//i.test(u), 'url must start with http:// or https://'),
  /** the key itself, or env:VARIABLE to read it from the environment */
  apiKey: z.string().trim().min(1, 'API key is required'),
  /** accept a self-signed TLS certificate for this instance only */
  trustSelfSignedCert: z.boolean().default(false),
  enabled: z.boolean().default(true),
  /** share one budget with the other instances of this group (e.g. Radarr and Radarr 4K behind one Prowlarr) */
  budgetGroup: idField('budget group').optional(),
  throughput: throughputSchema.default({ maxPerHour: 10, maxPerDay: 100, minGapSeconds: 5, activeHours: [], queueLimit: 20 }),
  /** an item one job searched is skipped by the instance's other jobs for this many days (0: off; new-episodes is exempt) */
  crossJobWindowDays: z.number().int().min(0).max(365).default(7),
  jobs: z.array(jobSchema).default([]),
});
export type InstanceSettings = z.infer<typeof instanceSchema>;
export type InstanceSettingsInput = z.input<typeof instanceSchema>;

export const budgetGroupSchema = budgetSchema.extend({ id: idField('budget group id'), name: z.string().min(1) });
export type BudgetGroup = z.infer<typeof budgetGroupSchema>;

export const NOTIFICATION_KINDS = ['cycleComplete', 'grabs', 'instanceDown', 'budgetWarning'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const settingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    instances: z.array(instanceSchema).default([]),
    budgetGroups: z.array(budgetGroupSchema).default([]),
    /** which job runs first when several of one instance are due */
    jobPriority: z.array(z.enum(JOB_TYPES)).default([...JOB_TYPES]),
    /** warn when a cycle cannot finish within this many days */
    horizonDays: z.number().int().min(1).max(3650).default(90),
    historyRetentionDays: z.number().int().min(1).max(3650).default(180),
    notifications: z
      .object({
        cycleComplete: z.boolean().default(true),
        grabs: z.boolean().default(true),
        instanceDown: z.boolean().default(true),
        budgetWarning: z.boolean().default(true),
      })
      .default({ cycleComplete: true, grabs: true, instanceDown: true, budgetWarning: true }),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.instances.forEach((inst, i) => {
      if (seen.has(inst.id)) ctx.addIssue({ code: 'custom', path: ['instances', i, 'id'], message: `duplicate instance id "${inst.id}"` });
      seen.add(inst.id);
      if (inst.budgetGroup && !s.budgetGroups.some((g) => g.id === inst.budgetGroup)) {
        ctx.addIssue({ code: 'custom', path: ['instances', i, 'budgetGroup'], message: `unknown budget group "${inst.budgetGroup}"` });
      }
      const jobIds = new Set<string>();
      const tags = new Set<string>();
      inst.jobs.forEach((job, j) => {
        if (jobIds.has(job.id)) ctx.addIssue({ code: 'custom', path: ['instances', i, 'jobs', j, 'id'], message: `duplicate job id "${job.id}"` });
        jobIds.add(job.id);
        const tag = jobTag(job);
        if (tags.has(tag)) ctx.addIssue({ code: 'custom', path: ['instances', i, 'jobs', j, 'tag'], message: `tag "${tag}" is used by another job of this instance` });
        tags.add(tag);
        if (inst.kind === 'radarr' && SONARR_ONLY_JOBS.includes(job.type)) {
          ctx.addIssue({ code: 'custom', path: ['instances', i, 'jobs', j, 'type'], message: `${job.type} is a Sonarr job` });
        }
      });
    });
  });
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_INTERVAL: Record<JobType, string> = {
  'new-episodes': '1h',
  missing: '24h',
  'cutoff-unmet': '24h',
  upgrade: '168h',
  rename: '168h',
  refresh: '24h',
};

export function jobTag(job: Pick<JobSettings, 'id' | 'tag'>): string {
  return job.tag ?? `trawlarr-${job.id}`;
}

export function jobSchedule(job: Pick<JobSettings, 'type' | 'schedule'>): Schedule {
  return job.schedule ?? { every: DEFAULT_INTERVAL[job.type] };
}

/** A path such as ["instances", 0, "jobs", 1, "tag"] made readable, naming the instance and job by id. */
export function describeSettingsPath(path: readonly PropertyKey[], raw: unknown): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    if (typeof key === 'number' && next && typeof next === 'object' && typeof (next as { id?: unknown }).id === 'string') {
      parts[parts.length - 1] = `${parts[parts.length - 1]}["${(next as { id: string }).id}"]`;
    } else if (typeof key === 'number') {
      parts[parts.length - 1] = `${parts[parts.length - 1]}[${key}]`;
    } else {
      parts.push(String(key));
    }
    node = next;
  }
  return parts.join('.');
}
