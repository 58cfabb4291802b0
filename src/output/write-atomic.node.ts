// Writes a file through a temporary name and a rename, so a failed run never leaves half a file. The temporary name
// holds the process id, so that a later run can tell one left by a killed process (convert removes those). A Node
// adapter with no browser sibling: only the adapters (cli/, convert/) write files.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.<name>.<pid>.<8 hex>.tmp`: the temporary names of this module; the process id is the first group. */
export const ATOMIC_TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

const temporaryFor = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = temporaryFor(path);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes a file made of parts produced one at a time, so that the whole never has to be held in memory. */
export function writeFileAtomicParts(path: string, parts: Iterable<string>): void {
  const temporary = temporaryFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    for (const part of parts) writeSync(fd, part);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}
