// Opens a zip container (.xlsx, .ods, .docx, .et) before any parser sees it: the central directory is checked, and
// every entry is inflated here with its output capped while it inflates, because declared sizes lie. Parsers then get
// only these bounded, already-inflated entries. Bytes are plain Uint8Arrays, read through a DataView; the inflater is
// the platform's (codec.node.ts: Node's zlib; codec.browser.ts in the browser bundle).
import { ReadError } from '../model/read-report';
import { crc32, inflateRaw } from './codec.node';

/** Limits no report comes near (a report's workbook holds some 30 entries and under 2 MB of XML). */
export const ZIP_LIMITS = {
  entries: 5000,
  /** All entries together, inflated. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Inflated / compressed, for entries over 1 MB: deflate cannot exceed ~1032; real sheets stay far below 200. */
  ratio: 200,
};

/** A container that is not a sound zip: the caller names the format ("not a valid workbook"). */
export class DamagedZip extends Error {
  override name = 'DamagedZip';
}

/** Entries by name; in Node each is a Buffer still (a view of the input, or zlib's output). */
export type ZipEntries = Map<string, Uint8Array>;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export function isZip(buffer: Uint8Array): boolean {
  return buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/**
 * The bytes of one entry of a zip container (a .docx), or undefined when it is not there; throws DamagedZip on a
 * damaged zip and ReadError past the limits.
 */
export function readZipEntry(buffer: Uint8Array, path: string, file: string): Uint8Array | undefined {
  if (!isZip(buffer)) throw new DamagedZip('not a zip');
  return openZip(buffer, file, (name) => name === path).get(path);
}

/**
 * The entries of a zip, inflated and checked (sizes, CRC). `wanted` limits which entries are inflated (the rest are
 * only counted). Throws DamagedZip for a damaged or encrypted container, ReadError for one past the limits.
 */
export function openZip(buffer: Uint8Array, file: string, wanted?: (name: string) => boolean): ZipEntries {
  const entries = centralDirectory(new Bytes(buffer), file);
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > ZIP_LIMITS.inflatedBytes) throw tooLargeInflated(file);
  let budget = ZIP_LIMITS.inflatedBytes;
  const result: ZipEntries = new Map();
  for (const entry of entries) {
    if (entry.name.endsWith('/') || (wanted && !wanted(entry.name))) continue;
    if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.ratio)
      throw tooLargeInflated(file);
    const content = inflateEntry(new Bytes(buffer), entry, budget, file);
    budget -= content.length;
    result.set(entry.name, content);
  }
  return result;
}

const tooLargeInflated = (file: string) =>
  new ReadError('tooLargeInflated', { file, limitMb: ZIP_LIMITS.inflatedBytes / 1024 / 1024 });

function centralDirectory(buffer: Bytes, file: string): CentralEntry[] {
  const end = findEndRecord(buffer);
  let count = buffer.readUInt16LE(end + 10);
  let size = buffer.readUInt32LE(end + 12);
  let offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: the real figures are in the zip64 end record the locator (just before the end record) points to.
    const locator = end - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new DamagedZip('no zip64 locator');
    const record = safeNumber(buffer.readBigUInt64LE(locator + 8));
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_EOCD) throw new DamagedZip('zip64 end');
    count = safeNumber(buffer.readBigUInt64LE(record + 32));
    size = safeNumber(buffer.readBigUInt64LE(record + 40));
    offset = safeNumber(buffer.readBigUInt64LE(record + 48));
  }
  if (count > ZIP_LIMITS.entries) throw new ReadError('tooManyEntries', { file, limit: ZIP_LIMITS.entries });
  if (count === 0) throw new DamagedZip('no entries');
  if (offset + size > buffer.length) throw new DamagedZip('central directory outside the file');
  const entries: CentralEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) throw new DamagedZip('central entry');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const flags = buffer.readUInt16LE(at + 8);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > buffer.length) throw new DamagedZip('central entry name');
    const entry: CentralEntry = {
      // Byte for byte, as SheetJS names entries; Office packages use ASCII names.
      name: buffer.latin1(at + 46, nameEnd),
      method: buffer.readUInt16LE(at + 10),
      flags,
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
    };
    readZip64Sizes(buffer.subarray(nameEnd, nameEnd + extraLength), entry);
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(buffer: Bytes): number {
  // The end record is the last 22 bytes plus a comment of at most 65535 bytes.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--) if (buffer.readUInt32LE(at) === EOCD) return at;
  throw new DamagedZip('no end of central directory');
}

/** The zip64 extra field holds, in this order, each size or offset whose 32-bit field is 0xffffffff. */
function readZip64Sizes(extra: Bytes, entry: CentralEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length) throw new DamagedZip('zip64 extra field');
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new DamagedZip('size out of range');
  return Number(value);
}

function inflateEntry(buffer: Bytes, entry: CentralEntry, budget: number, file: string): Uint8Array {
  // Bit 0: encrypted entry (an Office password uses an OLE container instead; this is a damaged or foreign zip).
  if (entry.flags & 0x1) throw new DamagedZip('encrypted entry');
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) throw new DamagedZip('local header');
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw new DamagedZip('entry outside the file');
  const data = buffer.subarray(start, end);
  if (entry.size > budget) throw tooLargeInflated(file);
  let content: Uint8Array;
  if (entry.method === 0) {
    content = data.bytes;
  } else if (entry.method === 8) {
    try {
      // One byte over the declared size is enough to know the size lied; inflation stops there.
      content = inflateRaw(data.bytes, Math.max(1, entry.size + 1));
    } catch (error) {
      throw new DamagedZip(`inflate: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    throw new DamagedZip(`compression method ${entry.method}`);
  }
  if (content.length !== entry.size) throw new DamagedZip('size differs from the declared size');
  if (crc32(content) !== entry.crc) throw new DamagedZip('CRC mismatch');
  return content;
}

/**
 * The little-endian reads of a zip over plain bytes (Buffer's names, so the code above reads as before): a read past
 * the end throws a RangeError, as Buffer's do.
 */
class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  readUInt16LE(at: number): number {
    return this.view.getUint16(at, true);
  }
  readUInt32LE(at: number): number {
    return this.view.getUint32(at, true);
  }
  readBigUInt64LE(at: number): bigint {
    return this.view.getBigUint64(at, true);
  }
  subarray(start: number, end: number): Bytes {
    return new Bytes(this.bytes.subarray(start, end));
  }
  /** Each byte as one character (U+0000–U+00FF). */
  latin1(start: number, end: number): string {
    let text = '';
    for (let at = start; at < end; at++) text += String.fromCharCode(this.bytes[at] as number);
    return text;
  }
}
