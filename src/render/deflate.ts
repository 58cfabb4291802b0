// Deflate for the zip packages render writes (DOCX): fflate's raw deflate and inflate in pure JavaScript, CRC-32 by table,
// on every platform. Not Node's zlib: the filer's page (issue 21) must give the very bytes `report build` gives, and
// zlib's stream differs from fflate's (and may from one zlib to the next); one deflate in plain JavaScript gives the same
// bytes in Node and in every browser.
import { deflateSync, inflateSync } from 'fflate';

/** A raw deflate stream of `data` at the fastest level: XML this repetitive packs nearly as small, in a third of the time. */
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
