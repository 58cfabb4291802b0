// The zip codec in the browser, which has no zlib: fflate's raw inflate in pure JavaScript, CRC-32 by table, text by
// TextDecoder. The same functions as codec.node.ts, which the browser bundle swaps for this file.
import { Inflate } from 'fflate';
import { crc32 } from '../model/crc32';
import type * as NodeCodec from './codec.node';

export { crc32 };

/** Compressed bytes fed per step: one step yields at most ~1032 times as much, so the cap is checked every ~4 MB. */
const STEP = 4096;

/** Thrown from inside the inflater to stop it: the output passed its cap. */
class OutputCapped extends Error {}

/**
 * A raw deflate stream inflated, stopping once the output passes `maxOutputLength`: the stream is fed in small steps and
 * the output counted as it comes, so a stream that lies about its size is never inflated to the end.
 */
export function inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    const room = maxOutputLength - total;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    total += Math.min(chunk.length, room);
    if (chunk.length > room) throw new OutputCapped();
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += STEP)
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (!(error instanceof OutputCapped)) throw error;
  }
  const output = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    output.set(chunk, at);
    at += chunk.length;
  }
  return output;
}

/** Keeps a BOM, as Node's Buffer does; bad sequences become U+FFFD in both. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
export const utf8 = (data: Uint8Array): string => decoder.decode(data);

// The two codecs stay interchangeable: a difference in what they export fails to compile here.
({ inflateRaw, crc32, utf8 }) satisfies typeof NodeCodec;
