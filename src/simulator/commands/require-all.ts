/**
 * BasicRepository.Get(ids) throws unless every id exists exactly once (spec/arr/NOTES.md §8): the
 * commands that load a list of movies or series this way fail as a whole on an unknown or
 * repeated id. Used by the Radarr and Sonarr executors, so it is not in execute.ts, the
 * dispatcher that imports them.
 */
export function requireAll<T>(map: Map<number, T>, ids: number[]): T[] {
  const found = [...new Set(ids)].map((id) => map.get(id)).filter((x): x is T => x !== undefined);
  if (found.length !== ids.length) throw new Error(`Expected query to return ${ids.length} rows but returned ${found.length}`);
  return found;
}
