/**
 * Settings edits from the UI's drafts: each returns the next settings document (not yet validated)
 * and says where the edited part sits, so a validation failure names the form's field
 * (`url`, `job.tag`) as well as the setting (`instances["radarr"].url`).
 */
import { describeIssues, ServiceError, type ContractIssue } from '../../shared/contract/errors';
import { ENV_REFERENCE_INPUT_MESSAGE, isEnvReferenceInput, keyNeededMessage, sameKeyAddress } from '../../shared/contract/key-address';
import type { AppSettingsPatch, InstanceDraft } from '../../shared/contract/settings-schemas';
import { defaultJobs } from './default-jobs';
import { describeSettingsPath, settingsSchema, type BudgetGroup, type JobSettings, type Settings, type Throughput } from '../../shared/settings';

type Path = readonly (string | number)[];

/** Maps a path in the settings to the path in the request that edited it (undefined: not part of it). */
export type Relate = (path: Path) => (string | number)[] | undefined;

export interface Edit {
  settings: unknown;
  relate?: Relate;
}

/** Validates a whole settings document; a ServiceError lists every problem with its field. */
export function validSettings(raw: unknown, relate: Relate = () => undefined): Settings {
  const result = settingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues: ContractIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { path: relate(path) ?? path, field: path.length ? describeSettingsPath(path, raw) : '(settings)', message: issue.message };
  });
  throw new ServiceError('invalid-request', describeIssues(issues), issues);
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not-found', what);
}

export function instanceIndex(settings: Settings, instanceId: string): number {
  const index = settings.instances.findIndex((i) => i.id === instanceId);
  if (index < 0) throw notFound(`no instance "${instanceId}"`);
  return index;
}

const under = (prefix: Path, to: (string | number)[]): Relate => (path) =>
  prefix.every((p, i) => path[i] === p) && path.length > prefix.length ? [...to, ...path.slice(prefix.length)] : undefined;

/** A refused `apiKey` field of the instance form. */
export function apiKeyIssue(message: string): ServiceError {
  return new ServiceError('invalid-request', `apiKey: ${message}`, [{ path: ['apiKey'], field: 'apiKey', message }]);
}

/**
 * Create or update an instance; its jobs and throughput stay. The key is write-only: omitted = keep,
 * but only at the same address (key-address.ts): a UI that could move the stored key (or an `env:`
 * reference) to another URL could make the engine send it anywhere.
 */
export function saveInstanceEdit(settings: Settings, draft: InstanceDraft): Edit {
  const index = settings.instances.findIndex((i) => i.id === draft.id);
  const existing = index >= 0 ? settings.instances[index] : undefined;
  // the contract refuses this already; checked again for callers that skip it
  if (draft.apiKey !== undefined && isEnvReferenceInput(draft.apiKey)) throw apiKeyIssue(ENV_REFERENCE_INPUT_MESSAGE);
  if (existing && draft.apiKey === undefined && !sameKeyAddress(existing.url, draft.url)) throw apiKeyIssue(keyNeededMessage(existing, draft.url));
  const apiKey = draft.apiKey ?? existing?.apiKey;
  if (!apiKey) {
    throw new ServiceError('invalid-request', 'apiKey: API key is required for a new instance', [{ path: ['apiKey'], field: 'apiKey', message: 'API key is required' }]);
  }
  const { apiKey: _typed, budgetGroup, saveAnyway: _anyway, startWithDefaultJobs, ...fields } = draft;
  const instance = { ...(existing ?? { jobs: startWithDefaultJobs === false ? [] : defaultJobs(draft.kind) }), ...fields, apiKey, budgetGroup };
  if (budgetGroup === undefined) delete instance.budgetGroup;
  const instances = existing ? settings.instances.map((i, n) => (n === index ? instance : i)) : [...settings.instances, instance];
  const at = existing ? index : settings.instances.length;
  return { settings: { ...settings, instances }, relate: under(['instances', at], []) };
}

export function removeInstanceEdit(settings: Settings, instanceId: string): Edit {
  instanceIndex(settings, instanceId);
  return { settings: { ...settings, instances: settings.instances.filter((i) => i.id !== instanceId) } };
}

export function saveJobEdit(settings: Settings, instanceId: string, job: JobSettings): Edit {
  const i = instanceIndex(settings, instanceId);
  const inst = settings.instances[i];
  const j = inst.jobs.findIndex((x) => x.id === job.id);
  const jobs = j >= 0 ? inst.jobs.map((x, n) => (n === j ? job : x)) : [...inst.jobs, job];
  return { settings: withInstance(settings, i, { ...inst, jobs }), relate: under(['instances', i, 'jobs', j >= 0 ? j : inst.jobs.length], ['job']) };
}

export function removeJobEdit(settings: Settings, instanceId: string, jobId: string): Edit {
  const i = instanceIndex(settings, instanceId);
  const inst = settings.instances[i];
  if (!inst.jobs.some((j) => j.id === jobId)) throw notFound(`no job "${jobId}" on instance "${instanceId}"`);
  return { settings: withInstance(settings, i, { ...inst, jobs: inst.jobs.filter((j) => j.id !== jobId) }) };
}

export function saveThroughputEdit(settings: Settings, instanceId: string, throughput: Throughput): Edit {
  const i = instanceIndex(settings, instanceId);
  return { settings: withInstance(settings, i, { ...settings.instances[i], throughput }), relate: under(['instances', i, 'throughput'], ['throughput']) };
}

export function saveBudgetGroupEdit(settings: Settings, group: BudgetGroup): Edit {
  const g = settings.budgetGroups.findIndex((x) => x.id === group.id);
  const budgetGroups = g >= 0 ? settings.budgetGroups.map((x, n) => (n === g ? group : x)) : [...settings.budgetGroups, group];
  return { settings: { ...settings, budgetGroups }, relate: under(['budgetGroups', g >= 0 ? g : settings.budgetGroups.length], ['group']) };
}

/** Removes a budget group; its instances go back to their own throughput limits. */
export function removeBudgetGroupEdit(settings: Settings, groupId: string): Edit {
  if (!settings.budgetGroups.some((g) => g.id === groupId)) throw notFound(`no budget group "${groupId}"`);
  const instances = settings.instances.map((inst) => {
    if (inst.budgetGroup !== groupId) return inst;
    const { budgetGroup: _dropped, ...rest } = inst;
    return rest;
  });
  return { settings: { ...settings, instances, budgetGroups: settings.budgetGroups.filter((g) => g.id !== groupId) } };
}

export function appSettingsEdit(settings: Settings, patch: AppSettingsPatch): Edit {
  const next: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return { settings: next, relate: (path) => (typeof path[0] === 'string' && path[0] in patch ? [...path] : undefined) };
}

function withInstance(settings: Settings, index: number, instance: unknown): unknown {
  return { ...settings, instances: settings.instances.map((x, n) => (n === index ? instance : x)) };
}
