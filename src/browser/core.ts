// The core for the browser: `report validate --format json`, `report build` and `report template` over bytes already in
// hand (a file the filer picked), through the same pipeline as the command line — read-bytes.ts, validateReport, the
// JSON reporter, layout and the renderers, the template writer. No file, process or clock access: the bundle
// (scripts/browser-bundle.ts) swaps each `*.node` adapter for its `*.browser` sibling, and a Node built-in anywhere
// fails it.
import type { Lang } from '../diagnostics/diagnostic';
import { countBySeverity } from '../diagnostics/diagnostic';
import { defaultEditionId, editionForYear, getEdition } from '../editions';
import { numberAt } from '../model/pointer';
import { ReadError, type ReadReport } from '../model/read-report';
import { outputBaseName } from '../output/output-names';
import { type RenderFormat, renderOutputs } from '../output/render-outputs';
import { MAX_INPUT_BYTES, READABLE_EXTENSIONS, readBytes, tooLarge } from '../read/read-bytes';
import { DEFAULT_TIME_LIMIT } from '../read/time-limit';
import { checkedResult, unreadableResult } from '../reporters/file-result';
import { jsonReporter } from '../reporters/json';
import { carryForward } from '../template/carry-forward';
import { beyondSizeLimits } from '../validate/schema-check';
import { validateReport } from '../validate/validate-report';

/** The package's version, as the command line prints it (bundled from package.json). */
export const toolVersion: string = (require('../../package.json') as { version: string }).version;

/** The extension a reader is chosen by, as Node's path.extname finds it in the name's last part, lower-cased. */
function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The command line's limits, which the page keeps too: the size read at most, the seconds a read may take. */
export const limits = { maxInputBytes: MAX_INPUT_BYTES, readSeconds: DEFAULT_TIME_LIMIT.seconds } as const;

/**
 * What `report validate --format json` prints for a file past the size limit, told by its size alone (the page never
 * reads it); undefined for a file within the limit.
 */
/** Why a file of this size is not read (the command line's words), or undefined when it is within the limit. */
export function sizeRefusal(fileName: string, size: number, lang: Lang = 'zh'): string | undefined {
  return size > MAX_INPUT_BYTES ? tooLarge(fileName, size).describe(lang) : undefined;
}

export function refusedBySize(fileName: string, size: number, lang: Lang = 'zh'): unknown {
  if (size <= MAX_INPUT_BYTES) return undefined;
  const error = tooLarge(fileName, size);
  const result = unreadableResult(fileName, error.messageId, error.describe(lang));
  return JSON.parse(jsonReporter([result], { lang, color: false, toolVersion }));
}

/** The kinds read in the browser so far: workbooks and JSON (the published readers still use Node's Buffer). */
const PAGE_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.json']);

/** Whether the page reads a file of this name: false for a published report or a PDF, which only Node reads yet. */
export function readInPage(fileName: string): boolean {
  const extension = extensionOf(fileName);
  return PAGE_EXTENSIONS.has(extension) || !READABLE_EXTENSIONS.includes(extension);
}

/** A file as the page hands it over: its bytes and its name (for the reader's choice and for messages). */
export interface InputBytes {
  bytes: Uint8Array;
  name: string;
}

/** Last year's report for `--previous` or `--from`, or why it cannot be read (ReadError's words). */
export function readLastYear(input: InputBytes, lang: Lang, lenient: boolean): ReadReport | { cannotRead: string } {
  try {
    return readBytes(input.bytes, input.name, extensionOf(input.name), { lenient });
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { cannotRead: error.describe(lang) };
  }
}

/** What `report validate FILE --format json [--previous LAST]` prints for these bytes, as an object. */
export function validateWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang = 'zh',
  previous?: ReadReport,
): unknown {
  let result: ReturnType<typeof checkedResult>;
  try {
    const report = readBytes(bytes, fileName, extensionOf(fileName));
    result = checkedResult(fileName, report, validateReport(report, { lang, ...(previous ? { previous } : {}) }));
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    result = unreadableResult(fileName, error.messageId, error.describe(lang));
  }
  return JSON.parse(jsonReporter([result], { lang, color: false, toolVersion }));
}

export interface BuiltFile {
  /** The file `report build FILE --to FORMAT` writes, and the name it gives it. */
  file?: { name: string; bytes: Uint8Array };
  /** Why it was refused: the input unreadable, no edition, errors, or past the size limits. */
  refused?: 'unreadable' | 'noEdition' | 'errors' | 'beyondLimits';
}

