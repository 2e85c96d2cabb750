/**
 * Registers one invoke handler per contract channel on an ipcMain-like registry. Each handler
 * refuses untrusted senders, then validates the payload and calls the service through the shared
 * dispatch (the same path as the HTTP transport). Pure: tests pass a fake registry.
 */
import { CHANNEL_NAMES, dispatch, ipcChannel, type AppService, type Envelope } from '../../shared/contract';
import type { SenderInfo } from './sender-guard';

export interface InvokeRegistry<E extends SenderInfo> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface ContractHandlersOptions<E extends SenderInfo> {
  registry: InvokeRegistry<E>;
  service: AppService;
  /** returns why a sender is refused, undefined when trusted */
  guard: (event: E) => string | undefined;
  /** refusals and internal errors (messages only, never a key) */
  log?: (line: string) => void;
}

/** Registers every channel; returns a function that removes the handlers again. */
export function registerContractHandlers<E extends SenderInfo>(options: ContractHandlersOptions<E>): () => void {
  const log = options.log ?? (() => {});
  for (const name of CHANNEL_NAMES) {
    options.registry.handle(ipcChannel(name), async (event, ...args): Promise<Envelope<unknown>> => {
      const refusal = options.guard(event);
      if (refusal) {
        log(`${name}: ${refusal}`);
        return { ok: false, error: { code: 'forbidden', message: refusal } };
      }
      if (args.length > 1) return { ok: false, error: { code: 'invalid-request', message: `${name}: expected one request object, got ${args.length} arguments` } };
      return dispatch(options.service, name, args[0], { onInternalError: (channel, error) => log(`${channel}: ${error instanceof Error ? error.message : String(error)}`) });
    });
  }
  return () => {
    for (const name of CHANNEL_NAMES) options.registry.removeHandler(ipcChannel(name));
  };
}
