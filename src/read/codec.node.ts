// The zip codec in Node: its native zlib, which inflates with the output capped inside zlib itself. The browser build
// takes codec.browser.ts instead (the bundle swaps every `*.node` import for its `*.browser` sibling).
import { inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

/**
 * A raw deflate stream inflated, stopping once the output would pass `maxOutputLength` (it throws there, or returns
 * no more than that many bytes). Throws on damaged data.
 */
export function inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength });
}

export const crc32 = (data: Uint8Array): number => zlibCrc32(data);

/** UTF-8 bytes as text, bad sequences as U+FFFD and a BOM kept (as Buffer's toString, the fastest here). */
export const utf8 = (data: Uint8Array): string =>
  (Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString('utf8');
