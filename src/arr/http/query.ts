/**
 * Query strings as Radarr/Sonarr bind them: list parameters use the repeated-key form
 * (`?movieId=1&movieId=2`, spec/arr/NOTES.md §1). Sonarr v3 (Nancy) wanted them comma-joined instead.
 */
export type QueryValue = string | number | boolean | undefined | readonly number[];
export type Query = Record<string, QueryValue>;
export type ListStyle = 'repeat' | 'comma';

export function queryString(query: Query | undefined, lists: ListStyle = 'repeat'): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (lists === 'comma') params.append(key, value.join(','));
      else for (const item of value) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
