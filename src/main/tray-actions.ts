/** What a tray menu click does, routed through the same AppService the settings window uses. */
import type { AppService, NavigateTarget } from '../shared/contract';
import type { TrayAction } from './tray/menu-model';

export interface TrayActionDeps {
  service: AppService;
  openSettings(target?: NavigateTarget): void;
  toggleLaunchAtLogin(): Promise<void>;
  quit(): void;
  log(line: string): void;
}

export async function performTrayAction(action: TrayAction, deps: TrayActionDeps): Promise<void> {
  const failed =
    (what: string) =>
    (error: unknown): undefined => {
      deps.log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    };
  switch (action.type) {
    case 'run-now': {
      const result = await deps.service.runJobNow({ instanceId: action.instanceId, jobId: action.jobId }).catch(failed('run now'));
      // a run that waits says so: the tooltip shows it too, the log keeps it
      if (result && (!result.started || result.outcome === 'waits')) deps.log(`run now ${action.instanceId}/${action.jobId}: ${result.message}`);
      return;
    }
    case 'start-next-cycle': {
      const result = await deps.service.startNextCycle({ instanceId: action.instanceId, jobId: action.jobId }).catch(failed('start the next cycle'));
      if (result && !result.started) deps.log(`start the next cycle ${action.instanceId}/${action.jobId}: ${result.message}`);
      return;
    }
    case 'set-paused':
      await deps.service.setPaused({ target: action.target, paused: action.paused }).catch(failed(action.paused ? 'pause' : 'resume'));
      return;
    case 'open-settings':
      deps.openSettings(action.target);
      return;
    case 'toggle-launch-at-login':
      await deps.toggleLaunchAtLogin().catch(failed('launch at login'));
      return;
    case 'quit':
      deps.quit();
      return;
  }
}
