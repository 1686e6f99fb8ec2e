import { promisify } from "node:util";
import { constants, crc32, deflateRaw } from "node:zlib";
import type { NonceSplit } from "../security/csp";

/**
 * A stored page compressed once, yet sent with a fresh nonce on every response
 * (docs/decisions/0024-front-of-the-server.md).
 *
 * A page's body is its segments with the nonce between them (lib/security/csp.ts). Each segment
 * is compressed once, ending on a byte boundary (a sync flush). A response is then a gzip member
 * (RFC 1952) whose DEFLATE data (RFC 1951) is: segment 0, a stored block holding the nonce,
 * segment 1, …, and a last empty stored block. Only the nonce's few bytes, the header and the
 * trailer are written per response; the trailer's CRC-32 of the whole body is combined from the
 * segments' CRCs and the nonce's (zlib's crc32_combine), without reading the body again.
 *
 * A segment may still refer back to the page before it, as one compression of the whole page
 * would: it is compressed with the 32 KB before it as a preset dictionary, in which every nonce is
 * a run of NUL bytes of the nonce's length. The decompressor's window holds the real nonce there
 * instead, so nothing may be copied from those bytes; nothing is, because a copy of a NUL byte
 * could only produce a NUL byte, and the page has none (a page with one is compressed without
 * dictionaries). Distances stay right because every nonce has the same length.
 */

export type CompressedSplit = {
  segments: Buffer[];
  crcs: number[];
  lengths: number[];
  /** x^(8·length) modulo the CRC polynomial, per segment: what combining its CRC needs. */
  shifts: number[];
  /** Uncompressed size of the body without its nonces. */
  fixedLength: number;
  /** Compressed bytes without the nonces' blocks, header and trailer. */
  compressedLength: number;
  /** The length every nonce sent with these segments must have (the dictionaries assume it). */
  nonceLength: number;
};

/** DEFLATE's window: how far back a segment may refer. */
const WINDOW = 32 * 1024;

const compressed = new WeakMap<NonceSplit, CompressedSplit>();
const compressing = new WeakMap<NonceSplit, Promise<CompressedSplit>>();
const deflateRawAsync = promisify(deflateRaw);

/** The split's compressed segments if they are ready: a hit's path without waiting for anything. */
export function compressedSplitNow(split: NonceSplit): CompressedSplit | undefined {
  return compressed.get(split);
}

/**
 * Compresses a split body's segments, once per split, in zlib's thread pool (a large page takes a
 * few milliseconds, which would otherwise stop every other request on this process).
 */
export function compressSplit(split: NonceSplit, level = 6): Promise<CompressedSplit> {
  const done = compressed.get(split);
  if (done) return Promise.resolve(done);
  let running = compressing.get(split);
  if (!running) {
    running = compress(split, level).then((result) => {
      compressed.set(split, result);
      compressing.delete(split);
      return result;
    });
    running.catch(() => compressing.delete(split));
    compressing.set(split, running);
  }
  return running;
}

async function compress(split: NonceSplit, level: number): Promise<CompressedSplit> {
  const nonceLength = Buffer.byteLength(split.nonce);
  const withDictionaries = !split.segments.some((segment) => segment.includes(0));
  const placeholder = Buffer.alloc(nonceLength);
  // What the decompressor's window holds before each segment, nonces as NUL bytes.
  const dictionaries: (Buffer | undefined)[] = [];
  let before = Buffer.alloc(0);
  split.segments.forEach((segment, index) => {
    if (index > 0 && withDictionaries) before = Buffer.concat([before, placeholder]).subarray(-WINDOW);
    dictionaries.push(before.byteLength > 0 ? before : undefined);
    if (withDictionaries) before = Buffer.concat([before, segment]).subarray(-WINDOW);
  });
  const segments = await Promise.all(
    split.segments.map((segment, index) => {
      const dictionary = dictionaries[index];
      return deflateRawAsync(segment, { level, finishFlush: constants.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) });
    }),
  );
  return {
    segments,
    crcs: split.segments.map((segment) => crc32(segment)),
    lengths: split.segments.map((segment) => segment.byteLength),
    shifts: split.segments.map((segment) => x2nModP(segment.byteLength, 3)),
    fixedLength: split.segments.reduce((sum, segment) => sum + segment.byteLength, 0),
    compressedLength: segments.reduce((sum, segment) => sum + segment.byteLength, 0),
    nonceLength,
  };
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
/** BFINAL=1, BTYPE=00 (stored), LEN=0, NLEN=0xffff: the end of the DEFLATE data. */
const LAST_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/** A stored (uncompressed) DEFLATE block, not the last, holding `data` (at most 65,535 bytes). */
function storedBlock(data: Buffer): Buffer {
  const block = Buffer.alloc(5 + data.byteLength);
  block[0] = 0;
  block.writeUInt16LE(data.byteLength, 1);
  block.writeUInt16LE(~data.byteLength & 0xffff, 3);
  data.copy(block, 5);
  return block;
}

/** The gzip body of a split page with `nonce` written between its segments. */
export function gzipWithNonce(split: CompressedSplit, nonce: string): Buffer[] {
  const fresh = Buffer.from(nonce);
  if (fresh.byteLength !== split.nonceLength && split.segments.length > 1) {
    throw new Error(`A nonce of ${fresh.byteLength} bytes where the page was compressed for ${split.nonceLength}`);
  }
  const nonceBlock = storedBlock(fresh);
  const nonceCrc = crc32(fresh);
  const nonceShift = x2nModP(fresh.byteLength, 3);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  split.segments.forEach((segment, index) => {
    if (index > 0) {
      parts.push(nonceBlock);
      crc = combineShifted(crc, nonceCrc, nonceShift);
      length += fresh.byteLength;
    }
    parts.push(segment);
    crc = combineShifted(crc, split.crcs[index], split.shifts[index]);
    length += split.lengths[index];
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  parts.push(LAST_BLOCK, trailer);
  return parts;
}

// CRC-32 arithmetic over GF(2), as zlib's crc32.c does it: a CRC is a polynomial of degree < 32
// with its lowest power in the highest bit (the reflected form), reduced modulo POLY.
const POLY = 0xedb88320;
const TOP = 0x80000000;

/** a × b modulo POLY. */
function multModP(a: number, b: number): number {
  let m = TOP;
  let product = 0;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo POLY, for k = 0…31. */
const X2N: number[] = (() => {
  const table: number[] = [];
  let p = TOP >>> 1; // x^1
  for (let k = 0; k < 32; k += 1) {
    table.push(p);
    p = multModP(p, p);
  }
  return table;
})();

/** x^(n·2^k) modulo POLY. */
function x2nModP(n: number, k: number): number {
  let p = TOP; // x^0
  while (n) {
    if (n & 1) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k += 1;
  }
  return p;
}

/** The CRC-32 of A followed by B, from the CRC-32 of each and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return combineShifted(crcA, crcB, x2nModP(lengthB, 3));
}

/** crc32Combine with B's x^(8·length) already computed. */
function combineShifted(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0;
}

/** Whether an Accept-Encoding header allows gzip (q above 0, by name or by `*`). */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const entry of acceptEncoding.split(",")) {
    const [coding, ...parameters] = entry.trim().toLowerCase().split(";");
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const value = Number.isFinite(weight) ? weight : 0;
    if (coding.trim() === "gzip" || coding.trim() === "x-gzip") gzip = value;
    else if (coding.trim() === "*") any = value;
  }
  return (gzip ?? any ?? 0) > 0;
}
