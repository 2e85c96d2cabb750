/**
 * Reading response bodies that arrive as streams: whole small bodies, the head of error pages, and
 * the facts an error message needs from an error body (FluentValidation arrays, {message}, ProblemDetails).
 */
import { type Readable } from 'node:stream';
import { type ValidationFailure } from '../errors';

/** Reads up to `limit` bytes as UTF-8, then stops reading (the rest is discarded). */
export async function readText(body: Readable, limit = Infinity): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  const all = Buffer.concat(chunks);
  return all.toString('utf8', 0, Math.min(all.length, limit));
}

/** Reads and throws away the rest of a body (so a keep-alive socket can be reused). */
export async function drain(body: Readable): Promise<void> {
  for await (const _chunk of body) {
    // nothing: the editor's 202 echoes every updated item, which nobody here reads
  }
}

export function looksLikeHtml(contentType: string | undefined, head: string): boolean {
  return /text\/html|application\/xhtml/i.test(contentType ?? '') || /^\s*</.test(head);
}

/** The page's <title>, to tell the user which login page or proxy answered. */
export function htmlTitle(html: string): string {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  return m ? m[1].replace(/\s+/g, ' ').trim().slice(0, 80) : '';
}

export interface ErrorBody {
  failures: ValidationFailure[];
  /** {message}, {errorMessage} (503 while starting), ProblemDetails title, or the start of a plain-text body */
  message: string;
}

/** Understands the error body shapes of spec/arr/NOTES.md §4. Never returns `description` (a stack trace). */
export function parseErrorBody(text: string): ErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { failures: [], message: /^\s*</.test(text) ? '' : text.trim().slice(0, 200) };
  }
  if (Array.isArray(json)) {
    const failures = json
      .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
      .map((f) => ({ propertyName: String(f.propertyName ?? ''), errorMessage: String(f.errorMessage ?? '') }))
      .filter((f) => f.errorMessage);
    return { failures, message: '' };
  }
  if (typeof json === 'object' && json !== null) {
    const o = json as Record<string, unknown>;
    if (o.errors && typeof o.errors === 'object') {
      // ASP.NET model-binding ProblemDetails: {"errors":{"$.movieIds[0]":["..."]}}
      const failures = Object.entries(o.errors as Record<string, unknown>).flatMap(([propertyName, msgs]) =>
        (Array.isArray(msgs) ? msgs : [msgs]).map((m) => ({ propertyName, errorMessage: String(m) })),
      );
      return { failures, message: typeof o.title === 'string' ? o.title : '' };
    }
    for (const key of ['message', 'errorMessage', 'title']) {
      if (typeof o[key] === 'string') return { failures: [], message: o[key] as string };
    }
  }
  return { failures: [], message: '' };
}
