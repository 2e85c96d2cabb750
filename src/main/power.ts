/**
 * Sleep and resume: after the machine wakes, the scheduler's resume hook lets each overdue job run
 * once (never a burst of missed runs). Pure: powerMonitor is injected.
 */

export interface PowerEvents {
  on(event: 'resume' | 'suspend', listener: () => void): unknown;
  removeListener(event: 'resume' | 'suspend', listener: () => void): unknown;
}

export interface PowerHooks {
  onResume(): void;
  onSuspend?(): void;
}

export function watchPower(power: PowerEvents, hooks: PowerHooks, log: (line: string) => void = () => {}): () => void {
  const resume = () => {
    log('system resumed: catching up overdue jobs once');
    try {
      hooks.onResume();
    } catch (error) {
      log(`resume hook failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const suspend = () => hooks.onSuspend?.();
  power.on('resume', resume);
  power.on('suspend', suspend);
  return () => {
    power.removeListener('resume', resume);
    power.removeListener('suspend', suspend);
  };
}
