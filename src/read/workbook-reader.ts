// Reads workbooks (.xlsx, .xls, .et, .ods) with SheetJS (through its adapter) and finds a template's cells by their
// defined names.
import type * as XLSX from 'xlsx';
import type { Finding } from '../diagnostics/diagnostic';
import { editions, getEdition, isEditionId } from '../editions';
import { fieldsOf, textSections } from '../editions/fields';
import type { EditionId } from '../editions/types';
import { ensureParents, setAt, valueAt } from '../model/pointer';
import { type InputFormat, ReadError, type ReadReport, type SourceRef } from '../model/read-report';
import {
  explanationsHeaders,
  explanationsName,
  isExplanationsSheet,
  markerSheet,
  markerTag,
} from '../model/workbook-marker';
import { canonicalModel } from '../schema/canonical-model';
import { type ReadingMode, readNumberCell, readYearCell } from './cell-value';
import { utf8 } from './codec.node';
import { sheetJs, sheetJsWithCodepages } from './sheetjs';
import { xmlProblem } from './xml-well-formed';
import { DamagedZip, isZip, openZip, type ZipEntries } from './zip-container';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (buffer: Uint8Array, magic: number[]) => magic.every((byte, index) => buffer[index] === byte);

/** Whether the bytes look like a workbook container SheetJS should parse (zip, OLE, or XML/HTML spreadsheet). */
export function looksLikeWorkbook(buffer: Uint8Array): boolean {
  if (startsWith(buffer, ZIP_MAGIC) || startsWith(buffer, CFB_MAGIC)) return true;
  const head = utf8(buffer.subarray(0, 512))
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<?xml') || head.startsWith('<html') || head.startsWith('<!doctype html');
}

/**
 * How SheetJS parses a workbook. sheetStubs: a formula with no saved result only shows up as a stub cell. cellNF: a
 * cell's number format, by which a date (a serial number formatted as a date) is told from a count.
 */
export const PARSING_OPTIONS: Readonly<XLSX.ParsingOptions> = {
  type: 'buffer',
  cellFormula: true,
  sheetStubs: true,
  cellHTML: false,
  cellNF: true,
  cellDates: false,
};

export function parseWorkbook(buffer: Uint8Array, file: string): XLSX.WorkBook {
  // SheetJS reads anything as CSV; refuse what is not a workbook container before it tries.
  if (!looksLikeWorkbook(buffer)) throw new ReadError('notWorkbook', { file });
  try {
    // A copy for each read: SheetJS may write into the options it is given.
    const options = { ...PARSING_OPTIONS };
    // A zip is opened and bounded by us; SheetJS parses only its inflated entries, never the container itself.
    const workbook = quietly(() =>
      isZip(buffer)
        ? sheetJsZip().parse_zip(zipContainer(wellFormed(openZip(buffer, file, isReadPart))), options)
        : sheetJsWithCodepages().read(buffer, options),
    );
    if (workbook.SheetNames.length === 0) throw new ReadError('notWorkbook', { file });
    return workbook;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    if (error instanceof DamagedZip) throw new ReadError('notWorkbook', { file }, { cause: error });
    // SheetJS calls a damaged zip header "encryption" too: only a real encrypted package says password.
    const detail = error instanceof Error ? error.message : String(error);
    if (isEncryptedOffice(buffer) || /password/i.test(detail))
      throw new ReadError('encrypted', { file }, { cause: error });
    throw new ReadError('notWorkbook', { file }, { cause: error });
  }
}

/** The entries, once each XML part is found well formed (see xml-well-formed.ts); a damaged one is a DamagedZip. */
function wellFormed(entries: ZipEntries): ZipEntries {
  for (const [name, content] of entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const problem = xmlProblem(content);
    if (problem) throw new DamagedZip(`${name}: ${problem}`);
  }
  return entries;
}

