// Serialises the document tree into the body of word/document.xml: paragraphs by named style, runs that carry the
// Chinese font slot and language, and tables with merged cells and widths fitted to their text. Written by hand
// because the docx library's object model cost ten times the layout itself (see README, Design).
import type { Block, ReportDocument, TableBlock, TableCell } from './document-tree';
import { BLANK_DATE, NOT_VALIDATED_NOTICE, placeCells } from './layout';
import { setEm, textEm } from './text-width';

/** The paragraph styles the package defines (docx.ts) and the body refers to by id. */
export type ParagraphRole =
  | 'Title'
  | 'Notice'
  | 'Body'
  | 'Heading1'
  | 'Heading2'
  | 'TableText'
  | 'TableHeader'
  | 'TableFigure'
  | 'Signature';

export interface BodyLook {
  /** Width of the type area in twips. */
  textWidth: number;
  titleSize: number;
  bodySize: number;
  tableSize: number;
  /** Left + right cell margins of tables, in twips. */
  cellPadding: number;
  /** The `<w:rPr>` every run of a role carries (fonts and language, so no program guesses them). */
  runProperties: Readonly<Record<ParagraphRole, string>>;
  /** 落款 right indent in characters of body text (GB/T 9704 7.3.5.2: 成文日期右空四字). */
  signatureIndentChars: number;
}

/** Characters XML 1.0 cannot hold: control characters but tab and line breaks, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Markup characters and what XML cannot hold: most texts (figures, labels) have none and are returned as they are. */
const NEEDS_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found.
  /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Text as XML character data: what XML cannot hold is dropped, markup characters escaped. */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

