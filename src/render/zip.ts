// The zip container of DOCX files, read and written by hand: reading the package docx builds once per style, and
// writing each report's package with fixed timestamps, so the same input gives the same bytes. Plain Uint8Array and
// DataView, no Buffer: the filer's page writes the same DOCX in the browser.
import { crc32, deflateRaw, inflateRaw } from './deflate';

export const LOCAL_FILE_HEADER = 0x04034b50;
export const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
const STORE = 0;
/** 2021-09-26 00:00:00 in MS-DOS date and time fields (the date of the 2021 edition's letter). */
export const DOS_DATE = ((2021 - 1980) << 9) | (9 << 5) | 26;
export const DOS_TIME = 0;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A little-endian view of the bytes (zip's byte order). */
export const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** An entry ready to be written: its compressed bytes, computed once where the entry is the same for every file. */
export interface ZipEntry {
  name: string;
  method: typeof DEFLATE | typeof STORE;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** A deflated entry of `content`. */
export function zipEntry(name: string, content: string | Uint8Array): ZipEntry {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  const data = deflateRaw(bytes);
  return { name, method: DEFLATE, crc: crc32(bytes), size: bytes.length, data };
}

/** The entries of a zip with their contents inflated, in the order of its central directory. */
export function readZip(bytes: Uint8Array): { name: string; content: Uint8Array }[] {
  const view = viewOf(bytes);
  const end = endOfCentralDirectory(bytes);
  const entries: { name: string; content: Uint8Array }[] = [];
  let offset = view.getUint32(end + 16, true);
  for (let index = view.getUint16(end + 10, true); index > 0; index--) {
    if (view.getUint32(offset, true) !== CENTRAL_FILE_HEADER) throw new Error('malformed zip: central directory');
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new Error('malformed zip: local header');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressedSize);
    // A stored entry is copied, as an inflated one is new bytes: neither shares the zip's memory.
    entries.push({ name, content: method === DEFLATE ? inflateRaw(data) : new Uint8Array(data) });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Where the end-of-central-directory record starts: 22 bytes plus a comment of at most 65535 bytes, at the end. */
export function endOfCentralDirectory(bytes: Uint8Array): number {
  const view = viewOf(bytes);
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('malformed zip: no end of central directory');
}

/** A zip of `entries`, in their order, every entry stamped with the same fixed time. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce(
    (sum, entry, index) => sum + 30 + (names[index]?.length ?? 0) + entry.data.length,
    0,
  );
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = viewOf(out);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array;
    offsets.push(at);
    view.setUint32(at, LOCAL_FILE_HEADER, true);
    writeCommon(view, at + 4, entry, name.length);
    out.set(name, at + 30);
    out.set(entry.data, at + 30 + name.length);
    at += 30 + name.length + entry.data.length;
  });
  const central = at;
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array;
    view.setUint32(at, CENTRAL_FILE_HEADER, true);
    view.setUint16(at + 4, 20, true); // made by: version 2.0
    writeCommon(view, at + 6, entry, name.length);
    // comment length, disk number, internal and external attributes stay 0
    view.setUint32(at + 42, offsets[index] as number, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to "extra field length". */
function writeCommon(view: DataView, at: number, entry: ZipEntry, nameLength: number): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, 0x0800, true); // flags: names are UTF-8
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.data.length, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, nameLength, true);
  view.setUint16(at + 24, 0, true);
}
