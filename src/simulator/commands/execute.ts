/** Runs a command when it completes; throws (→ status failed) where the real app would. */
import type { SimState } from '../state.js';
import type { CommandRec } from './queue.js';
import { executeRadarr } from './execute-radarr.js';
import { executeSonarr } from './execute-sonarr.js';

export function executeCommand(sim: SimState, cmd: CommandRec): string {
  return (sim.app === 'radarr' ? executeRadarr : executeSonarr)(sim, cmd) ?? 'Completed';
}

/** BasicRepository.Get(ids) throws unless every id exists exactly once. */
export function requireAll<T>(map: Map<number, T>, ids: number[]): T[] {
  const found = [...new Set(ids)].map((id) => map.get(id)).filter((x): x is T => x !== undefined);
  if (found.length !== ids.length) throw new Error(`Expected query to return ${ids.length} rows but returned ${found.length}`);
  return found;
}
