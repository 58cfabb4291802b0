// Reads the bytes of one input into a ReadReport, by its extension or its first bytes, or throws a ReadError that says
// why not. No file access here (read-input.node.ts loads files and standard input in Node), so the browser reads
// through the same dispatch.
import { type InputFormat, ReadError, type ReadReport } from '../model/read-report';
import type { ReadingMode } from './cell-value';
import { utf8 } from './codec.node';
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

export function checkSize(buffer: Uint8Array, file: string): void {
  if (buffer.length === 0) throw new ReadError('empty', { file });
  if (buffer.length > MAX_INPUT_BYTES) throw tooLarge(file, buffer.length);
}

/** Reads the bytes of an input whose name (for messages) and extension (for its kind, when it has one) are given. */
export function readBytes(
  buffer: Uint8Array,
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
    // Published readers still use Buffer's methods: in the browser they are not there yet (a later step).
    return withMarkupLimits(file, () => readPublished(buffer as Buffer, file, publishedFormat, mode));
  }
  if (extension === '.json' || (!workbookFormat && looksLikeJson(buffer))) return readJson(utf8(buffer), file);
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
export function refuseUnsupported(file: string, extension: string, buffer?: Uint8Array): void {
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

export function tooLarge(file: string, bytes: number): ReadError {
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return new ReadError('tooLarge', { file, sizeMb: mb(bytes), limitMb: mb(MAX_INPUT_BYTES) });
}

function looksLikeJson(buffer: Uint8Array): boolean {
  const head = utf8(buffer.subarray(0, 64))
    .replace(/^\ufeff/, '')
    .trimStart();
  return head.startsWith('{') || head.startsWith('[');
}