/**
 * The parts of a zip workbook SheetJS is given. Its theme (colours), document properties and images change nothing it
 * reads into cells and names, yet parsing them was a quarter of the read: they are neither inflated nor parsed.
 */
const isReadPart = (name: string) => !/^(xl\/theme\/|xl\/media\/|docProps\/)/.test(name);

/** What SheetJS exports but does not type: its zip parser after the container is read, and the container's builder. */
interface ZipContainer {
  FileIndex: unknown[];
}
const sheetJsZip = () =>
  sheetJs() as unknown as {
    parse_zip(container: ZipContainer, options: XLSX.ParsingOptions): XLSX.WorkBook;
    CFB: {
      utils: {
        cfb_new(): ZipContainer;
        cfb_add(container: ZipContainer, name: string, content: Uint8Array, options: { unsafe: true }): void;
      };
    };
  };

/** The container SheetJS builds when it reads a zip itself, holding the entries we inflated. */
function zipContainer(entries: ZipEntries): ZipContainer {
  const { utils } = sheetJsZip().CFB;
  const container = utils.cfb_new();
  // As SheetJS's own zip reader adds them: `unsafe` skips a lookup and a re-sort of the container on every entry
  // (entries are unique in a zip we accepted), which took 0.7 ms of each read.
  for (const [name, content] of entries) utils.cfb_add(container, name, content, { unsafe: true });
  return container;
}

/** SheetJS writes some parse notes straight to console.error (e.g. ODS number formats); they are not the user's business. */
function quietly<T>(parse: () => T): T {
  // biome-ignore lint/suspicious/noConsole: silencing a library's console output is the point here.
  const original = console.error;
  console.error = () => {};
  try {
    return parse();
  } finally {
    console.error = original;
  }
}

/** An Office file encrypted with a password: an OLE container holding EncryptionInfo and EncryptedPackage. */
export function isEncryptedOffice(buffer: Uint8Array): boolean {
  if (!startsWith(buffer, CFB_MAGIC)) return false;
  try {
    // Reading an OLE container's directory uses the codepage tables too.
    const { CFB } = sheetJsWithCodepages();
    return CFB.find(CFB.read(buffer, { type: 'buffer' }), '/EncryptedPackage') !== null;
  } catch {
    return false;
  }
}

export interface GridCell {
  text: string;
  /** A1 address. */
  address: string;
  /** A copy placed in a position covered by a merged cell. */
  spanned?: boolean;
}

/**
 * Positions (rows × columns) of one sheet's grid at most: some 30 MB of cells, within the reading worker's heap. A
 * report's sheets hold a few thousand; a sheet with more content is read up to here and the rest said in a warning.
 */
export const MAX_GRID_CELLS = 200_000;
/** Columns of one sheet's grid at most: the official tables have ten, old Excel had 256 (IV). */
export const MAX_GRID_COLUMNS = 256;

/** Every visible sheet as rows of cell texts, merged cells copied into each position they cover. */
export function visibleSheetGrids(workbook: XLSX.WorkBook): { name: string; rows: GridCell[][] }[] {
  return visibleSheets(workbook).map(({ name, sheet }) => ({ name, rows: sheetGrid(sheet) }));
}

function visibleSheets(workbook: XLSX.WorkBook): { name: string; sheet: XLSX.WorkSheet }[] {
  return workbook.SheetNames.flatMap((name, index) => {
    const sheet = workbook.Sheets[name];
    if (!sheet || workbook.Workbook?.Sheets?.[index]?.Hidden) return [];
    return [{ name, sheet }];
  });
}

/**
 * Which rows and columns of a sheet its grid shows. By what holds text, not by the range the sheet claims (one
 * formatted cell far away claims a huge one): every row with text, or covered by a merged cell with text, in order; a
 * run of blank rows between them is one blank row (it ends a table all the same). Bounded by MAX_GRID_COLUMNS and
 * MAX_GRID_CELLS; `clipped` says where a sheet held text past them.
 */