/** `report build FILE --to FORMAT [--date DATE]` (docx, html or json): checked first, refused as the command line refuses. */
export async function buildFile(
  input: InputBytes,
  format: Exclude<RenderFormat, 'xlsx'>,
  options: { lang?: Lang; date?: string } = {},
): Promise<BuiltFile> {
  const lang = options.lang ?? 'zh';
  let report: ReadReport;
  try {
    report = readBytes(input.bytes, input.name, extensionOf(input.name));
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { refused: 'unreadable' };
  }
  const { edition, diagnostics } = validateReport(report, { lang });
  if (!edition) return { refused: 'noEdition' };
  if (countBySeverity(diagnostics).errors) return { refused: 'errors' };
  if (beyondSizeLimits(diagnostics)) return { refused: 'beyondLimits' };
  const [rendered] = await renderOutputs(report.model, edition, [format], {
    docxStyle: 'gbt9704',
    notValidated: false,
    generator: `report ${toolVersion}`,
    ...(options.date ? { date: options.date } : {}),
  });
  const bytes = typeof rendered?.bytes === 'string' ? new TextEncoder().encode(rendered.bytes) : rendered?.bytes;
  if (!bytes) throw new Error(`build: nothing rendered to ${format}`);
  return { file: { name: `${outputBaseName(report.model, input.name, false)}.${format}`, bytes } };
}

export interface TemplateFile {
  file?: { name: string; bytes: Uint8Array };
  /** `--from` that could not be read (its words), or that names no year. */
  unreadable?: string;
  noYear?: true;
  /** How many 上年结转 columns `--from` filled. */
  carriedColumns?: number;
}

/**
 * `report template -o FILE [--from LAST]`: the blank workbook of the current edition, or next year's filled from last
 * year's report (read leniently, as the command line reads `--from`), year + 1 and its edition.
 */
export async function templateFile(from: InputBytes | undefined, lang: Lang): Promise<TemplateFile> {
  const { writeTemplate } = await import('../template/write-template');
  if (!from) return { file: { name: 'template.xlsx', bytes: await writeTemplate(getEdition(defaultEditionId)) } };
  const last = readLastYear(from, lang, true);
  if ('cannotRead' in last) return { unreadable: last.cannotRead };
  const lastYear = numberAt(last.model, '/year');
  if (lastYear === undefined) return { noYear: true };
  const year = lastYear + 1;
  const edition = editionForYear(year) ?? getEdition(defaultEditionId);
  const carried = carryForward(last.model, basenameOf(from.name), { year });
  const agency = typeof carried.model.agency === 'string' ? carried.model.agency : undefined;
  const bytes = await writeTemplate(edition, {
    ...(agency ? { agency } : {}),
    year,
    model: carried.model,
    notes: carried.notes,
  });
  return { file: { name: `template-${year}.xlsx`, bytes }, carriedColumns: carried.carriedColumns };
}

/** The file's name without its folders, as Node's path.basename gives it. */
function basenameOf(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/** A sheet's cells as text, for the page's view of a finding's cell: its used range from A1, cut to a screenful. */
export interface SheetView {
  sheet: string;
  /** Row by row from row 1, each from column A; '' for an empty cell. */
  rows: string[][];
  /** Merged ranges within the view: the first cell (0-based row and column) and how many rows and columns it spans. */
  merges: { row: number; column: number; rows: number; columns: number }[];
  /** Whether rows or columns past the cut were left out. */
  cut: boolean;
}

const VIEW_ROWS = 80;
const VIEW_COLUMNS = 20;
const VIEW_TEXT = 60;

/** The named sheets of a workbook as text (the sheets the findings point into); none for what is not a workbook. */
export function sheetViews(input: InputBytes, sheets: readonly string[]): SheetView[] {
  if (!sheets.length) return [];
  const { parseWorkbook } = require('../read/workbook-reader') as typeof import('../read/workbook-reader');
  const { sheetJs } = require('../read/sheetjs') as typeof import('../read/sheetjs');
  let workbook: ReturnType<typeof parseWorkbook>;
  try {
    workbook = parseWorkbook(input.bytes, input.name);
  } catch {
    return [];
  }
  const views: SheetView[] = [];
  for (const sheet of new Set(sheets)) {
    const cells = workbook.Sheets[sheet];
    if (!cells?.['!ref']) continue;
    const range = sheetJs().utils.decode_range(cells['!ref']);
    const lastRow = Math.min(range.e.r, VIEW_ROWS - 1);
    const lastColumn = Math.min(range.e.c, VIEW_COLUMNS - 1);
    const rows: string[][] = [];
    for (let r = 0; r <= lastRow; r++) {
      const row: string[] = [];
      for (let c = 0; c <= lastColumn; c++) {
        const cell = cells[sheetJs().utils.encode_cell({ r, c })] as { w?: string; v?: unknown } | undefined;
        const text = cell?.w ?? (cell?.v === undefined || cell.v === null ? '' : String(cell.v));
        row.push(text.length > VIEW_TEXT ? `${text.slice(0, VIEW_TEXT)}…` : text);
      }
      rows.push(row);
    }
    const merges: SheetView['merges'] = [];
    for (const merge of cells['!merges'] ?? []) {
      if (merge.s.r > lastRow || merge.s.c > lastColumn || merges.length >= VIEW_ROWS * VIEW_COLUMNS) continue;
      merges.push({
        row: merge.s.r,
        column: merge.s.c,
        rows: Math.min(merge.e.r, lastRow) - merge.s.r + 1,
        columns: Math.min(merge.e.c, lastColumn) - merge.s.c + 1,
      });
    }
    views.push({ sheet, rows, merges, cut: range.e.r > lastRow || range.e.c > lastColumn });
  }
  return views;
}
