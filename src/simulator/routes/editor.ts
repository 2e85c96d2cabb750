/** Bulk-editor rules shared by /movie/editor and /series/editor (spec/arr/NOTES.md §8). */
import { serverError } from '../http/errors';
import { enumField, intArrayField } from './util';

const APPLY_TAGS = ['add', 'remove', 'replace'] as const;

/**
 * The ids, or the upstream failure: null ids → NullReferenceException (500); an unknown or repeated
 * id → BasicRepository.Get "Expected query to return N rows but returned M" (500) before any change.
 */
export function editorIds(body: Record<string, unknown>, name: string, items: Map<number, unknown>): number[] {
  const ids = intArrayField(body, name);
  if (ids === null || ids === undefined) throw serverError('Object reference not set to an instance of an object.', 'System.NullReferenceException');
  const found = new Set(ids.filter((id) => items.has(id))).size;
  if (found !== ids.length) throw serverError(`Expected query to return ${ids.length} rows but returned ${found}`);
  return ids;
}

/** applyTags defaults to add; the edit applies only when tags is non-null; tag ids are not checked. */
export function applyTagEdit(body: Record<string, unknown>, item: { tags: number[] }): void {
  const tags = intArrayField(body, 'tags');
  if (tags === null || tags === undefined) return;
  const mode = enumField(body, 'applyTags', APPLY_TAGS) ?? 'add';
  if (mode === 'add') item.tags = [...new Set([...item.tags, ...tags])];
  else if (mode === 'remove') item.tags = item.tags.filter((t) => !tags.includes(t));
  else item.tags = [...new Set(tags)];
}

/** Validates the whole body before the first change, so a bad field never leaves a half-applied edit. */
export function preflightTags(body: Record<string, unknown>): void {
  intArrayField(body, 'tags');
  enumField(body, 'applyTags', APPLY_TAGS);
}
