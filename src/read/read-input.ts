// Reads one input (a path, or `-` for standard input) into a ReadReport, or throws a ReadError that says why not.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReadingMode } from './cell-value';
import { readJson } from './json-reader';
import { type InputFormat, ReadError, type ReadReport } from './read-report';

/** Inputs over this size are refused before parsing (a zip bomb or a mistaken file). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Published reports, read by their labels (import and convert read them leniently). */
const PUBLISHED_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'txt',
  '.docx': 'docx',
};

const WORKBOOK_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.et': 'et',
  '.ods': 'ods',
};

export interface ReadOptions extends Partial<ReadingMode> {}

/** Reads any input; PDFs are read asynchronously (pdfjs), everything else as readInputSync does. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<ReadReport> {
  const { buffer, file, extension, mode } = load(path, options);
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

function load(path: string, options: ReadOptions) {
  const mode: ReadingMode = { lenient: options.lenient ?? false };
  const fromStdin = path === '-';
  const file = fromStdin ? '<stdin>' : path;
  const buffer = fromStdin ? readFileSync(0) : readFileChecked(path);
  return { buffer, file, extension: extname(path).toLowerCase(), mode };
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
  const workbookFormat = WORKBOOK_FORMATS[extension];
  const publishedFormat = PUBLISHED_FORMATS[extension];
  if (publishedFormat) {
    // Loaded here: validating JSON or a template never pays for the published-report readers.
    const { readPublished } = require('./published/read-published') as typeof import('./published/read-published');
    return readPublished(buffer, file, publishedFormat, mode);
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

function readFileChecked(path: string): Buffer {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new ReadError('isDirectory', { file: path });
    size = stats.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadError('notFound', { file: path }, { cause: error });
    throw new ReadError('unreadable', { file: path, detail: code ?? String(error) }, { cause: error });
  }
  // Refused by size before a byte is read.
  if (size > MAX_INPUT_BYTES) throw tooLarge(path, size);
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadError('unreadable', { file: path, detail: code ?? String(error) }, { cause: error });
  }
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
