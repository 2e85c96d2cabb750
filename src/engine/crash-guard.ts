/**
 * The last line of defence for secrets in crash output. Node's default handler for an uncaught
 * exception prints `util.inspect(error)`, which would show an HTTP client's request config and its
 * X-Api-Key header if such an error ever escaped the clients' own wrapping. The guard writes the
 * same report with every known key and every key-shaped assignment masked, then exits.
 */
import { inspect } from 'node:util';
import { scrubSecrets } from './config/redact';

/** EX_SOFTWARE: an internal error, distinct from the documented exit codes 0, 2 and 3. */
export const CRASH_EXIT = 70;

let secretsProvider: () => Iterable<string> = () => [];

/** Where the guard reads the keys to mask (the engine host's resolved keys, once it exists). */
export function setCrashSecrets(provider: () => Iterable<string>): void {
  secretsProvider = provider;
}

export function crashReport(error: unknown, secrets: Iterable<string>): string {
  return scrubSecrets(`trawlarr crashed: ${inspect(error, { depth: 6 })}`, [...secrets]);
}

export interface CrashGuardOptions {
  write: (text: string) => void;
  exit: (code: number) => void;
}

export function installCrashGuard(target: Pick<NodeJS.Process, 'on'>, options: CrashGuardOptions): void {
  const handle = (error: unknown) => {
    try {
      let secrets: Iterable<string> = [];
      try {
        secrets = secretsProvider();
      } catch {
        // a broken provider must not hide the crash; key-shaped text is still masked
      }
      options.write(crashReport(error, secrets));
    } finally {
      options.exit(CRASH_EXIT);
    }
  };
  target.on('uncaughtException', handle);
  target.on('unhandledRejection', handle);
}
