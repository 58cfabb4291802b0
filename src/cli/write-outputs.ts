// Writes a command's outputs: the folder is created, an output that is an input is refused, each file goes through a
// temporary name. Every path is checked before the first byte is written.
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { inert } from '../diagnostics/inert-text';
import { writeFileAtomic } from '../output/write-atomic.node';
import { UsageError } from './cli-messages';

export interface OutputFile {
  path: string;
  bytes: string | Uint8Array;
}

export function prepareDirectory(directory: string): void {
  // An existing file where the folder should be: say so, rather than what mkdir calls it (EEXIST).
  if (existsSync(directory) && !statSync(directory).isDirectory())
    throw new UsageError('outputNotDirectory', { file: directory });
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new UsageError('outputFailed', {
      file: directory,
      detail: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (!statSync(directory).isDirectory()) throw new UsageError('outputNotDirectory', { file: directory });
}

/** A check, built once for a set of inputs, that throws when an output path is one of them (through links too). */
export function inputGuard(inputs: readonly string[]): (outputs: readonly string[]) => void {
  const realInputs = new Set(inputs.filter((input) => input !== '-').map((input) => realpathOrSelf(input)));
  return (outputs) => {
    for (const path of outputs) {
      if (realInputs.has(realpathOrSelf(path))) throw new UsageError('outputIsInput', { file: path });
    }
  };
}

export function writeOutputs(outputs: readonly OutputFile[], inputs: readonly string[]): void {
  inputGuard(inputs)(outputs.map((output) => output.path));
  // A file is written beside its target and renamed over it: over a folder, a device or a pipe that would replace
  // what is no output of ours (seen: --force put a file in place of a FIFO, and of /dev/full as root).
  for (const { path } of outputs)
    if (existsSync(path) && !statSync(path).isFile()) throw new UsageError('outputNotFile', { file: path });
  for (const { path, bytes } of outputs) {
    try {
      writeFileAtomic(path, bytes);
    } catch (error) {
      throw new UsageError('outputFailed', {
        file: path,
        detail: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  }
}

/** A path under the working folder is shown relative to it, as the user would type it; inert, since a name may hold
 * anything (for showing only: never open what this returns). */
export function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return inert(near.startsWith('..') || isAbsolute(near) ? path : near);
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there yet
  }
}

/**
 * What `report build` last wrote in a folder: each file's name and the SHA-256 of its bytes, in a small hidden file
 * beside them. A file that is there and matches is replaced by the next build; one that differs — edited by hand after
 * it was written (a secretary's corrections to the DOCX), or never written by report — is not, unless --force.
 */
export const WRITE_RECORD = '.report-written.json';
/** A record is a line a file: a few hundred bytes. Anything larger is not ours, and is read as no record. */
const MAX_RECORD_BYTES = 256 * 1024;

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Throws outputChanged for the first output that exists and is not what the record says was written, unless forced. */
export function guardChangedOutputs(outputs: readonly OutputFile[], force: boolean): void {
  if (force) return;
  for (const { path } of outputs) {
    if (!existsSync(path)) continue;
    const recorded = readRecord(dirname(path))[basename(path)];
    if (recorded === undefined || recorded !== hashOfFile(path))
      throw new UsageError('outputChanged', { file: displayPath(path) });
  }
}

/** Notes what was just written, beside it, keeping what the record says of other files that are still there. */
export function recordWritten(outputs: readonly OutputFile[]): void {
  const byFolder = new Map<string, OutputFile[]>();
  for (const output of outputs)
    byFolder.set(dirname(output.path), [...(byFolder.get(dirname(output.path)) ?? []), output]);
  for (const [folder, written] of byFolder) {
    const record: Record<string, string> = {};
    for (const [name, hash] of Object.entries(readRecord(folder)))
      if (existsSync(join(folder, name))) record[name] = hash;
    for (const { path, bytes } of written) record[basename(path)] = sha256(bytes);
    try {
      writeFileAtomic(join(folder, WRITE_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    } catch {
      // Without a record the next build asks for --force before replacing: safe, and said then.
    }
  }
}

function readRecord(folder: string): Record<string, string> {
  const text = readSmallFile(join(folder, WRITE_RECORD));
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** A regular file's text, when it is one and small; undefined otherwise (a FIFO is not waited on). */
function readSmallFile(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_RECORD_BYTES) return undefined;
    const buffer = Buffer.alloc(stats.size);
    const read = readSync(fd, buffer, 0, stats.size, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The SHA-256 of a file as it is now; a file that cannot be read hashes to nothing any record holds. */
function hashOfFile(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return '';
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(64 * 1024);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
    return hash.digest('hex');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
