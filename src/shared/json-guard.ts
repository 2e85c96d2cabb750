/**
 * Limits for JSON written by a user (the settings file, an imported file, an API request body):
 *  - a nesting depth, checked on the text before `JSON.parse` (which takes about a second per
 *    million levels and blocks the event loop meanwhile) and on parsed values before anything
 *    recursive (zod, structuredClone, the unknown-field walk) can overflow the stack;
 *  - no key that names a property of Object.prototype (`__proto__`, `constructor`, `toString`…):
 *    no setting or request field is called that, and such a key either slips past an `in` check
 *    or, copied with a plain assignment, replaces an object's prototype.
 * Both checks are iterative and linear; pure (no Node), so the renderer may use them too.
 */

/** Settings nest 7 levels deep, API requests 4: 32 leaves room and stays far from any stack limit. */
export const MAX_JSON_DEPTH = 32;

export type JsonPath = (string | number)[];

export interface JsonProblem {
  /** where: the container holding the reserved key, or the one nested too deep */
  path: JsonPath;
  message: string;
}

const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);

export const tooDeepMessage = (maxDepth: number): string => `nested deeper than ${maxDepth} levels`;

/**
 * The first place where `text` nests deeper than `maxDepth` (objects and arrays), with its line
 * and column; undefined when it does not. Not a JSON validator: only strings, brackets and
 * commas are looked at, so malformed text is left for JSON.parse to describe.
 */
export function scanJsonDepth(text: string, maxDepth = MAX_JSON_DEPTH): (JsonProblem & { line: number; column: number }) | undefined {
  // per open container: '{' or '[', the array index, or where its current key's string starts and ends
  const kinds: number[] = [];
  const indexes: number[] = [];
  const keyStarts: number[] = [];
  const keyEnds: number[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i = stringEnd(text, i);
      if (expectKey) {
        keyStarts[kinds.length - 1] = start;
        keyEnds[kinds.length - 1] = i + 1;
        expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (kinds.length >= maxDepth) return { path: pathOf(text, kinds, indexes, keyStarts, keyEnds), message: tooDeepMessage(maxDepth), ...lineAndColumn(text, i) };
      kinds.push(c);
      indexes.push(0);
      keyStarts.push(-1);
      keyEnds.push(-1);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      kinds.pop();
      indexes.pop();
      keyStarts.pop();
      keyEnds.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */ && kinds.length > 0) {
      if (kinds[kinds.length - 1] === 0x5b) indexes[indexes.length - 1]++;
      else expectKey = true;
    }
  }
  return undefined;
}

/** The index of the quote closing the string opened at `open` (or the text's end). */
function stringEnd(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

function pathOf(text: string, kinds: number[], indexes: number[], keyStarts: number[], keyEnds: number[]): JsonPath {
  return kinds.map((kind, n) => {
    if (kind === 0x5b) return indexes[n];
    if (keyStarts[n] < 0) return '?';
    try {
      return String(JSON.parse(text.slice(keyStarts[n], keyEnds[n])));
    } catch {
      return text.slice(keyStarts[n] + 1, keyEnds[n] - 1);
    }
  });
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * The first reserved key or too-deep container in a parsed value, walked without recursion
 * (depth-first, in document order). Undefined when the value is clean.
 */
export function checkJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  const stack: { value: object; path: JsonPath }[] = [];
  if (typeof value === 'object' && value !== null) stack.push({ value, path: [] });
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    // the root sits at depth 1: a container with a path of maxDepth keys is one level too deep
    if (path.length >= maxDepth) return { path, message: tooDeepMessage(maxDepth) };
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    if (!Array.isArray(node)) {
      const reserved = Object.keys(node).find(isReservedKey);
      if (reserved !== undefined) return { path, message: `unknown field "${reserved}"` };
    }
    // pushed in reverse so the first child is looked at first
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/** A path for people: `instances[0].jobs[1].filters`; long ones are cut (a deep path repeats itself). */
export function jsonPathText(path: JsonPath, maxSegments = 12): string {
  let out = '';
  for (const [n, key] of path.slice(0, maxSegments).entries()) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? `${n === 0 ? '' : '.'}${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return path.length > maxSegments ? `${out}…` : out || '(top level)';
}