interface SheetLayout {
  firstRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Sheet rows, in order; `undefined` stands for a run of blank rows. */
  rows: (number | undefined)[];
  clipped?: { rows: number; columns: number };
}

function sheetLayout(sheet: XLSX.WorkSheet): SheetLayout | undefined {
  const ref = sheet['!ref'];
  if (!ref) return undefined;
  const { utils } = sheetJs();
  const start = utils.decode_range(ref).s;
  const written = new Set<number>();
  let lastColumn = start.c - 1;
  let lastRow = start.r - 1;
  for (const address of Object.keys(sheet)) {
    if (address.startsWith('!') || cellText(sheet[address] as XLSX.CellObject) === '') continue;
    const { r, c } = utils.decode_cell(address);
    if (r < start.r || c < start.c) continue;
    written.add(r);
    lastColumn = Math.max(lastColumn, c);
    lastRow = Math.max(lastRow, r);
  }
  for (const merge of sheet['!merges'] ?? []) {
    if (merge.s.r < start.r || merge.s.c < start.c || !written.has(merge.s.r)) continue;
    if (cellText(sheet[utils.encode_cell(merge.s)] as XLSX.CellObject | undefined) === '') continue;
    // Rows a merged label covers are rows of its table, up to the last row that holds text.
    for (let r = merge.s.r + 1; r <= Math.min(merge.e.r, lastRow); r++) written.add(r);
    lastColumn = Math.max(lastColumn, merge.e.c);
  }
  const columns = Math.min(lastColumn - start.c + 1, MAX_GRID_COLUMNS);
  const maxRows = Math.max(1, Math.floor(MAX_GRID_CELLS / Math.max(columns, 1)));
  const ordered = [...written].sort((a, b) => a - b);
  const rows: (number | undefined)[] = [];
  let previous = start.r - 1;
  let kept = 0;
  for (const row of ordered) {
    if (rows.length + (row > previous + 1 ? 2 : 1) > maxRows) break;
    if (row > previous + 1) rows.push(undefined);
    rows.push(row);
    previous = row;
    kept++;
  }
  const layout: SheetLayout = { firstRow: start.r, firstColumn: start.c, lastColumn: start.c + columns - 1, rows };
  if (kept < ordered.length || lastColumn - start.c + 1 > columns)
    layout.clipped = { rows: previous - start.r + 1, columns };
  return layout;
}

function sheetGrid(sheet: XLSX.WorkSheet): GridCell[][] {
  const layout = sheetLayout(sheet);
  if (!layout) return [];
  const { utils } = sheetJs();
  const { firstColumn, lastColumn } = layout;
  const gridRow = new Map<number, number>();
  const grid = layout.rows.map((r, index) => {
    // A run of blank rows is shown as its first row, with nothing in it.
    const sheetRow = r ?? (layout.rows[index - 1] ?? layout.firstRow - 1) + 1;
    if (r !== undefined) gridRow.set(r, index);
    const row: GridCell[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) {
      const address = utils.encode_cell({ r: sheetRow, c });
      row.push({ text: r === undefined ? '' : cellText(sheet[address] as XLSX.CellObject | undefined), address });
    }
    return row;
  });
  for (const merge of sheet['!merges'] ?? []) {
    const originRow = gridRow.get(merge.s.r);
    const origin = originRow === undefined ? undefined : grid[originRow]?.[merge.s.c - firstColumn];
    if (!origin) continue;
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      const row = grid[gridRow.get(r) ?? -1];
      if (!row) {
        if (r > (layout.rows[layout.rows.length - 1] ?? -1)) break;
        continue;
      }
      for (let c = merge.s.c; c <= Math.min(merge.e.c, lastColumn); c++) {
        if (r === merge.s.r && c === merge.s.c) continue;
        row[c - firstColumn] = { ...origin, spanned: true };
      }
    }
  }
  return grid;
}

