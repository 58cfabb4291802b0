// Deflate for the zip packages render writes (DOCX), in Node: its native zlib. The browser build takes
// deflate.browser.ts instead (the bundle swaps every `*.node` import for its `*.browser` sibling).
import { constants, deflateRawSync, inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

/**
 * A raw deflate stream of `data`, at the fastest level: XML this repetitive packs nearly as small, in a third of the
 * time.
 */
export const deflateRaw = (data: Uint8Array): Uint8Array => deflateRawSync(data, { level: constants.Z_BEST_SPEED });

/** A raw deflate stream inflated whole (only packages we made ourselves are read here). Throws on damaged data. */
export const inflateRaw = (data: Uint8Array): Uint8Array => inflateRawSync(data);

export const crc32 = (data: Uint8Array): number => zlibCrc32(data);
