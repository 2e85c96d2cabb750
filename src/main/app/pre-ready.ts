/**
 * Step 1, before 'ready': what Electron accepts only then. Crash output never shows a key (the
 * engine's keys are registered once it exists), every renderer is sandboxed, and app:// is a
 * standard, secure scheme (privileges can be registered only before 'ready').
 */
import { app } from 'electron';
import { installCrashGuard } from '../../engine/crash-guard';
import { registerAppSchemePrivileges } from '../windows/electron-protocol';

export function applyPreReadySecurity(): void {
  installCrashGuard(process, { write: (text) => console.error(text), exit: (code) => app.exit(code) });
  app.enableSandbox();
  registerAppSchemePrivileges();
}
