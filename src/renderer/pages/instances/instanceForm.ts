/**
 * The instance form's model: what the fields hold, how it becomes a saveInstance request, and its
 * validation (the contract's own schema, plus what only the form knows: a key is required for a new
 * instance and for an edited address, ids are unique).
 */
import { ContractError } from '../../../shared/contract/errors';
import { sameKeyAddress } from '../../../shared/contract/key-address';
import { SAVE_ANYWAY_PATH, instanceDraftSchema, type InstanceDraft, type MaskedInstance } from '../../../shared/contract/settings-schemas';
import { fieldErrors, type FieldErrors } from '../../forms/issues';

export interface InstanceFormValues {
  id: string;
  name: string;
  kind: 'radarr' | 'sonarr';
  url: string;
  /** typed by the user; empty = keep the stored key (when editing) */
  apiKey: string;
  trustSelfSignedCert: boolean;
  enabled: boolean;
  /** '' = no budget group */
  budgetGroup: string;
  /** days an item one job searched is skipped by the instance's other jobs (0: off) */
  crossJobWindowDays: number;
  /** a new instance: start with the default jobs (the backend ignores it for an existing one) */
  defaultJobs: boolean;
}

export const DEFAULT_URL = { radarr: 'http://localhost:7878', sonarr: 'http://localhost:8989' } as const;

/** What the backend gives a new instance (engine/host/default-jobs.ts), said before it is added. */
export const NEW_INSTANCE_JOBS = {
  radarr: 'Missing and Cutoff unmet search right away; Upgrade is added but off until you turn it on (Jobs page).',
  sonarr: 'New episodes, Missing and Cutoff unmet search right away; Upgrade is added but off until you turn it on (Jobs page).',
} as const;

export function emptyInstance(kind: 'radarr' | 'sonarr' = 'radarr'): InstanceFormValues {
  return { id: '', name: '', kind, url: DEFAULT_URL[kind], apiKey: '', trustSelfSignedCert: false, enabled: true, budgetGroup: '', crossJobWindowDays: 7, defaultJobs: true };
}

export function fromInstance(inst: MaskedInstance): InstanceFormValues {
  return {
    id: inst.id,
    name: inst.name,
    kind: inst.kind,
    url: inst.url,
    apiKey: '',
    trustSelfSignedCert: inst.trustSelfSignedCert,
    enabled: inst.enabled,
    budgetGroup: inst.budgetGroup ?? '',
    crossJobWindowDays: inst.crossJobWindowDays,
    defaultJobs: false,
  };
}

/** "Radarr 4K" → "radarr-4k": a valid id derived from the name until the user types their own. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: "é" → "e"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function toDraft(v: InstanceFormValues, options: { saveAnyway?: boolean } = {}): InstanceDraft {
  return {
    ...(options.saveAnyway ? { saveAnyway: true } : {}),
    ...(v.defaultJobs ? {} : { startWithDefaultJobs: false }),
    id: v.id,
    name: v.name,
    kind: v.kind,
    url: v.url,
    trustSelfSignedCert: v.trustSelfSignedCert,
    enabled: v.enabled,
    crossJobWindowDays: v.crossJobWindowDays,
    ...(v.budgetGroup ? { budgetGroup: v.budgetGroup } : {}),
    ...(v.apiKey.trim() ? { apiKey: v.apiKey } : {}),
  };
}

/** The backend keeps a stored key only at the address it was saved with (key-address.ts): asked for again after an address edit. */
export const KEY_FOR_NEW_ADDRESS = 'the address changed: type the API key again';

/** Editing an instance whose stored key would not follow the edited address. */
export function addressNeedsKey(v: InstanceFormValues, storedUrl: string | undefined): boolean {
  return storedUrl !== undefined && !v.apiKey.trim() && !sameKeyAddress(storedUrl, v.url);
}

export function validateInstance(v: InstanceFormValues, ctx: { isNew: boolean; existingIds: readonly string[]; storedUrl?: string }): FieldErrors {
  const parsed = instanceDraftSchema.safeParse(toDraft(v));
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (ctx.isNew && !v.apiKey.trim() && !errors.apiKey) errors.apiKey = 'API key is required: find it in Settings → General of the instance';
  if (!ctx.isNew && !errors.url && !errors.apiKey && addressNeedsKey(v, ctx.storedUrl)) errors.apiKey = KEY_FOR_NEW_ADDRESS;
  if (ctx.isNew && ctx.existingIds.includes(v.id) && !errors.id) errors.id = `an instance with id "${v.id}" already exists`;
  return errors;
}

/**
 * The backend refused a save because the instance did not answer its connection test: the reason,
 * for the form to show beside "Save anyway". Undefined for any other failure (a bad field, or
 * Trawlarr itself unreachable), which "Save anyway" could not help.
 */
export function connectionRefusal(err: unknown): string | undefined {
  return err instanceof ContractError ? err.issueFor(SAVE_ANYWAY_PATH) : undefined;
}
