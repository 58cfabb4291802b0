// The zip container of DOCX files, read and written by hand: reading the package docx builds once per style, and
// writing each report's package with fixed timestamps, so the same input gives the same bytes.
import { crc32, deflateRaw, inflateRaw } from './deflate.node';

export const LOCAL_FILE_HEADER = 0x04034b50;
export const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
const STORE = 0;
/** 2021-09-26 00:00:00 in MS-DOS date and time fields (the date of the 2021 edition's letter). */
export const DOS_DATE = ((2021 - 1980) << 9) | (9 << 5) | 26;
export const DOS_TIME = 0;

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
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const data = deflateRaw(bytes);
  return { name, method: DEFLATE, crc: crc32(bytes), size: bytes.length, data };
}

/** The entries of a zip with their contents inflated, in the order of its central directory. */
export function readZip(zip: Uint8Array): { name: string; content: Buffer }[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = endOfCentralDirectory(bytes);
  const entries: { name: string; content: Buffer }[] = [];
  let offset = bytes.readUInt32LE(end + 16);
  for (let index = bytes.readUInt16LE(end + 10); index > 0; index--) {
    if (bytes.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error('malformed zip: central directory');
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = bytes.readUInt32LE(offset + 42);
    if (bytes.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error('malformed zip: local header');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressedSize);
    // A stored entry is copied, as an inflated one is new bytes: neither shares the zip's memory.
    const content = method === DEFLATE ? inflateRaw(data) : new Uint8Array(data);
    entries.push({ name, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** Where the end-of-central-directory record starts: 22 bytes plus a comment of at most 65535 bytes, at the end. */
export function endOfCentralDirectory(bytes: Buffer): number {
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('malformed zip: no end of central directory');
}

/** A zip of `entries`, in their order, every entry stamped with the same fixed time. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const names = entries.map((entry) => Buffer.from(entry.name, 'utf8'));
  const localSize = entries.reduce(
    (sum, entry, index) => sum + 30 + (names[index]?.length ?? 0) + entry.data.length,
    0,
  );
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, index) => {
    const name = names[index] as Buffer;
    offsets.push(at);
    out.writeUInt32LE(LOCAL_FILE_HEADER, at);
    writeCommon(out, at + 4, entry, name.length);
    name.copy(out, at + 30);
    out.set(entry.data, at + 30 + name.length);
    at += 30 + name.length + entry.data.length;
  });
  const central = at;
  entries.forEach((entry, index) => {
    const name = names[index] as Buffer;
    out.writeUInt32LE(CENTRAL_FILE_HEADER, at);
    out.writeUInt16LE(20, at + 4); // made by: version 2.0
    writeCommon(out, at + 6, entry, name.length);
    // comment length, disk number, internal and external attributes stay 0
    out.writeUInt32LE(offsets[index] as number, at + 42);
    name.copy(out, at + 46);
    at += 46 + name.length;
  });
  out.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - central, at + 12);
  out.writeUInt32LE(central, at + 16);
  return out;
}

/** The fields local and central headers share, from "version needed" to "extra field length". */
function writeCommon(out: Buffer, at: number, entry: ZipEntry, nameLength: number): void {
  out.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  out.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
  out.writeUInt16LE(entry.method, at + 4);
  out.writeUInt16LE(DOS_TIME, at + 6);
  out.writeUInt16LE(DOS_DATE, at + 8);
  out.writeUInt32LE(entry.crc, at + 10);
  out.writeUInt32LE(entry.data.length, at + 14);
  out.writeUInt32LE(entry.size, at + 18);
  out.writeUInt16LE(nameLength, at + 22);
  out.writeUInt16LE(0, at + 24);
}
