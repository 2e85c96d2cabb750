/**
 * Splits a streamed top-level JSON array into its elements without ever holding the whole text.
 *
 * Radarr serves `GET /api/v3/movie` as one pretty-printed array (~150 MB for 40k movies, spec/arr/NOTES.md §15).
 * This scanner walks the bytes once, tracking only string/escape state and nesting depth, cuts out the
 * text of each top-level element and hands it to `JSON.parse` (native, fast) one element at a time, so
 * memory holds one element's text plus whatever the caller keeps of it. Byte scanning is safe for UTF-8:
 * the structural characters are ASCII and never occur inside a multi-byte sequence.
 *
 * Why not @streamparser/json: on a 171 MB, 40k-movie list it took 4.4 s against 1.35 s for this
 * scanner (same machine, same chunks); `npm run bench:client` measures both on the simulator's body.
 * The engine has 15 s to plan a 40k-movie run, on two shared cores.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

/** byte -> itself for the bytes that matter inside an element, 0 for all others (most bytes) */
const STRUCTURAL = new Uint8Array(256);
for (const b of [QUOTE, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE, COMMA]) STRUCTURAL[b] = b;

const isWhitespace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** A problem with the JSON text itself; `offset` is the byte position in the whole body. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** the first bytes of the body, to tell an HTML page from broken JSON */
    readonly head: string,
  ) {
    super(message);
    this.name = 'JsonStreamError';
  }
}

const enum State {
  /** before the opening bracket */
  Start,
  /** inside the array, between elements */
  Between,
  /** inside an element */
  InElement,
  /** after the closing bracket */
  Done,
}

/** Feed it the body chunk by chunk; it calls `onElement` with each parsed top-level element. */
export class JsonArraySplitter {
  private state = State.Start;
  /** nesting depth inside the current element (0 = the element is a scalar or at its top level) */
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** an element seen since the last comma (to reject `[1,]` and `[,1]`) */
  private expectElement = false;
  private parts: Buffer[] = [];
  private offset = 0;
  private head = '';
  private count = 0;

  constructor(private readonly onElement: (value: unknown) => void) {}

  /** how many elements were emitted so far */
  get elements(): number {
    return this.count;
  }

  push(chunk: Buffer): void {
    if (this.head.length < 200) this.head += chunk.toString('utf8', 0, 200 - this.head.length);
    const n = chunk.length;
    // the hot loop works on locals; they are written back before anything that can throw or re-enter
    let state = this.state;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let start = state === State.InElement ? 0 : -1;
    const save = () => {
      this.state = state;
      this.depth = depth;
      this.inString = inString;
      this.escaped = escaped;
    };
    let i = 0;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        // Jump to the next quote natively; it closes the string unless an odd run of backslashes precedes it.
        const q = chunk.indexOf(QUOTE, i);
        const stop = q === -1 ? n : q;
        let k = stop - 1;
        while (k >= i && chunk[k] === BACKSLASH) k--;
        const oddRun = (stop - 1 - k) % 2 === 1;
        if (q === -1) {
          escaped = oddRun;
          break;
        }
        if (!oddRun) inString = false;
        i = q + 1;
        continue;
      }
      const b = chunk[i];
      if (state === State.InElement) {
        const c = STRUCTURAL[b];
        if (c !== 0) {
          if (c === QUOTE) inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
          else if (c === CLOSE_BRACE || (c === CLOSE_BRACKET && depth > 0)) {
            if (--depth < 0) {
              save();
              this.fail('unbalanced "}"', i);
            }
          } else if (depth === 0) {
            // a comma or the closing bracket of the whole array ends the element
            state = c === COMMA ? State.Between : State.Done;
            this.expectElement = c === COMMA;
            save();
            this.emit(chunk, start, i);
            start = -1;
          }
        }
      } else if (state === State.Between) {
        if (!isWhitespace(b)) {
          if (b === CLOSE_BRACKET) {
            if (this.expectElement) this.fail('a value is missing before "]"', i);
            state = State.Done;
          } else if (b === COMMA) {
            this.fail('a value is missing before ","', i);
          } else {
            state = State.InElement;
            this.expectElement = false;
            start = i;
            depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0;
            if (b === QUOTE) inString = true;
          }
        }
      } else if (state === State.Start) {
        // whitespace and a UTF-8 byte order mark may come first
        if (!isWhitespace(b) && !(this.offset + i <= 2 && (b === 0xef || b === 0xbb || b === 0xbf))) {
          if (b !== OPEN_BRACKET) this.fail('the response is not a JSON array', i);
          state = State.Between;
        }
      } else if (!isWhitespace(b)) {
        this.fail('unexpected data after the end of the array', i);
      }
      i++;
    }
    save();
    if (state === State.InElement && start >= 0) this.parts.push(chunk.subarray(start));
    this.offset += n;
  }

  /** Call when the body has ended: fails if the array was not complete. */
  end(): void {
    if (this.state !== State.Done) {
      throw new JsonStreamError(
        this.state === State.Start && this.offset === 0 ? 'the response was empty' : 'the response ended before the JSON array was complete',
        this.offset,
        this.head,
      );
    }
  }

  private emit(chunk: Buffer, start: number, end: number): void {
    let text: string;
    if (this.parts.length === 0) {
      text = chunk.toString('utf8', start, end);
    } else {
      this.parts.push(chunk.subarray(start < 0 ? 0 : start, end));
      text = Buffer.concat(this.parts).toString('utf8');
      this.parts = [];
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.fail(`element ${this.count} is not valid JSON (${(e as Error).message})`, end);
    }
    this.count++;
    this.onElement(value);
  }

  private fail(what: string, index: number): never {
    throw new JsonStreamError(what, this.offset + index, this.head);
  }
}

/**
 * Reads a byte stream holding one JSON array and returns `map(element)` for each element, in order.
 * `map` sees each element already parsed; whatever it does not keep is garbage as soon as it returns.
 */
export async function collectJsonArray<T>(body: AsyncIterable<Buffer>, map: (element: unknown, index: number) => T): Promise<T[]> {
  const out: T[] = [];
  const splitter = new JsonArraySplitter((value) => out.push(map(value, out.length)));
  for await (const chunk of body) splitter.push(chunk);
  splitter.end();
  return out;
}
