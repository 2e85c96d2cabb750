/**
 * Exit codes and messages of the headless command: 0 success, 2 bad usage or config (the message
 * names the option, file and field), 3 an instance unreachable or its key rejected (the message
 * names the instance, never the key), 4 an instance answered with an error (a request that failed
 * after its retries, a failed search command), 1 anything else.
 */
import { ArrError } from '../arr';
import type { InstanceSettings } from '../shared/settings';
import { instanceLabel } from '../shared/words';
import { ConfigError, scrubSecrets } from '../engine/config';
import { isConnectionFailure } from '../engine/host';
import { EXIT, UsageError } from './args';

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof CliFailure) return error.code;
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT.usage;
  if (isConnectionFailure(error)) return EXIT.unreachable;
  if (error instanceof ArrError) return EXIT.appError;
  return EXIT.failure;
}

/** The line printed for an error; key-shaped text is scrubbed once more. */
export function messageOf(error: unknown, secrets: readonly string[] = []): string {
  const text = error instanceof UsageError ? `${error.message}\nRun "trawlarr --help" for usage.` : error instanceof Error ? error.message : String(error);
  return scrubSecrets(text, [...secrets]);
}

/**
 * A line about one instance, naming it once, as the config errors do: `instance "id" (name): …`.
 * The clients' messages start with the instance's label (`Home Radarr: `, `Radarr "4K": `, see
 * instanceLabel), which this replaces rather than repeats.
 */
export function instanceLine(instance: Pick<InstanceSettings, 'id' | 'name' | 'kind'>, message: string, jobId?: string): string {
  const clientPrefix = `${instanceLabel(instance.kind, instance.name)}: `;
  const text = message.startsWith(clientPrefix) ? message.slice(clientPrefix.length) : message;
  return `instance "${instance.id}"${instance.name === instance.id ? '' : ` (${instance.name})`}: ${jobId ? `${jobId}: ` : ''}${text}`;
}
