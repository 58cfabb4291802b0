// Reads one input (a path, or `-` for standard input) into a ReadReport, or throws a ReadError that says why not.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { type InputFormat, ReadError, type ReadReport } from '../model/read-report';
import type { ReadingMode } from './cell-value';
import { imageBySignature, unsupportedKind } from './input-kind';
import { readJson } from './json-reader';
import { MarkupLimit } from './markup-limit';

/** Inputs over this size are refused before parsing (a zip bomb or a mistaken file). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Published reports, read by their labels (import and convert read them leniently). */
const PUBLISHED_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.mht': 'mht',
  '.mhtml': 'mht',
  '.txt': 'txt',
  // Markdown: a report kept as text, its tables in `|` rows.
  '.md': 'txt',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'wps',
  '.rtf': 'rtf',
};

const WORKBOOK_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.et': 'et',
  '.ods': 'ods',
};

/** Every extension a reader is chosen by (convert lists a folder's files of these kinds). */
export const READABLE_EXTENSIONS: readonly string[] = [
  ...Object.keys(WORKBOOK_FORMATS),
  '.json',
  ...Object.keys(PUBLISHED_FORMATS),
  '.pdf',
];

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
    const { readPdf } = require('./published/read-published') as typeof import('./published/read-published');
    return readPdf(buffer, file, mode);
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

/** A page or document past the markup limits is refused with the file's name. */
function withMarkupLimits<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MarkupLimit)
      throw new ReadError(error.messageId, { file, limit: error.limit }, { cause: error });
    throw error;
  }
}

function checkSize(buffer: Buffer, file: string): void {
  if (buffer.length === 0) throw new ReadError('empty', { file });
  if (buffer.length > MAX_INPUT_BYTES) throw tooLarge(file, buffer.length);
}

/** Reads the bytes of an input whose name (for messages) and extension (for its kind, when it has one) are given. */
export function readBytes(
  buffer: Buffer,
  file: string,
  extension: string,
  mode: ReadingMode = { lenient: false },
): ReadReport {
  checkSize(buffer, file);
  refuseUnsupported(file, extension, buffer);
  const workbookFormat = WORKBOOK_FORMATS[extension];
  const publishedFormat = PUBLISHED_FORMATS[extension];
  if (publishedFormat) {
    // Loaded here: validating JSON or a template never pays for the published-report readers.
    const { readPublished } = require('./published/read-published') as typeof import('./published/read-published');
    return withMarkupLimits(file, () => readPublished(buffer, file, publishedFormat, mode));
  }
  if (extension === '.json' || (!workbookFormat && looksLikeJson(buffer)))
    return readJson(buffer.toString('utf8'), file);
  // Loaded here, not at the top: reading JSON never pays for SheetJS.
  const workbooks = require('./workbook-reader') as typeof import('./workbook-reader');
  if (!workbookFormat && !workbooks.looksLikeWorkbook(buffer)) throw new ReadError('unsupportedType', { file });
  const workbook = workbooks.parseWorkbook(buffer, file);
  const format = workbookFormat ?? (buffer[0] === 0x50 ? 'xlsx' : 'xls');
  if (workbooks.isTemplateWorkbook(workbook)) return workbooks.readTemplateWorkbook(workbook, file, format, mode);
  // Not made from the template: read it by the labels of the official tables.
  const { readLabelledWorkbook } = require('./published/read-published') as typeof import('./published/read-published');
  return readLabelledWorkbook(workbook, file, format, mode);
}

/** Throws unsupportedKind for a file of a kind no reader takes: by its extension, or by an image's signature. */
function refuseUnsupported(file: string, extension: string, buffer?: Uint8Array): void {
  const kind =
    unsupportedKind(extension, READABLE_EXTENSIONS) ?? (buffer && !extension ? imageBySignature(buffer) : undefined);
  if (kind)
    throw new ReadError('unsupportedKind', {
      file,
      kindZh: kind.zh,
      kindEn: kind.en,
      adviceZh: kind.adviceZh,
      adviceEn: kind.adviceEn,
    });
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

function tooLarge(file: string, bytes: number): ReadError {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return new ReadError('tooLarge', { file, sizeMb: mb(bytes), limitMb: mb(MAX_INPUT_BYTES) });
}

function looksLikeJson(buffer: Buffer): boolean {
  const head = buffer
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  return head.startsWith('{') || head.startsWith('[');
}
