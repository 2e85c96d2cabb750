// The streaming array splitter must give exactly what JSON.parse gives, whatever the chunking.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectJsonArray, JsonArraySplitter, JsonStreamError } from '../../src/arr/stream/json-array-items';

/** Splits `bytes` at the given cut points (sorted, deduplicated, in range). */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of at) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

function split(chunks: Buffer[]): unknown[] {
  const out: unknown[] = [];
  const s = new JsonArraySplitter((v) => out.push(v));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

const tricky = fc.constantFrom('', '{', '}', '[', ']', ',', '"', '\\', '\\"', '\\\\', '\n', '\t', 'é', '東京', '😀', '\u2028', '\u0000', ' ', ':');
const trickyString = fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(''));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    trickyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('JsonArraySplitter', () => {
  it('yields the elements JSON.parse sees, for any value, indentation and chunking', () => {
    fc.assert(
      fc.property(fc.array(jsonValue, { maxLength: 6 }), fc.constantFrom(undefined, 2, '\t'), fc.array(fc.nat(), { maxLength: 12 }), (items, indent, points) => {
        const bytes = Buffer.from(JSON.stringify(items, null, indent));
        expect(split(cut(bytes, points))).toEqual(JSON.parse(bytes.toString()));
      }),
      { numRuns: 400 },
    );
  });

  it('handles multi-byte characters split between chunks byte by byte', () => {
    const items = [{ title: 'Amélie 東京 😀', note: 'quote " brace } bracket ] comma ,' }, '\\', { nested: [[1, { a: '"]' }]] }];
    const bytes = Buffer.from(JSON.stringify(items, null, 2));
    const oneByteChunks = [...bytes].map((b) => Buffer.from([b]));
    expect(split(oneByteChunks)).toEqual(items);
  });

  it('accepts empty arrays, surrounding whitespace and a byte order mark', () => {
    expect(split([Buffer.from('[]')])).toEqual([]);
    expect(split([Buffer.from(' \n[ \n ]\n ')])).toEqual([]);
    expect(split([Buffer.from([0xef, 0xbb]), Buffer.from([0xbf]), Buffer.from('[1]')])).toEqual([1]);
  });

  it.each([
    ['', 'the response was empty', 0],
    ['   ', 'the response ended before the JSON array was complete', 3],
    ['[{"a":1}', 'the response ended before the JSON array was complete', 8],
    ['[{"a":"]}', 'the response ended before the JSON array was complete', 9],
    ['{"records":[]}', 'the response is not a JSON array', 0],
    ['<html>', 'the response is not a JSON array', 0],
    ['[1,]', 'a value is missing before "]"', 3],
    ['[,1]', 'a value is missing before ","', 1],
    ['[1,,2]', 'a value is missing before ","', 3],
    ['[1] x', 'unexpected data after the end of the array', 4],
    ['[1}]', 'unbalanced "}"', 2],
  ])('rejects %j: %s (at byte %i)', (text, message, offset) => {
    let thrown: unknown;
    try {
      split(cut(Buffer.from(text), [1, 3]));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(JsonStreamError);
    expect(thrown).toMatchObject({ message, offset });
  });

  it('rejects an element that is not valid JSON, saying which one and where', () => {
    const err = (() => {
      try {
        split([Buffer.from('[{"a":1},\n{"a":tru}]')]);
      } catch (e) {
        return e as JsonStreamError;
      }
      throw new Error('expected a failure');
    })();
    expect(err.message).toMatch(/^element 1 is not valid JSON \(/);
    expect(err.offset).toBe(19);
  });

  it('keeps the head of the body, to recognise HTML pages', () => {
    const s = new JsonArraySplitter(() => {});
    expect(() => s.push(Buffer.from('<!DOCTYPE html><title>Login</title>'))).toThrow(JsonStreamError);
    try {
      new JsonArraySplitter(() => {}).push(Buffer.from('<!DOCTYPE html><title>Login</title>'));
    } catch (e) {
      expect((e as JsonStreamError).head).toBe('<!DOCTYPE html><title>Login</title>');
    }
  });
});

describe('collectJsonArray', () => {
  it('maps each element as it arrives', async () => {
    const body = Readable.from([Buffer.from('[{"id":1,"big":"'), Buffer.from('x'.repeat(1000) + '"},{"id"'), Buffer.from(':2,"big":"y"}]')]);
    expect(await collectJsonArray(body, (v, i) => `${i}:${(v as { id: number }).id}`)).toEqual(['0:1', '1:2']);
  });

  it('passes on an error raised by the stream mid-body', async () => {
    async function* failing() {
      yield Buffer.from('[{"id":1},');
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    const seen: number[] = [];
    await expect(collectJsonArray(Readable.from(failing()), (v) => seen.push((v as { id: number }).id))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(seen).toEqual([1]);
  });

  it('passes on an error thrown by the mapper', async () => {
    await expect(
      collectJsonArray(Readable.from([Buffer.from('[1,2]')]), (v) => {
        if (v === 2) throw new RangeError('no twos');
        return v;
      }),
    ).rejects.toThrow('no twos');
  });
});
