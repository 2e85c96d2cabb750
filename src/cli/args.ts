/**
 * Argument parsing for the headless command. Pure: returns a parsed command or a UsageError whose
 * message says exactly what is wrong, so `main.ts` can exit 2 with it.
 */
import { parseArgs } from 'node:util';
import { isLoopbackAddress } from '../server/hosts';

/** 4 came with retries: an app that answers with errors is not the same problem as one that cannot be reached. */
export const EXIT = { ok: 0, failure: 1, usage: 2, unreachable: 3, appError: 4 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type CliCommand =
  | { cmd: 'once'; config: string; dataDir: string; jobs: { instanceId: string; jobId: string }[]; dryRun: boolean; json: boolean }
  | { cmd: 'run'; config: string; dataDir: string; ui: boolean; port?: number; host?: string; allowRemote?: boolean; hostNames?: string[] }
  | { cmd: 'status'; dataDir: string; json: boolean }
  | { cmd: 'history'; dataDir: string; json: boolean; limit: number }
  | { cmd: 'ui-url'; dataDir: string; rotate: boolean }
  | { cmd: 'help' };

export const USAGE = `Usage:
  trawlarr once    --config FILE --data-dir DIR [--job INSTANCE_ID/JOB_ID]... [--dry-run] [--json]
  trawlarr run     --config FILE --data-dir DIR [--ui] [--port N] [--host ADDRESS --allow-remote] [--host-name NAME]...
                   --ui serves the settings window on 127.0.0.1 and prints a one-time login link (from
                   elsewhere: an SSH tunnel). A --host beyond this machine (e.g. 0.0.0.0) needs
                   --allow-remote: other machines may connect, the login is then the only gate, and
                   they must use the address bound (0.0.0.0: this machine's addresses) or a --host-name.
  trawlarr status  --data-dir DIR [--json]
  trawlarr history --data-dir DIR [--json] [--limit N]
  trawlarr ui-url  --data-dir DIR [--rotate]
                   prints a one-time link (10 minutes) that logs a browser in to the UI of "run --ui";
                   --rotate first replaces the secret kept in DIR/ui: every browser must log in again.

Exit codes: 0 success; 1 an unexpected error; 2 bad usage or config; 3 an instance unreachable
or its key rejected; 4 an instance answered with an error (a request still failing after its
retries, or a search command the app reported failed: its items are searched again later).`;

const OPTIONS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  job: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  ui: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'allow-remote': { type: 'boolean' },
  'host-name': { type: 'string', multiple: true },
  limit: { type: 'string' },
  rotate: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command accepts; anything else is a usage error naming the option. */
const ALLOWED: Record<Exclude<CliCommand['cmd'], 'help'>, readonly string[]> = {
  once: ['config', 'data-dir', 'job', 'dry-run', 'json'],
  run: ['config', 'data-dir', 'ui', 'port', 'host', 'allow-remote', 'host-name'],
  status: ['data-dir', 'json'],
  history: ['data-dir', 'json', 'limit'],
  'ui-url': ['data-dir', 'rotate'],
};

export function parseCli(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { cmd: 'help' };
  const [cmd, ...extra] = positionals;
  if (!(cmd in ALLOWED)) throw new UsageError(`unknown command "${cmd}"; expected once, run, status, history or ui-url`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const name = cmd as keyof typeof ALLOWED;
  for (const key of Object.keys(values)) {
    if (key !== 'help' && !ALLOWED[name].includes(key)) throw new UsageError(`--${key} is not an option of "${name}"`);
  }
  const dataDir = required(values['data-dir'], '--data-dir');
  switch (name) {
    case 'once':
      return {
        cmd: 'once',
        config: required(values.config, '--config'),
        dataDir,
        jobs: (values.job ?? []).map(parseJobRef),
        dryRun: values['dry-run'] ?? false,
        json: values.json ?? false,
      };
    case 'run':
      if (values.port !== undefined && !values.ui) throw new UsageError('--port needs --ui');
      if (values.host !== undefined && !values.ui) throw new UsageError('--host needs --ui');
      checkRemote(values.host, values['allow-remote'] ?? false, values['host-name'], values.ui ?? false);
      return {
        cmd: 'run',
        config: required(values.config, '--config'),
        dataDir,
        ui: values.ui ?? false,
        port: values.port === undefined ? undefined : integer(values.port, '--port', 0, 65535),
        host: values.host,
        allowRemote: values['allow-remote'] ?? false,
        hostNames: values['host-name'] ?? [],
      };
    case 'status':
      return { cmd: 'status', dataDir, json: values.json ?? false };
    case 'history':
      return { cmd: 'history', dataDir, json: values.json ?? false, limit: values.limit === undefined ? 20 : integer(values.limit, '--limit', 1, 100_000) };
    case 'ui-url':
      return { cmd: 'ui-url', dataDir, rotate: values.rotate ?? false };
  }
}

/** Binding beyond loopback is an explicit choice: the login (link, then session cookie) becomes the only gate. */
function checkRemote(host: string | undefined, allowRemote: boolean, hostNames: string[] | undefined, ui: boolean): void {
  if (hostNames !== undefined && !ui) throw new UsageError('--host-name needs --ui');
  for (const name of hostNames ?? []) {
    if (!/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(name)) throw new UsageError(`--host-name must be a host name or address as browsers send it (e.g. nas.lan, 192.168.1.20, [fd00::2]), not "${name}"`);
  }
  if (allowRemote && host === undefined) throw new UsageError('--allow-remote needs --host ADDRESS (e.g. --host 0.0.0.0)');
  if (host !== undefined && !isLoopbackAddress(host) && !allowRemote) {
    throw new UsageError(`--host ${host} is not a loopback address: add --allow-remote to serve the UI to other machines (the login is then the only gate)`);
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

function parseJobRef(text: string): { instanceId: string; jobId: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  if (!m) throw new UsageError(`--job must be INSTANCE_ID/JOB_ID, not "${text}"`);
  return { instanceId: m[1], jobId: m[2] };
}
