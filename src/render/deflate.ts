// Deflate for the zip packages render writes (DOCX): fflate's raw deflate and inflate in pure JavaScript, CRC-32 by table,
// on every platform. Not Node's zlib: the filer's page (issue 21) must give the very bytes `report build` gives, and
// zlib's stream differs from fflate's (and may from one zlib to the next); one deflate in plain JavaScript gives the same
// bytes in Node and in every browser.
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from '../model/crc32';

export { crc32 };

/** A raw deflate stream of `data` at the fastest level: XML this repetitive packs nearly as small, in a third of the time. */
export const deflateRaw = (data: Uint8Array): Uint8Array => deflateSync(data, { level: 1 });

/** A raw deflate stream inflated whole. Throws on damaged data. */
export const inflateRaw = (data: Uint8Array): Uint8Array => inflateSync(data);
