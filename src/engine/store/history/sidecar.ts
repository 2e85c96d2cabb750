/**
 * A segment's sidecar index (`<segment>.idx`): the index rows of the segment's first `coveredBytes`
 * bytes, column by column, so opening the store copies typed arrays instead of parsing JSON.
 * It is derived data: written without fsync, checked with a CRC and the segment's size, and simply
 * rebuilt from the JSONL when missing, stale or damaged.
 *
 * Layout: "TRWHIX1\n", u32 LE header length, header JSON, then the columns (little-endian).
 */
import { promises as fsp } from 'node:fs';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from '../atomic-file';
import { BLOCK_COLUMNS, type ColumnBlock } from './columns';

const MAGIC = Buffer.from('TRWHIX1\n', 'latin1');
const LITTLE_ENDIAN = endianness() === 'LE';

interface SidecarHeader {
  v: 1;
  coveredBytes: number;
  count: number;
  instances: string[];
  jobs: string[];
  crc: number;
}

const TYPES = {
  id: Uint32Array,
  atMs: Float64Array,
  inst: Uint16Array,
  job: Uint16Array,
  status: Uint8Array,
  flags: Uint8Array,
  items: Uint32Array,
  grabs: Uint32Array,
  offset: Uint32Array,
  len: Uint32Array,
} as const;

export async function writeSidecar(path: string, coveredBytes: number, block: ColumnBlock): Promise<void> {
  if (!LITTLE_ENDIAN) return; // big-endian hosts just re-parse the JSONL
  const body = Buffer.concat(BLOCK_COLUMNS.map((name) => Buffer.from(block[name].buffer, block[name].byteOffset, block[name].byteLength)));
  const header: SidecarHeader = { v: 1, coveredBytes, count: block.count, instances: block.instances, jobs: block.jobs, crc: crc32(body) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(headerBytes.length);
  await writeFileAtomic(path, Buffer.concat([MAGIC, len, headerBytes, body]), { durable: false });
}

/** The sidecar's block, or undefined when it is missing, damaged or does not fit the segment. */
export async function readSidecar(path: string, segmentSize: number): Promise<{ coveredBytes: number; block: ColumnBlock } | undefined> {
  if (!LITTLE_ENDIAN) return undefined;
  let buf: Buffer;
  try {
    buf = await fsp.readFile(path);
  } catch {
    return undefined;
  }
  try {
    if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const bodyStart = MAGIC.length + 4 + buf.readUInt32LE(MAGIC.length);
    const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, bodyStart)) as SidecarHeader;
    if (header.v !== 1 || header.coveredBytes > segmentSize) return undefined;
    const n = header.count;
    const body = buf.subarray(bodyStart);
    const bodyLen = BLOCK_COLUMNS.reduce((sum, name) => sum + TYPES[name].BYTES_PER_ELEMENT * n, 0);
    if (body.length !== bodyLen || crc32(body) !== header.crc) return undefined;
    const block = { count: n, instances: header.instances, jobs: header.jobs } as ColumnBlock;
    let pos = 0;
    for (const name of BLOCK_COLUMNS) {
      const col = new TYPES[name](n);
      new Uint8Array(col.buffer).set(body.subarray(pos, pos + col.byteLength));
      (block as unknown as Record<string, unknown>)[name] = col;
      pos += col.byteLength;
    }
    if (block.inst.some((c) => c >= header.instances.length) || block.job.some((c) => c >= header.jobs.length)) return undefined;
    return { coveredBytes: header.coveredBytes, block };
  } catch {
    return undefined;
  }
}
