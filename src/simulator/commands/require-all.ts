/**
 * BasicRepository.Get(ids) throws unless every id exists exactly once (spec/arr/NOTES.md §8):
 * both apps' search commands load their items this way, so an unknown or repeated id fails the
 * whole command. Shared by the Radarr and Sonarr executors, which is why it is not in execute.ts
 * (the dispatcher that imports them).
 */
export function requireAll<T>(map: Map<number, T>, ids: number[]): T[] {
  const found = [...new Set(ids)].map((id) => map.get(id)).filter((x): x is T => x !== undefined);
  if (found.length !== ids.length) throw new Error(`Expected query to return ${ids.length} rows but returned ${found.length}`);
  return found;
}
