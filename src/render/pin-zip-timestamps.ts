// Rewrites the modification time of every entry of a zip (xlsx) to one fixed moment, so equal input gives equal bytes.
import { CENTRAL_FILE_HEADER, DOS_DATE, DOS_TIME, endOfCentralDirectory, LOCAL_FILE_HEADER, viewOf } from './zip';

/** Returns a copy of `zip` whose entries all carry the same fixed timestamp; throws on a malformed zip. */
export function pinZipTimestamps(zip: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = viewOf(bytes);
  const end = endOfCentralDirectory(bytes);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let index = 0; index < entries; index++) {
    if (view.getUint32(offset, true) !== CENTRAL_FILE_HEADER) throw new Error('malformed zip: central directory');
    view.setUint16(offset + 12, DOS_TIME, true);
    view.setUint16(offset + 14, DOS_DATE, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new Error('malformed zip: local header');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return bytes;
}
