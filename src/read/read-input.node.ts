// Reads one input (a path, or `-` for standard input) into a ReadReport, or throws a ReadError that says why not: the
// Node side of reading, which loads the file (bounded, regular files only) and hands its bytes to read-bytes.ts; PDFs
// are read here too (pdfjs, loaded from the package's files).

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { ReadError, type ReadReport } from '../model/read-report';
import type { ReadingMode } from './cell-value';
import { checkSize, MAX_INPUT_BYTES, readBytes, refuseUnsupported, tooLarge } from './read-bytes';

export { MAX_INPUT_BYTES, READABLE_EXTENSIONS, readBytes } from './read-bytes';

export interface ReadOptions extends Partial<ReadingMode> {}

/** Reads any input; PDFs are read asynchronously (pdfjs), everything else as readInputSync does. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<ReadReport> {
  const { buffer, file, extension, mode } = load(path, options);
  return readLoaded(buffer, file, extension, mode);
}

/** Reads bytes already loaded (by loadInput, or from standard input), of any kind. */
export async function readLoaded(
  buffer: Buffer,
  file: string,
  extension: string,
  mode: ReadingMode = { lenient: false },
): Promise<ReadReport> {
  if (extension === '.pdf') {
    checkSize(buffer, file);
    const { readPdfFlow } = require('./published/read-published') as typeof import('./published/read-published');
    const { pdfToFlow } = require('./published/pdf-source.node') as typeof import('./published/pdf-source.node');
    return readPdfFlow(await pdfToFlow(buffer, file), file, mode);
  }
  return readBytes(buffer, file, extension, mode);
}

/** Reads any input but a PDF, synchronously. */
export function readInputSync(path: string, options: ReadOptions = {}): ReadReport {
  const { buffer, file, extension, mode } = load(path, options);
  return readBytes(buffer, file, extension, mode);
}

/** The bytes of an input (a path, or `-` for standard input), bounded, with its name for messages and its extension. */
export function loadInput(path: string): { buffer: Buffer; file: string; extension: string } {
  const fromStdin = path === '-';
  // A kind no reader takes is said by name before a byte of it is read.
  if (!fromStdin) refuseUnsupported(path, extname(path).toLowerCase());
  return {
    buffer: fromStdin ? readStdin() : readFileChecked(path),
    file: fromStdin ? '<stdin>' : path,
    extension: fromStdin ? '' : extname(path).toLowerCase(),
  };
}

function load(path: string, options: ReadOptions) {
  return { ...loadInput(path), mode: { lenient: options.lenient ?? false } satisfies ReadingMode };
}

/**
 * Reads a regular file and nothing else. Opened without blocking (a FIFO's open would wait for a writer), its kind is
 * then checked on the open descriptor, so a link to a device or a pipe is refused too.
 */
function readFileChecked(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openFailure(error, path);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new ReadError('isDirectory', { file: path });
    if (!stats.isFile()) throw new ReadError('notRegularFile', { file: path });
    // Refused by size before a byte is read.
    if (stats.size > MAX_INPUT_BYTES) throw tooLarge(path, stats.size);
    // Read up to one byte past the limit: a file that grows while it is read is still bounded.
    return readBounded(fd, path);
  } catch (error) {
    throw openFailure(error, path);
  } finally {
    closeSync(fd);
  }
}

function openFailure(error: unknown, path: string): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadError('notFound', { file: path }, { cause: error });
  if (code === 'EISDIR') return new ReadError('isDirectory', { file: path }, { cause: error });
  if (code === 'ENXIO') return new ReadError('notRegularFile', { file: path }, { cause: error });
  return new ReadError('unreadable', { file: path, detail: code ?? String(error) }, { cause: error });
}

/** Standard input, read in pieces and refused as soon as it passes the limit (`cat /dev/zero | report validate -`). */
function readStdin(): Buffer {
  try {
    return readBounded(0, '<stdin>');
  } catch (error) {
    throw openFailure(error, '<stdin>');
  }
}

const CHUNK = 1024 * 1024;

function readBounded(fd: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, CHUNK, null);
    } catch (error) {
      // A pipe left non-blocking by another process has no data yet: wait a little and ask again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_INPUT_BYTES) throw tooLarge(file, total);
    chunks.push(read === CHUNK ? chunk : chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}