const run = (text: string, look: BodyLook, role: ParagraphRole) =>
  `<w:r>${look.runProperties[role]}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;

function paragraph(role: ParagraphRole, runs: string, extra = ''): string {
  return `<w:p><w:pPr><w:pStyle w:val="${role}"/>${extra}</w:pPr>${runs}</w:p>`;
}

/** The body of word/document.xml, without the section properties that close it. */
export function documentBody(document: ReportDocument, look: BodyLook): string {
  // Concatenated, not joined: V8 links the pieces and copies them once, when the string is encoded for the zip.
  let body = titleParagraph(document.title, look);
  if (document.notValidated) body += paragraph('Notice', run(NOT_VALIDATED_NOTICE, look, 'Notice'));
  const blocks = document.blocks;
  blocks.forEach((block, index) => {
    body += blockXml(block, look, blocks[index + 1]?.kind === 'signature');
  });
  return body;
}

/**
 * Where a title may break between words, as 公文 titles do (GB/T 9704 7.3.3: 回行时词意完整，排列对称): after the
 * agency, after the year, after 政府信息公开 and after 工作. The agency's own words are not known, so it is not broken.
 */
const TITLE_BREAKS = /(\d{4}年)(政府信息公开)(工作)年度报告$/;

/**
 * The lines of the title: one when it fits, measured as Word and LibreOffice set it (Latin digits half an em, and the
 * space autospace puts around them); else two, broken between words where the lines are most even, so no line is a
 * lone 「告」. An agency too long for that still breaks after itself and wraps as the program wraps it.
 */
export function titleLines(title: string, look: Pick<BodyLook, 'textWidth' | 'titleSize'>): string[] {
  const lineEm = look.textWidth / (look.titleSize * 20);
  if (setEm(title) <= lineEm) return [title];
  const match = TITLE_BREAKS.exec(title);
  if (!match || match.index <= 0) return [title];
  const breaks: number[] = [match.index];
  for (const part of match.slice(1)) breaks.push((breaks[breaks.length - 1] as number) + part.length);
  const candidates = breaks.map((at) => [title.slice(0, at), title.slice(at)] as const);
  const fitting = candidates.filter((lines) => lines.every((line) => setEm(line) <= lineEm));
  const uneven = ([first, second]: readonly [string, string]) => Math.abs(setEm(first) - setEm(second));
  const best = fitting.reduce<(typeof fitting)[number] | undefined>(
    (chosen, lines) => (chosen === undefined || uneven(lines) < uneven(chosen) ? lines : chosen),
    undefined,
  );
  return [...(best ?? (candidates[0] as readonly [string, string]))];
}

function titleParagraph(title: string, look: BodyLook): string {
  const lines = titleLines(title, look).map(
    (line, index) =>
      `<w:r>${look.runProperties.Title}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`,
  );
  return paragraph('Title', lines.join(''));
}

/**
 * A block as XML. The paragraph before the 落款 keeps with it (GB/T 9704 7.3.5: a page never holds the 落款 alone): a
 * page break there takes the paragraph's last lines — two at least, widow control — to the 落款's page.
 */
function blockXml(block: Block, look: BodyLook, beforeSignature = false): string {
  const keep = beforeSignature ? '<w:keepNext/>' : '';
  switch (block.kind) {
    case 'heading': {
      const role = block.level === 1 ? 'Heading1' : 'Heading2';
      return paragraph(role, run(block.text, look, role));
    }
    case 'paragraph':
      return paragraph('Body', run(block.text, look, 'Body'), keep);
    case 'table':
      // An empty paragraph after the table keeps the next heading from touching its bottom border.
      return `${tableXml(block, look)}${paragraph('TableText', '', keep)}`;
    case 'signature':
      return signatureXml(block.agency, block.date, look);
  }
}

/** The 落款: a blank line, then the agency centred over the date, the date four characters from the right margin. */
function signatureXml(agency: string, date: string | undefined, look: BodyLook): string {
  const dateText = date ?? BLANK_DATE;
  const charTwips = look.bodySize * 20;
  const dateIndent = look.signatureIndentChars * charTwips;
  const agencyIndent = Math.max(0, Math.round(dateIndent + ((textEm(dateText) - textEm(agency)) / 2) * charTwips));
  const right = (twips: number, keepNext: boolean) =>
    `${keepNext ? '<w:keepNext/>' : ''}<w:ind w:right="${twips}"/><w:jc w:val="right"/>`;
  return [
    paragraph('Signature', '', '<w:keepNext/>'),
    paragraph('Signature', run(agency, look, 'Signature'), right(agencyIndent, true)),
    paragraph('Signature', run(dateText, look, 'Signature'), right(dateIndent, false)),
  ].join('');
}

/** The smallest size a table's text is set in to keep its figures whole (a table of 四 with six-digit figures). */
const SMALLEST_TABLE_SIZE = 7;

/**
 * The size a table is set in and its column widths in twips. Each column is as wide as its text needs at that size —
 * the widest figure whole, the labels that stay on one line whole, headers broken only between words — plus padding,
 * and the page's spare width shared by `grow`. Where the columns do not fit at the style's size (seven-digit figures
 * across 三), the table is set half a point smaller until they do: a figure is never broken, nor a short label.
 */
export function tableType(
  table: TableBlock,
  look: Pick<BodyLook, 'textWidth' | 'tableSize' | 'cellPadding'>,
): { size: number; widths: number[] } {
  for (let size = look.tableSize; size >= SMALLEST_TABLE_SIZE; size -= 0.5) {
    const widths = fittedWidths(table, look, size);
    if (widths) return { size, widths };
  }
  return { size: SMALLEST_TABLE_SIZE, widths: squeezedWidths(table, look, SMALLEST_TABLE_SIZE) };
}

/** Column widths in twips at the table's size (see `tableType`). */
export function columnTwips(
  table: TableBlock,
  look: Pick<BodyLook, 'textWidth' | 'tableSize' | 'cellPadding'>,
): number[] {
  return tableType(table, look).widths;
}

/** A little slack per column: LibreOffice and Word round glyph advances differently. */
const columnWidth = (em: number, size: number, padding: number) => Math.ceil((em + 0.2) * size * 20) + padding;

/** The widths at `size` when every column's text fits in the type area, else undefined. */
function fittedWidths(
  table: TableBlock,
  look: Pick<BodyLook, 'textWidth' | 'cellPadding'>,
  size: number,
): number[] | undefined {
  const natural = table.columns.map((column) => columnWidth(column.em, size, look.cellPadding));
  let spare = look.textWidth - natural.reduce((a, b) => a + b, 0);
  if (spare < 0) return undefined;
  table.columns.forEach((column, index) => {
    const more =
      column.wish !== undefined ? columnWidth(column.wish, size, look.cellPadding) - (natural[index] ?? 0) : 0;
    if (more > 0 && more <= spare) {
      natural[index] = (natural[index] ?? 0) + more;
      spare -= more;
    }
  });
  const grow = table.columns.reduce((sum, column) => sum + column.grow, 0);
  if (grow === 0) return natural.map((width) => Math.floor((width / (look.textWidth - spare)) * look.textWidth));
  const widths = natural.map((width, index) => width + Math.floor((spare * (table.columns[index]?.grow ?? 0)) / grow));
  // Rounding leftovers go to the last growing column, so the table is exactly the type area wide.
  const last = table.columns.map((column) => column.grow > 0).lastIndexOf(true);
  widths[last] = (widths[last] ?? 0) + look.textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Where even the smallest size does not fit: the columns of figures keep their width and the others share what is
 * left; if the figures alone are too wide, every column is narrowed alike.
 */
function squeezedWidths(table: TableBlock, look: Pick<BodyLook, 'textWidth' | 'cellPadding'>, size: number): number[] {
  const natural = table.columns.map((column) => columnWidth(column.em, size, look.cellPadding));
  const figures = figureColumns(table);
  const fixed = natural.reduce((sum, width, index) => sum + (figures.has(index) ? width : 0), 0);
  const rest = natural.reduce((sum, width, index) => sum + (figures.has(index) ? 0 : width), 0);
  const scale = fixed < look.textWidth && rest > 0 ? (look.textWidth - fixed) / rest : undefined;
  const total = fixed + rest;
  const widths = natural.map((width, index) =>
    Math.floor(scale === undefined ? (width / total) * look.textWidth : figures.has(index) ? width : width * scale),
  );
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + look.textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The columns in which a figure stands alone in its cell. */
function figureColumns(table: TableBlock): ReadonlySet<number> {
  const columns = new Set<number>();
  for (const { cell, column } of placeCells([...table.head, ...table.body]))
    if (cell.pointer !== undefined && (cell.colSpan ?? 1) === 1) columns.add(column);
  return columns;
}

const TABLE_PROPERTIES = (width: number, padding: number) =>
  `<w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="${padding / 2}" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="${padding / 2}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>`;

