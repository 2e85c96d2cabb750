/**
 * Step 2, the app's lifecycle, registered before 'ready' so no event is missed. Quitting: Electron
 * emits before-quit, then asks every window to close (a page with unsaved changes may refuse, and
 * then the quit is cancelled), then will-quit. So the desktop is torn down in will-quit, when
 * nothing refused; tearing down in before-quit left a window without IPC and, once it closed, a
 * process with no tray and no window that still held the single-instance lock.
 */
import { app } from 'electron';
import { HIDDEN_ARG } from '../login-item';

export interface LifecycleTarget {
  openWindow(): void;
  /** stop the engine and let go of the tray; the process exits after */
  shutdown(): Promise<void>;
}

export function watchLifecycle(log: (line: string) => void): { attach(desktop: LifecycleTarget): void } {
  let desktop: LifecycleTarget | undefined;
  let shutdown: Promise<void> | undefined;
  let down = false;
  // a second launch by hand shows the window (before the desktop exists there is nothing to show
  // yet); a second start at login does not
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(HIDDEN_ARG)) desktop?.openWindow();
  });
  // the app lives in the tray: closing the settings window does not quit
  app.on('window-all-closed', () => {});
  app.on('will-quit', (event) => {
    if (!desktop || down) return;
    event.preventDefault();
    shutdown ??= desktop
      .shutdown()
      .catch((error: unknown) => log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        down = true;
        app.quit();
      });
  });
  return {
    attach(target) {
      desktop = target;
    },
  };
}
