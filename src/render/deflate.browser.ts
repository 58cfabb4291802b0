// Deflate for the zip packages render writes, in the browser, which has no zlib: fflate's raw deflate and inflate in pure
// JavaScript, CRC-32 by table. The same functions as deflate.node.ts, which the browser bundle swaps for this file; the
// compressed bytes may differ from zlib's, but they inflate to the same content.
import { deflateSync, inflateSync } from 'fflate';
import type * as NodeDeflate from './deflate.node';

/** A raw deflate stream of `data` at the fastest level, as in Node. */
export const deflateRaw = (data: Uint8Array): Uint8Array => deflateSync(data, { level: 1 });

/** A raw deflate stream inflated whole. Throws on damaged data. */
export const inflateRaw = (data: Uint8Array): Uint8Array => inflateSync(data);

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

// The two stay interchangeable: a difference in what they export fails to compile here.
({ deflateRaw, inflateRaw, crc32 }) satisfies typeof NodeDeflate;