/**
 * Body rows kept on the page of the header: a table never starts at a page foot with a sliver of rows. Not all of
 * them — a table kept whole that is longer than what a page leaves under its heading pushes the heading away from it.
 */
const ROWS_KEPT_WITH_HEADER = 6;

/**
 * A Word table. Merged rows need a continuation cell (`vMerge` without `restart`) in every row they cover; the header
 * and the first rows keep with the next, and the table breaks where it must, its header rows repeated.
 */
export function tableXml(table: TableBlock, look: BodyLook): string {
  const { size, widths } = tableType(table, look);
  // A table set smaller than the style's size carries its size on every run.
  const sized =
    size === look.tableSize
      ? look
      : {
          ...look,
          tableSize: size,
          runProperties: withSize(look.runProperties, size, ['TableText', 'TableHeader', 'TableFigure']),
        };
  // edges[i]: where column i starts, so a span's width is one subtraction.
  const edges = [0];
  for (const w of widths) edges.push((edges[edges.length - 1] as number) + w);
  const width = (start: number, span: number) => (edges[start + span] as number) - (edges[start] as number);
  const rows = [...table.head, ...table.body];
  const keptRows = Math.min(rows.length - 1, table.head.length + ROWS_KEPT_WITH_HEADER);
  const lastOfPart = lastRowsOfParts(rows, table.columnCount);
  const keepsNext = (row: number) => row < keptRows || !lastOfPart.has(row);
  // Each row's cells by the grid column they start in, so they come out left to right.
  const byRow: string[][] = rows.map(() => []);
  for (const { cell, row, column } of placeCells(rows)) {
    const colSpan = cell.colSpan ?? 1;
    const rowSpan = cell.rowSpan ?? 1;
    const span = colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '';
    const cellWidth = width(column, colSpan);
    (byRow[row] as string[])[column] = cellXml(
      cell,
      cellWidth,
      span,
      rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '',
      keepsNext(row),
      sized,
    );
    for (let below = row + 1; below < row + rowSpan; below++) {
      const properties = `<w:tcW w:w="${cellWidth}" w:type="dxa"/>${span}<w:vMerge/>`;
      const keepBelow = keepsNext(below) ? '<w:keepNext/>' : '';
      const cells = byRow[below];
      if (cells)
        cells[column] =
          `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>${keepBelow}</w:pPr></w:p></w:tc>`;
    }
  }
  let xml = `<w:tbl>${TABLE_PROPERTIES(look.textWidth, look.cellPadding)}<w:tblGrid>`;
  for (const w of widths) xml += `<w:gridCol w:w="${w}"/>`;
  xml += '</w:tblGrid>';
  byRow.forEach((cells, index) => {
    xml +=
      index < table.head.length
        ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
        : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (const cell of cells) if (cell !== undefined) xml += cell;
    xml += '</w:tr>';
  });
  return `${xml}</w:tbl>`;
}

