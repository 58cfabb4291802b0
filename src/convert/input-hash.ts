// SHA-256 of an input's bytes, for resuming a batch and spotting the same file given twice. Reads only a regular file
// of at most `limit` bytes (opened without blocking, so a FIFO cannot hold it); anything else has no hash.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

export function hashInput(path: string, limit: number): string | undefined {
  if (path === '-') return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, stat.size)));
    let total = 0;
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      total += read;
      // The file grew while being read: past the limit it is not an input we read either.
      if (total > limit) return undefined;
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest('hex');
  } catch {
    return undefined; // missing, unreadable: the reader says why
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
