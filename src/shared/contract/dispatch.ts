/**
 * Transport-independent request handling: validate the payload with the channel's schema, call the
 * service, validate the response (dropping anything the contract does not name) and wrap the result
 * in an envelope. Pure: the IPC and HTTP transports both call it.
 */
import { checkJsonValue, jsonPathText } from '../json-guard';
import { channels, events, isChannelName, isEventName, type ChannelName } from './channels';
import { describeIssues, issuesFromZod, ServiceError, type Envelope } from './errors';
import { redactSecrets } from './mask';
import type { AppService, BackendEvent } from './service';

export interface DispatchOptions {
  /** told about internal errors and redactions (never given a key: messages only) */
  onInternalError?: (channel: string, error: unknown) => void;
}

export async function dispatch(service: AppService, name: string, payload: unknown, options: DispatchOptions = {}): Promise<Envelope<unknown>> {
  if (!isChannelName(name)) return { ok: false, error: { code: 'not-found', message: `unknown channel "${name}"` } };
  const contract = channels[name];
  // no request field is called `__proto__` or `constructor`, none nests 32 deep: refused before zod walks it
  const shape = checkJsonValue(payload);
  if (shape) {
    const issues = [{ path: shape.path, field: shape.path.length ? jsonPathText(shape.path) : '(request)', message: shape.message }];
    return { ok: false, error: { code: 'invalid-request', message: `${name}: ${describeIssues(issues)}`, issues } };
  }
  const parsed = contract.request.safeParse(payload);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, payload);
    return { ok: false, error: { code: 'invalid-request', message: `${name}: ${describeIssues(issues)}`, issues } };
  }
  let result: unknown;
  try {
    const handler = service[name] as (request: unknown) => Promise<unknown>;
    result = await handler.call(service, parsed.data);
  } catch (error) {
    if (error instanceof ServiceError) {
      return { ok: false, error: scrubFailure(service, { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) }) };
    }
    options.onInternalError?.(name, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: scrubFailure(service, { code: 'internal', message: `${name} failed: ${message}` }) };
  }
  const checked = contract.response.safeParse(result);
  if (!checked.success) {
    const detail = describeIssues(issuesFromZod(checked.error, result));
    options.onInternalError?.(name, new Error(`response does not match the contract: ${detail}`));
    return { ok: false, error: { code: 'internal', message: `${name} failed: the backend's response does not match the contract (${detail})` } };
  }
  return { ok: true, value: scrub(service, checked.data, name, options) };
}

function scrub<T>(service: AppService, value: T, name: ChannelName | string, options: DispatchOptions): T {
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  const { text, redacted } = redactSecrets(json, service.secrets());
  if (!redacted) return value;
  options.onInternalError?.(name, new Error('a stored API key was about to leave in a response; it was masked'));
  return JSON.parse(text) as T;
}

function scrubFailure<T extends { message: string }>(service: AppService, failure: T): T {
  const { text } = redactSecrets(JSON.stringify(failure), service.secrets());
  return JSON.parse(text) as T;
}

/**
 * Validate (and strip) an event payload before a transport pushes it; undefined when it does not
 * match the contract (reported, not sent).
 */
export function prepareEvent(service: AppService, event: BackendEvent, options: DispatchOptions = {}): BackendEvent | undefined {
  if (!isEventName(event.event)) return undefined;
  const checked = events[event.event].safeParse(event.payload);
  if (!checked.success) {
    options.onInternalError?.(`event:${event.event}`, new Error(`event does not match the contract: ${describeIssues(issuesFromZod(checked.error, event.payload))}`));
    return undefined;
  }
  return { event: event.event, payload: scrub(service, checked.data, `event:${event.event}`, options) } as BackendEvent;
}
