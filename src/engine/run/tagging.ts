/**
 * Adds or removes the job's tag through the bulk editor. The editors answer 500 and change nothing
 * when one id does not exist (spec/arr/NOTES.md §8), so an item deleted since it was listed must not cost
 * the others their tag: a failed small batch is split in halves until the bad ids are isolated; a
 * large batch (a cycle reset) is retried once with the ids that still exist.
 */
import { ArrError } from '../../arr';
import type { ArrPort } from './ports';

export interface TagResult {
  applied: number[];
  /** ids the app refused one by one: deleted since they were listed */
  missing: number[];
}

const BISECT_UP_TO = 32;
/** errors an unknown id produces (500 from BasicRepository.Get); anything else is not about one id */
const ID_ERRORS = new Set(['server-error', 'not-found', 'bad-request']);

export async function applyTag(client: ArrPort, ids: readonly number[], tagId: number, action: 'add' | 'remove'): Promise<TagResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { applied: [], missing: [] };
  try {
    await client.editTags(unique, [tagId], action);
    return { applied: unique, missing: [] };
  } catch (error) {
    if (!isIdError(error)) throw error;
    if (unique.length > BISECT_UP_TO) return retryWithExisting(client, unique, tagId, action, error);
    const result = await bisect(client, unique, tagId, action);
    if (result.applied.length === 0) throw error; // not one id went through: the editor itself is failing
    return result;
  }
}

function isIdError(error: unknown): error is ArrError {
  return error instanceof ArrError && ID_ERRORS.has(error.kind);
}

async function bisect(client: ArrPort, ids: number[], tagId: number, action: 'add' | 'remove'): Promise<TagResult> {
  if (ids.length === 1) {
    try {
      await client.editTags(ids, [tagId], action);
      return { applied: ids, missing: [] };
    } catch (error) {
      if (!isIdError(error)) throw error;
      return { applied: [], missing: ids };
    }
  }
  const half = Math.ceil(ids.length / 2);
  const parts: TagResult[] = [];
  for (const part of [ids.slice(0, half), ids.slice(half)]) {
    try {
      await client.editTags(part, [tagId], action);
      parts.push({ applied: part, missing: [] });
    } catch (error) {
      if (!isIdError(error)) throw error;
      parts.push(await bisect(client, part, tagId, action));
    }
  }
  return { applied: parts.flatMap((p) => p.applied), missing: parts.flatMap((p) => p.missing) };
}

async function retryWithExisting(client: ArrPort, ids: number[], tagId: number, action: 'add' | 'remove', original: ArrError): Promise<TagResult> {
  const listed = client.kind === 'radarr' ? await client.movies() : await client.series();
  const existing = new Set(listed.map((e) => e.id));
  const present = ids.filter((id) => existing.has(id));
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length === 0) throw original; // every id exists: the failure is not about ids
  if (present.length > 0) await client.editTags(present, [tagId], action);
  return { applied: present, missing };
}