/** A number formatted as a date (Excel keeps a date as the count of days since 1900): never a figure. */
export function isDateCell(cell: XLSX.CellObject | undefined): boolean {
  if (!cell) return false;
  if (cell.t === 'd') return true;
  return cell.t === 'n' && typeof cell.z === 'string' && sheetJs().SSF.is_date(cell.z);
}

/**
 * The date a date cell shows: its formatted text, or (where SheetJS formats it as the bare serial, as it does some
 * ODS date styles) the date as YYYY-MM-DD; never the serial number itself, which would read as a count.
 */
export function dateText(cell: XLSX.CellObject): string {
  if (cell.w && cell.w !== String(cell.v)) return cell.w;
  if (typeof cell.v !== 'number') return String(cell.v);
  const date = sheetJs().SSF.parse_date_code(cell.v);
  if (!date) return String(cell.v);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.y}-${pad(date.m)}-${pad(date.d)}`;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined) return '';
  // A date reads as the date it shows, so it is never taken for a count (36530 for 2000-01-05).
  if (isDateCell(cell)) return dateText(cell);
  if (cell.t === 'n') return String(cell.v);
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  return String(cell.v);
}

/**
 * What reading a workbook by its labels adds to the report: a figure that is a formula's saved result is read, with a
 * warning; a figure cell formatted as a date says so (not only "not a number"); a sheet with text past the grid's
 * bounds is named.
 */
export function labelledWorkbookNotes(workbook: XLSX.WorkBook, report: ReadReport): ReadReport {
  const cellOf = (pointer: string) => {
    const source = report.sources.get(pointer);
    if (!source?.sheet || !source.cell) return undefined;
    return workbook.Sheets[source.sheet]?.[source.cell] as XLSX.CellObject | undefined;
  };
  const findings = report.findings.map((finding) =>
    finding.messageId === 'notANumber' && isDateCell(cellOf(finding.pointer))
      ? { ...finding, messageId: 'dateCell' }
      : finding,
  );
  const explained = explanationsBySheet(workbook);
  for (const [pointer] of report.sources) {
    const cell = cellOf(pointer);
    const value = valueAt(report.model, pointer);
    if (cell?.f !== undefined && typeof value === 'number') findings.push(formulaNote(pointer, cell.f, value));
  }
  for (const { name, sheet } of visibleSheets(workbook)) {
    const clipped = sheetLayout(sheet)?.clipped;
    if (clipped) findings.push(clippedNote(name, clipped));
  }
  if (!explained) return { ...report, findings };
  return withExplanations({ ...report, findings }, explained);
}

/** An explanation as read from a row of the 说明 sheet: its three cells' texts and their addresses. */
interface ExplanationRow {
  rule: string;
  at: string;
  text: string;
  sheet: string;
  cells: readonly [string, string, string];
}

/** The report with the explanations read from its workbook, each entry's cells as its sources. */
function withExplanations(report: ReadReport, rows: readonly ExplanationRow[]): ReadReport {
  if (rows.length === 0) return report;
  const sources = new Map(report.sources);
  const explanations = rows.map((row, index) => {
    const pointer = `/explanations/${index}`;
    const [ruleCell, atCell, textCell] = row.cells;
    sources.set(pointer, { sheet: row.sheet, cell: ruleCell });
    sources.set(`${pointer}/rule`, { sheet: row.sheet, cell: ruleCell });
    sources.set(`${pointer}/at`, { sheet: row.sheet, cell: atCell });
    sources.set(`${pointer}/text`, { sheet: row.sheet, cell: textCell });
    return { rule: row.rule, at: row.at, text: row.text };
  });
  return { ...report, model: { ...report.model, explanations }, sources };
}

/** A cell's text, trimmed ('' for a blank). */
function textAt(sheet: XLSX.WorkSheet | undefined, address: string): string {
  const cell = sheet?.[address] as XLSX.CellObject | undefined;
  return cell === undefined || cell.t === 'z' || cell.v === undefined ? '' : String(cell.v).trim();
}

/** The rows of a range of three columns (规则, 位置, 说明) that hold anything. */
function explanationRows(workbook: XLSX.WorkBook, named: NamedRange): ExplanationRow[] {
  const sheet = workbook.Sheets[named.sheet];
  const { utils } = sheetJs();
  const { s, e } = named.range;
  const rows: ExplanationRow[] = [];
  for (let r = s.r; r <= e.r; r++) {
    const cells = [0, 1, 2].map((offset) => utils.encode_cell({ r, c: s.c + offset })) as [string, string, string];
    const [rule, at, text] = cells.map((address) => textAt(sheet, address)) as [string, string, string];
    if (rule || at || text) rows.push({ rule, at, text, sheet: named.sheet, cells });
  }
  return rows;
}

/**
 * The explanations of a workbook not made from the template (or one whose defined name was lost): the visible sheet
 * named 说明, from the row under the one whose cells say 规则, 位置 and 说明; undefined when there is no such sheet.
 */
function explanationsBySheet(workbook: XLSX.WorkBook): ExplanationRow[] | undefined {
  const found = visibleSheets(workbook).find(({ name }) => isExplanationsSheet(name));
  if (!found) return undefined;
  const grid = sheetGrid(found.sheet);
  const header = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  const headerRow = grid.findIndex((row) =>
    explanationsHeaders.every((wanted) => row.some((cell) => header(cell.text) === wanted)),
  );
  if (headerRow < 0) return [];
  const columns = explanationsHeaders.map((wanted) =>
    (grid[headerRow] as GridCell[]).findIndex((cell) => header(cell.text) === wanted),
  );
  const rows: ExplanationRow[] = [];
  for (const row of grid.slice(headerRow + 1)) {
    const cells = columns.map((c) => row[c]) as (GridCell | undefined)[];
    const [rule, at, text] = cells.map((cell) => (cell && !cell.spanned ? cell.text.trim() : ''));
    if (!rule && !at && !text) continue;
    const addresses = cells.map((cell) => cell?.address ?? '') as unknown as [string, string, string];
    rows.push({ rule: rule ?? '', at: at ?? '', text: text ?? '', sheet: found.name, cells: addresses });
  }
  return rows;
}

const formulaNote = (pointer: string, formula: string, value: number): Finding => ({
  ruleId: 'input',
  messageId: 'formulaValue',
  pointer,
  params: { formula, value },
  severity: 'warning',
});

const clippedNote = (sheet: string, clipped: { rows: number; columns: number }): Finding => ({
  ruleId: 'input',
  messageId: 'sheetClipped',
  pointer: '',
  params: { sheet, rows: clipped.rows, columns: clipped.columns, limit: MAX_GRID_CELLS },
  severity: 'warning',
  source: { sheet },
});

interface NamedRange {
  readonly sheet: string;
  readonly range: Readonly<XLSX.Range>;
  /** The address of the range's first cell (`D5`). */
  readonly first: string;
}

/** Defined names of the workbook (global ones, and sheet-local ones that are not shadowed). */
function definedNames(workbook: XLSX.WorkBook): Map<string, NamedRange> {
  const names = new Map<string, NamedRange>();
  for (const entry of workbook.Workbook?.Names ?? []) {
    const parsed = knownReference(entry.Ref);
    if (!parsed) continue;
    if (entry.Sheet === undefined || !names.has(entry.Name)) names.set(entry.Name, parsed);
  }
  return names;
}

/**
 * References already parsed: every workbook made from one template names the same 206 cells, so a batch parses them
 * once. Bounded whatever a workbook names: past REFERENCES_KEPT (a dozen templates' worth) it starts again, and a
 * reference longer than any a template writes is not kept (together at most a few MB).
 */
const parsedReferences = new Map<string, NamedRange | undefined>();
const REFERENCES_KEPT = 4096;
const REFERENCE_KEPT_LENGTH = 256;

function knownReference(reference: string): NamedRange | undefined {
  if (parsedReferences.has(reference)) return parsedReferences.get(reference);
  if (reference.length > REFERENCE_KEPT_LENGTH) return parseReference(reference);
  if (parsedReferences.size >= REFERENCES_KEPT) parsedReferences.clear();
  const parsed = parseReference(reference);
  parsedReferences.set(reference, parsed);
  return parsed;
}

/** `'三、收到…'!$D$5` or `Sheet1!$A$3:$A$102` → sheet and range. */
function parseReference(reference: string): NamedRange | undefined {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return undefined;
  // ODS keeps XML entities in references (&apos;三、…&apos;!$D$5).
  let sheet = reference.slice(0, bang);
  if (sheet.includes('&')) sheet = decodeEntities(sheet);
  if (sheet.startsWith('=')) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = reference.slice(bang + 1).replace(/\$/g, '');
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(address)) return undefined;
  const range = sheetJs().utils.decode_range(address);
  return { sheet, range, first: sheetJs().utils.encode_cell(range.s) };
}

const ENTITIES: Readonly<Record<string, string>> = { apos: "'", quot: '"', amp: '&', lt: '<', gt: '>' };

function decodeEntities(text: string): string {
  return text.replace(/&(apos|quot|amp|lt|gt);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function templateEdition(workbook: XLSX.WorkBook, file: string): EditionId | undefined {
  const marker = workbook.Sheets[markerSheet];
  if (!marker || marker.A1?.v !== markerTag) return undefined;
  const edition = String(marker.B1?.v ?? '');
  if (!isEditionId(edition)) throw new ReadError('unknownTemplateEdition', { file, edition });
  return edition;
}

export function isTemplateWorkbook(workbook: XLSX.WorkBook): boolean {
  return workbook.Sheets[markerSheet] !== undefined || definedNames(workbook).has('requests.newReceived.total');
}

/** Reads a workbook made by `report template`, cell by cell through its defined names. */
export function readTemplateWorkbook(
  workbook: XLSX.WorkBook,
  file: string,
  format: InputFormat,
  mode: ReadingMode = { lenient: false },
): ReadReport {
  const names = definedNames(workbook);
  const markedEdition = templateEdition(workbook, file);
  const editionId = markedEdition ?? guessEditionFromNames(names);
  if (!editionId) throw new ReadError('notTemplate', { file });
  const edition = getEdition(editionId);
  const fields = fieldsOf(edition);

  const model: Record<string, unknown> = { edition: edition.id };
  const sources = new Map<string, SourceRef>();
  const findings: Finding[] = [];
  const unreadable = new Set<string>();
  /** A cell whose value cannot be read: one message, and the schema and arithmetic stay silent about it. */
  const cannotRead = (pointer: string, messageId: string, params: Record<string, string>) => {
    findings.push({ ruleId: 'input', messageId, pointer, params });
    unreadable.add(pointer);
  };

  const cellAt = (named: NamedRange) => ({
    cell: workbook.Sheets[named.sheet]?.[named.first] as XLSX.CellObject | undefined,
    address: named.first,
  });
  const locate = (pointer: string, name: string) => {
    const named = names.get(name);
    if (!named) return undefined;
    const { cell, address } = cellAt(named);
    sources.set(pointer, { sheet: named.sheet, cell: address });
    return { cell, named };
  };

  for (const key of ['agency', 'year'] as const) {
    const found = locate(`/${key}`, key);
    const raw = found?.cell?.t === 'z' ? undefined : found?.cell?.v;
    if (raw === undefined || raw === '') continue;
    if (key === 'agency') model.agency = String(raw).trim();
    else model.year = readYearCell(raw);
  }

  for (const field of fields.numeric) {
    // Containers exist even when every cell is blank, so each blank cell is reported with its address.
    ensureParents(model, field.pointer);
    const found = locate(field.pointer, field.path);
    const cell = found?.cell;
    if (!found) {
      cannotRead(field.pointer, 'nameMissing', { name: field.path });
    } else if (cell?.f !== undefined && (cell.v === undefined || cell.t === 'z')) {
      cannotRead(field.pointer, 'formulaNoValue', { formula: cell.f });
    } else if (isDateCell(cell)) {
      cannotRead(field.pointer, 'dateCell', { text: dateText(cell as XLSX.CellObject) });
    } else {
      const raw = cell === undefined || cell.t === 'z' ? undefined : cell.t === 'e' ? (cell.w ?? '#ERROR') : cell.v;
      const reading = readNumberCell(raw, field.kind, mode);
      if (reading.kind === 'invalid') cannotRead(field.pointer, reading.messageId, { text: reading.text });
      else if (reading.kind === 'number') {
        setAt(model, field.pointer, reading.value);
        // A formula typed into an input cell: its saved result is read, and said to be one.
        if (cell?.f !== undefined) findings.push(formulaNote(field.pointer, cell.f, reading.value));
        if (reading.note) {
          const { messageId, text, value } = reading.note;
          findings.push({
            ruleId: 'input',
            messageId,
            pointer: field.pointer,
            params: { text, value },
            severity: 'warning',
          });
        }
      }
    }
  }

  for (const section of textSections) {
    const found = locate(`/${section}`, section);
    if (!found) continue;
    const sheet = workbook.Sheets[found.named.sheet];
    const paragraphs: string[] = [];
    const { s, e } = found.named.range;
    for (let row = s.r; row <= e.r; row++) {
      const cell = sheet?.[sheetJs().utils.encode_cell({ r: row, c: s.c })] as XLSX.CellObject | undefined;
      const text = cell === undefined || cell.t === 'z' || cell.v === undefined ? '' : String(cell.v).trim();
      if (text !== '') paragraphs.push(text);
    }
    model[section] = paragraphs;
  }

  const report: ReadReport = {
    file,
    format,
    readAs: 'template',
    model: canonicalModel(model, edition),
    sources,
    findings,
    unreadable,
  };
  // The 说明 sheet by its defined name, else by its name and headers (a sheet a filer added to an older template).
  const namedExplanations = names.get(explanationsName);
  const explained = namedExplanations ? explanationRows(workbook, namedExplanations) : explanationsBySheet(workbook);
  return explained ? withExplanations(report, explained) : report;
}

/** A template whose marker sheet was deleted still tells its edition by the names only one edition has. */
/**
 * The edition of a template workbook without its marker sheet (one copied into another workbook): the one whose own
 * figures — names no other edition has (2021's proactive.rules.issued, 2019's proactive.rules.newlyMade) — it names
 * most. Names every edition shares tell none of them.
 */
function guessEditionFromNames(names: ReadonlyMap<string, NamedRange>): EditionId | undefined {
  if (!names.has('requests.newReceived.total')) return undefined;
  let best: { id: EditionId; named: number } | undefined;
  for (const [id, own] of ownNames()) {
    let named = 0;
    for (const name of own) if (names.has(name)) named++;
    if (named > (best?.named ?? 0)) best = { id, named };
  }
  return best?.id;
}

let ownNamesOfEditions: ReadonlyMap<EditionId, readonly string[]> | undefined;

/** Each edition's figures that no other edition has, by their defined names. */
function ownNames(): ReadonlyMap<EditionId, readonly string[]> {
  if (ownNamesOfEditions) return ownNamesOfEditions;
  const named = editions.map((edition) => ({ id: edition.id, paths: fieldsOf(edition).numeric.map((f) => f.path) }));
  const count = new Map<string, number>();
  for (const { paths } of named) for (const path of paths) count.set(path, (count.get(path) ?? 0) + 1);
  ownNamesOfEditions = new Map(named.map(({ id, paths }) => [id, paths.filter((path) => count.get(path) === 1)]));
  return ownNamesOfEditions;
}
