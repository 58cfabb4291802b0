// Rewrites the modification time of every entry of a zip (xlsx, docx) to one fixed moment, so equal input gives equal bytes.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** 2021-09-26 00:00:00 in MS-DOS date and time fields (the date of the 2021 edition's letter). */
const DOS_DATE = ((2021 - 1980) << 9) | (9 << 5) | 26;
const DOS_TIME = 0;

/** Returns a copy of `zip` whose entries all carry the same fixed timestamp; throws on a malformed zip. */
export function pinZipTimestamps(zip: Uint8Array): Buffer {
  const bytes = Buffer.from(zip);
  const end = findEndOfCentralDirectory(bytes);
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index++) {
    if (bytes.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error('malformed zip: central directory');
    bytes.writeUInt16LE(DOS_TIME, offset + 12);
    bytes.writeUInt16LE(DOS_DATE, offset + 14);
    const local = bytes.readUInt32LE(offset + 42);
    if (bytes.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error('malformed zip: local header');
    bytes.writeUInt16LE(DOS_TIME, local + 10);
    bytes.writeUInt16LE(DOS_DATE, local + 12);
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return bytes;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('malformed zip: no end of central directory');
}
