// Serialises the document tree into the body of word/document.xml: paragraphs by named style, runs that carry the
// Chinese font slot and language, and tables with merged cells and widths fitted to their text. Written by hand
// because the docx library's object model cost ten times the layout itself (see README, Design).
import type { Block, ReportDocument, TableBlock, TableCell } from './document-tree';
import { BLANK_DATE, NOT_VALIDATED_NOTICE, placeCells } from './layout';
import { textEm } from './text-width';

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
  for (const block of document.blocks) body += blockXml(block, look);
  return body;
}

/** A title too long for one line breaks after the agency, as 公文 titles do, not in the middle of a word. */
export function titleLines(title: string, look: Pick<BodyLook, 'textWidth' | 'titleSize'>): string[] {
  const charactersPerLine = Math.floor(look.textWidth / (look.titleSize * 20));
  const split = title.search(/\d{4}年政府信息公开工作年度报告$/);
  return textEm(title) <= charactersPerLine || split <= 0 ? [title] : [title.slice(0, split), title.slice(split)];
}

function titleParagraph(title: string, look: BodyLook): string {
  const lines = titleLines(title, look).map(
    (line, index) =>
      `<w:r>${look.runProperties.Title}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`,
  );
  return paragraph('Title', lines.join(''));
}

function blockXml(block: Block, look: BodyLook): string {
  switch (block.kind) {
    case 'heading': {
      const role = block.level === 1 ? 'Heading1' : 'Heading2';
      return paragraph(role, run(block.text, look, role));
    }
    case 'paragraph':
      return paragraph('Body', run(block.text, look, 'Body'));
    case 'table':
      // An empty paragraph after the table keeps the next heading from touching its bottom border.
      return `${tableXml(block, look)}${paragraph('TableText', '')}`;
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

/** Column widths in twips: each column's text at the table's size plus padding, the spare width shared by `grow`. */
export function columnTwips(
  table: TableBlock,
  look: Pick<BodyLook, 'textWidth' | 'tableSize' | 'cellPadding'>,
): number[] {
  // A little slack per column: LibreOffice and Word round glyph advances differently.
  const twips = (em: number) => Math.ceil((em + 0.2) * look.tableSize * 20) + look.cellPadding;
  const natural = table.columns.map((column) => twips(column.em));
  let spare = look.textWidth - natural.reduce((a, b) => a + b, 0);
  table.columns.forEach((column, index) => {
    const more = column.wish !== undefined ? twips(column.wish) - (natural[index] ?? 0) : 0;
    if (more > 0 && more <= spare) {
      natural[index] = (natural[index] ?? 0) + more;
      spare -= more;
    }
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const grow = table.columns.reduce((sum, column) => sum + column.grow, 0);
  if (spare < 0 || grow === 0) return natural.map((width) => Math.floor((width / total) * look.textWidth));
  const widths = natural.map((width, index) => width + Math.floor((spare * (table.columns[index]?.grow ?? 0)) / grow));
  // Rounding leftovers go to the last growing column, so the table is exactly the type area wide.
  const last = table.columns.map((column) => column.grow > 0).lastIndexOf(true);
  widths[last] = (widths[last] ?? 0) + look.textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
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
  const widths = columnTwips(table, look);
  // edges[i]: where column i starts, so a span's width is one subtraction.
  const edges = [0];
  for (const w of widths) edges.push((edges[edges.length - 1] as number) + w);
  const width = (start: number, span: number) => (edges[start + span] as number) - (edges[start] as number);
  const rows = [...table.head, ...table.body];
  const keptRows = Math.min(rows.length - 1, table.head.length + ROWS_KEPT_WITH_HEADER);
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
      row < keptRows,
      look,
    );
    for (let below = row + 1; below < row + rowSpan; below++) {
      const properties = `<w:tcW w:w="${cellWidth}" w:type="dxa"/>${span}<w:vMerge/>`;
      const keepBelow = below < keptRows ? '<w:keepNext/>' : '';
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
  const text = cell.text === '' ? '' : run(cell.text, look, role);
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${paragraph(role, text, `${keep ? '<w:keepNext/>' : ''}${align}`)}</w:tc>`;
}