/**
 * The last row of each part of a table that may end a page: a table of sub-tables (二: each opens with a row whose
 * one cell spans the table, 第二十条第（一）项, then its header and figures) breaks only between them, so no item or
 * header row is left at a page foot without its figures; any other table may break after any row.
 */
function lastRowsOfParts(rows: readonly TableCell[][], columnCount: number): ReadonlySet<number> {
  const opensPart = (cells: readonly TableCell[]) =>
    cells.length === 1 && cells[0]?.header === 'colgroup' && (cells[0].colSpan ?? 1) === columnCount;
  const starts = rows.flatMap((cells, row) => (opensPart(cells) ? [row] : []));
  if (starts.length === 0) return new Set(rows.map((_, row) => row));
  return new Set([...starts.slice(1).map((row) => row - 1), rows.length - 1]);
}

/** Run properties with the size given, for the roles named. */
function withSize(
  properties: Readonly<Record<ParagraphRole, string>>,
  size: number,
  roles: readonly ParagraphRole[],
): Record<ParagraphRole, string> {
  const halfPoints = Math.round(size * 2);
  const sized = { ...properties };
  for (const role of roles)
    sized[role] = properties[role].replace(
      '</w:rPr>',
      `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/></w:rPr>`,
    );
  return sized;
}

function cellXml(cell: TableCell, width: number, span: string, merge: string, keep: boolean, look: BodyLook): string {
  const role: ParagraphRole =
    cell.pointer !== undefined
      ? 'TableFigure'
      : cell.header === 'col' || cell.header === 'colgroup'
        ? 'TableHeader'
        : 'TableText';
  // Row labels read from the left; group labels, headers and figures sit in the middle of their cells.
  const align = cell.header === 'row' ? '' : role === 'TableText' ? '<w:jc w:val="center"/>' : '';
  const properties = `<w:tcW w:w="${width}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/>`;
  const lines =
    role === 'TableHeader' ? headerLines(cell.text, (width - look.cellPadding) / (look.tableSize * 20)) : [];
  const text =
    cell.text === ''
      ? ''
      : lines.length > 1
        ? lines
            .map((line, index) => run(line, look, role).replace('<w:t ', index > 0 ? '<w:br/><w:t ' : '<w:t '))
            .join('')
        : run(cell.text, look, role);
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${paragraph(role, text, `${keep ? '<w:keepNext/>' : ''}${align}`)}</w:tc>`;
}

/**
 * A column header too wide for its cell, in lines broken between its words: the headers of figure columns are
 * compounds of two-character words (结果/维持, 社会/公益/组织), so each line holds the most whole pairs that fit, and
 * the program never breaks 结果维/持 where a cell has room for three characters.
 */
export function headerLines(text: string, em: number): string[] {
  if (textEm(text) <= em - 0.1 || !/^[\u4e00-\u9fff]+$/.test(text)) return [text];
  const perLine = Math.max(2, 2 * Math.floor((em - 0.1) / 2));
  const characters = [...text];
  const lines: string[] = [];
  for (let at = 0; at < characters.length; at += perLine) lines.push(characters.slice(at, at + perLine).join(''));
  return lines;
}
