/**
 * Exit codes and messages of the headless command: 0 success, 2 bad usage or config (the message
 * names the option, file and field), 3 an instance unreachable or its key rejected (the message
 * names the instance, never the key), 1 anything else.
 */
import type { ArrError } from '../arr';
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
  return EXIT.failure;
}

/** The line printed for an error; key-shaped text is scrubbed once more. */
export function messageOf(error: unknown, secrets: readonly string[] = []): string {
  const text = error instanceof UsageError ? `${error.message}\nRun "trawlarr --help" for usage.` : error instanceof Error ? error.message : String(error);
  return scrubSecrets(text, [...secrets]);
}

/** A connection failure names the instance by its id too (the client's message names it by its name). */
export function connectionMessage(instanceId: string, error: ArrError): string {
  return `instance "${instanceId}": ${error.message}`;
}
