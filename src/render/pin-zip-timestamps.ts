// Rewrites the modification time of every entry of a zip (xlsx) to one fixed moment, so equal input gives equal bytes.
import { CENTRAL_FILE_HEADER, DOS_DATE, DOS_TIME, endOfCentralDirectory, LOCAL_FILE_HEADER } from './zip';

/** Returns a copy of `zip` whose entries all carry the same fixed timestamp; throws on a malformed zip. */
export function pinZipTimestamps(zip: Uint8Array): Buffer {
  const bytes = Buffer.from(zip);
  const end = endOfCentralDirectory(bytes);
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
