/**
 * Calls an AppService the way both transports do (contract validation of request and response,
 * through `dispatch`), and keeps every response so a test can check that none holds a key.
 * `dispatch` masks a key that slipped through as a last line of defence; the recorder counts such
 * redactions as failures too, since a correct backend never needs them.
 */
import { expect } from 'vitest';
import { dispatch, type AppService, type ChannelName, type ContractFailure, type RequestOf, type ResponseOf } from '../../../src/shared/contract';

export interface Caller {
  ok<C extends ChannelName>(name: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  fail<C extends ChannelName>(name: C, request: RequestOf<C>): Promise<ContractFailure>;
  /** every envelope so far, serialized, and the redactions dispatch had to make */
  transcript(): { texts: string[]; redactions: string[]; internal: string[] };
}

export function caller(service: AppService): Caller {
  const texts: string[] = [];
  const redactions: string[] = [];
  const internal: string[] = [];
  const call = async (name: ChannelName, request: unknown) => {
    const envelope = await dispatch(service, name, request, {
      onInternalError: (channel, error) => {
        const message = error instanceof Error ? error.message : String(error);
        (message.includes('API key was about to leave') ? redactions : internal).push(`${channel}: ${message}`);
      },
    });
    texts.push(JSON.stringify(envelope));
    return envelope;
  };
  return {
    async ok(name, request) {
      const envelope = await call(name, request);
      if (!envelope.ok) expect.fail(`${name} failed: ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value as never;
    },
    async fail(name, request) {
      const envelope = await call(name, request);
      if (envelope.ok) expect.fail(`${name} was expected to fail but returned ${JSON.stringify(envelope.value).slice(0, 300)}`);
      return envelope.error;
    },
    transcript: () => ({ texts, redactions, internal }),
  };
}
