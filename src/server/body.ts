/**
 * Request bodies of the browser mode's API, read with limits: the API only ever receives small
 * settings documents, so a body over its channel's limit is refused as soon as it is known to be
 * (from Content-Length, or when the bytes read pass the limit), and reading stops right there:
 * the socket is paused and then closed, never drained. A body that stops arriving is dropped
 * after an idle time, so a slow client cannot hold a request open.
 */
import type { IncomingMessage } from 'node:http';
import { IMPORT_MAX_CHARS } from '../shared/contract';

/** Every channel but the import: drafts of one instance, job or budget are a few kB at most. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * The import carries the file as a JSON string: escaping at most doubles each byte of a valid
 * JSON file (`"` → `\"`, a newline → `\n`; other characters stay as they are), plus the wrapper.
 */
export const IMPORT_BODY_LIMIT = 2 * IMPORT_MAX_CHARS + 1024;

export function bodyLimitFor(channel: string, cap?: number): number {
  const limit = channel === 'importSettings' ? IMPORT_BODY_LIMIT : DEFAULT_BODY_LIMIT;
  return cap === undefined ? limit : Math.min(limit, cap);
}

export type BodyResult = { ok: true; text: string } | { ok: false; status: 408 | 413; message: string };

const TOO_LARGE = { ok: false, status: 413, message: 'request body too large' } as const;
const TOO_SLOW = { ok: false, status: 408, message: 'request body too slow: nothing arrived for a while' } as const;

/** True when the request says it carries a body (a refusal must then close the connection instead of reading it). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Stops reading from the connection: what the client still sends stays in the kernel's buffers until the socket is closed. */
export function stopReading(req: IncomingMessage): void {
  req.pause();
  req.socket.pause();
}

export function readBody(req: IncomingMessage, limit: number, idleMs: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    stopReading(req);
    return Promise.resolve(TOO_LARGE);
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      clearTimeout(idle);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      resolveBody(result);
    };
    const refuse = (result: BodyResult) => {
      stopReading(req);
      finish(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return refuse(TOO_LARGE);
      chunks.push(chunk);
      idle.refresh();
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    const onError = (error: Error) => {
      clearTimeout(idle);
      reject(error);
    };
    const idle = setTimeout(() => refuse(TOO_SLOW), idleMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
