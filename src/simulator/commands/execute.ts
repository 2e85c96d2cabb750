/** Runs a command when it completes; throws (→ status failed) where the real app would. */
import type { SimState } from '../state';
import type { CommandRec } from './record';
import { executeRadarr } from './execute-radarr';
import { executeSonarr } from './execute-sonarr';

export function executeCommand(sim: SimState, cmd: CommandRec): string {
  return (sim.app === 'radarr' ? executeRadarr : executeSonarr)(sim, cmd) ?? 'Completed';
}
