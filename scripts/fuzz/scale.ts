// Mutations of scale: one list or string of a valid seed grown to 10³…10⁶ elements — rows, cells, `|` fields, <tr>,
// paragraphs, JSON arrays (also of the wrong type: numbers where paragraphs go, objects where a count goes), strings
// of 10⁶ characters, PDF content streams that draw thousands of tiny lines in a loop. What they find is the code that
// walks a list by recursion or spreads it into a call (`Math.min(...rows)`), and the work that grows as its square.
import * as XLSX from 'xlsx';
import { openZip } from '../../src/read/zip-container';
import type { Random } from '../seeded-random';
import { layOutText, makeCjkPdf, type PdfPage } from './pdf-writer';
import type { Seed } from './seeds';
import { writeZip } from './zip-writer';

const int = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

export const SCALES = [1_000, 10_000, 100_000, 1_000_000] as const;

/** What a scale mutation may need beside its seed: the report's plain text, which the PDFs are laid out from. */
export interface ScaleContext {
  text: string;
  /** The largest scale tried (`--max-scale`): the tests' slice stops at 10⁵, a full run goes to 10⁶. */
  maxScale?: number;
}

/** No mutated input is made much larger than the 20 MB every reader refuses past: a few go over it, on purpose. */
const MAX_BYTES = 24 * 1024 * 1024;

type Family = [string, (bytes: Buffer, n: number, random: Random, context: ScaleContext) => Buffer];

export function scaleFamilies(format: Seed['format']): Family[] {
  switch (format) {
    case 'txt':
      return [
        ['pipe-row', textPipeRow],
        ['field-row', textFieldRow],
        ['rows', textRows],
        ['lines', textLines],
        ['long-line', textLongLine],
      ];
    case 'html':
      return [
        ['tr', htmlRows],
        ['td', htmlCells],
        ['p', htmlParagraphs],
        ['long-text', htmlLongText],
      ];
    case 'json':
      return [
        ['overview-numbers', jsonOverviewNumbers],
        ['paragraphs', jsonParagraphs],
        ['count-objects', jsonCountObjects],
        ['wrong-array', jsonWrongArray],
        ['long-string', jsonLongString],
      ];
    case 'docx':
      return [
        ['paragraphs', docxRepeat('w:p')],
        ['rows', docxRepeat('w:tr')],
        ['cells', docxRepeat('w:tc')],
        ['long-text', docxLongText],
      ];
    case 'xlsx':
    case 'et':
      return [
        ['rows', xlsxRows],
        ['cells', xlsxCells],
        ['long-string', xlsxLongString],
      ];
    case 'ods':
      return [
        ['repeated', odsRepeated],
        ['rows', odsRows],
      ];
    case 'xls':
      return [['rows', xlsRows]];
    case 'pdf':
      return [
        ['tiny-lines', pdfTinyLines],
        ['runs', pdfRunsOnALine],
        ['segments', pdfSegments],
        ['pages', pdfPages],
      ];
    default:
      return [];
  }
}

/** One list or string of the seed grown: the kind names the family and the scale (`scale-tr-100000`). */
export function mutateScale(
  seed: Seed,
  random: Random,
  context: ScaleContext,
): { kind: string; bytes: Buffer } | undefined {
  const families = scaleFamilies(seed.format);
  if (!families.length) return undefined;
  const [name, apply] = pick(random, families);
  const n = pick(
    random,
    SCALES.filter((scale) => scale <= (context.maxScale ?? Number.POSITIVE_INFINITY)),
  );
  return { kind: `scale-${name}-${n}`, bytes: apply(seed.bytes, n, random, context) };
}

/** How many copies of `unit` fit under the byte cap (at least 1). */
const fitting = (n: number, unit: number) => Math.max(1, Math.min(n, Math.floor(MAX_BYTES / Math.max(1, unit))));

// ---- plain text -------------------------------------------------------------------------------------------------

const tableLines = (lines: readonly string[]) =>
  lines.map((line, index) => ({ line, index })).filter(({ line }) => line.includes('\t'));

/** A line of n `|` (the 200 kB row that once overflowed the stack), alone or after a row's label. */
function textPipeRow(bytes: Buffer, n: number, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const rows = tableLines(lines);
  const row = rows.length ? pick(random, rows) : undefined;
  const label = random() < 0.5 && row ? (row.line.split('\t')[0] ?? '') : '';
  const at = row && random() < 0.7 ? row.index + 1 : int(random, lines.length + 1);
  lines.splice(at, 0, `${label}${'|'.repeat(fitting(n, 1))}`);
  return Buffer.from(lines.join('\n'));
}

/** A table row with n more fields, TAB- or `|`-separated, figures or blanks. */
function textFieldRow(bytes: Buffer, n: number, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const rows = tableLines(lines);
  if (!rows.length) return textPipeRow(bytes, n, random);
  const { line, index } = pick(random, rows);
  const separator = pick(random, ['\t', '|']);
  const field = pick(random, ['1', '', '0', '12件']);
  const extra = `${separator}${field}`.repeat(fitting(n, field.length + 1));
  lines[index] = `${line.split('\t').join(separator)}${extra}`;
  return Buffer.from(lines.join('\n'));
}

/** A table row repeated n times. */
function textRows(bytes: Buffer, n: number, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const rows = tableLines(lines);
  const { line, index } = rows.length ? pick(random, rows) : { line: lines[0] ?? '', index: 0 };
  const copies = fitting(n, Buffer.byteLength(line) + 1);
  return Buffer.from(
    [...lines.slice(0, index + 1), `${line}\n`.repeat(copies).slice(0, -1), ...lines.slice(index + 1)].join('\n'),
  );
}

/** n short lines (one figure, or nothing) after a table's first row: a copy of a table one cell a line. */
function textLines(bytes: Buffer, n: number, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const rows = tableLines(lines);
  const at = rows.length ? (pick(random, rows).index as number) + 1 : int(random, lines.length + 1);
  const unit = pick(random, ['1\n', '\n', '1\t\n', '一、\n']);
  const run = unit.repeat(fitting(n, unit.length));
  return Buffer.from([...lines.slice(0, at), run, ...lines.slice(at)].join('\n'));
}

/** One paragraph (or the title, the agency's line) of n characters. */
function textLongLine(bytes: Buffer, n: number, random: Random): Buffer {
  const lines = bytes.toString('utf8').split('\n');
  const filled = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim());
  const { line, index } = filled.length
    ? pick(random, random() < 0.3 ? filled.slice(0, 1) : filled)
    : { line: '', index: 0 };
  const unit = pick(random, ['数', 'x', '1', ' ', '。']);
  lines[index] = `${line}${unit.repeat(fitting(n, Buffer.byteLength(unit)))}`;
  return Buffer.from(lines.join('\n'));
}

// ---- HTML -------------------------------------------------------------------------------------------------------

const positions = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match.index ?? 0);

/** n rows in a table: bare `<tr>` (the 560 kB page), empty rows, rows of one figure, or copies of a real row. */
function htmlRows(bytes: Buffer, n: number, random: Random): Buffer {
  const page = bytes.toString('utf8');
  const rows = [...page.matchAll(/<tr[\s>][\s\S]*?<\/tr>/g)];
  const row = rows.length ? pick(random, rows) : undefined;
  const unit = pick(random, ['<tr>', '<tr></tr>', '<tr><td>1</td></tr>', '<tr><td rowspan="0">', row?.[0] ?? '<tr>']);
  const copies = unit.repeat(fitting(n, Buffer.byteLength(unit)));
  const where = pick(random, ['in-table', 'after-row', 'own-table', 'end']);
  if (where === 'own-table' || !row) return Buffer.from(page.replace(/<\/body>|$/, `<table>${copies}</table>$&`));
  if (where === 'end') return Buffer.from(`${page}<table>${copies}`);
  const at = where === 'after-row' ? (row.index ?? 0) + row[0].length : (row.index ?? 0);
  return Buffer.from(page.slice(0, at) + copies + page.slice(at));
}

/** A row of n cells. */
function htmlCells(bytes: Buffer, n: number, random: Random): Buffer {
  const page = bytes.toString('utf8');
  const ends = positions(page, /<\/tr>/g);
  const unit = pick(random, ['<td>1</td>', '<td>', '<td></td>', '<th>本年新收</th>', '<td colspan="1000">1</td>']);
  const copies = unit.repeat(fitting(n, unit.length));
  if (!ends.length) return Buffer.from(`${page}<table><tr>${copies}</tr></table>`);
  const at = pick(random, ends);
  return Buffer.from(page.slice(0, at) + copies + page.slice(at));
}

/** n paragraphs (or line breaks) among the report's text. */
function htmlParagraphs(bytes: Buffer, n: number, random: Random): Buffer {
  const page = bytes.toString('utf8');
  const unit = pick(random, ['<p>段落</p>', '<p>', '<br>', '<div>1</div>', '<p>（一）主动公开</p>']);
  const copies = unit.repeat(fitting(n, Buffer.byteLength(unit)));
  const anchors = positions(page, /<(?:p|table)[\s>]/g);
  const at = anchors.length ? pick(random, anchors) : page.length;
  return Buffer.from(page.slice(0, at) + copies + page.slice(at));
}

/** A title, cell or paragraph of n characters. */
function htmlLongText(bytes: Buffer, n: number, random: Random): Buffer {
  const page = bytes.toString('utf8');
  const unit = pick(random, ['局', 'x', '1', '&nbsp;', ' ']);
  const text = unit.repeat(fitting(n, Buffer.byteLength(unit)));
  const where = pick(random, ['title', 'cell', 'paragraph']);
  const pattern = where === 'title' ? /<title>/ : where === 'cell' ? /<td[^>]*>/g : /<p[^>]*>/g;
  const anchors = [...page.matchAll(new RegExp(pattern.source, 'g'))];
  const anchor = anchors.length ? pick(random, anchors) : undefined;
  if (!anchor) return Buffer.from(`${page}<p>${text}</p>`);
  const at = (anchor.index ?? 0) + anchor[0].length;
  return Buffer.from(page.slice(0, at) + text + page.slice(at));
}

// ---- JSON -------------------------------------------------------------------------------------------------------

function parsed(bytes: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  return {};
}

/** Valid-shaped JSON with n numbers where the overview's paragraphs go (400,000 took 13 s and 780 MB). */
function jsonOverviewNumbers(bytes: Buffer, n: number, random: Random): Buffer {
  const model = parsed(bytes);
  const key = pick(random, ['overview', 'overview', 'problems', 'otherMatters']);
  model[key] = Array.from({ length: fitting(n, 8) }, (_, i) => (random() < 0.5 ? i : i + 0.5));
  return Buffer.from(JSON.stringify(model));
}

/** n paragraphs: a model that validates clean (200,000 overflowed the stack in `build`). */
function jsonParagraphs(bytes: Buffer, n: number, random: Random): Buffer {
  const model = parsed(bytes);
  const key = pick(random, ['overview', 'problems', 'otherMatters']);
  const paragraph = pick(random, ['段落', '（一）主动公开', 'x', '']);
  model[key] = Array.from({ length: fitting(n, Buffer.byteLength(paragraph) + 3) }, () => paragraph);
  return Buffer.from(JSON.stringify(model));
}

/** The counts of the model, by path. */
function countPaths(model: unknown): { parent: Record<string, unknown>; key: string }[] {
  const found: { parent: Record<string, unknown>; key: string }[] = [];
  const stack: unknown[] = [model];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'number' && key !== 'year') found.push({ parent: node as Record<string, unknown>, key });
      else stack.push(value);
    }
  }
  return found;
}

/** n objects (or an object of n keys) where a count goes. */
function jsonCountObjects(bytes: Buffer, n: number, random: Random): Buffer {
  const model = parsed(bytes);
  const counts = countPaths(model);
  const target = counts.length ? pick(random, counts) : { parent: model, key: 'agency' };
  const length = fitting(n, 4);
  target.parent[target.key] =
    random() < 0.7
      ? Array.from({ length }, () => ({}))
      : Object.fromEntries(Array.from({ length: Math.min(length, 200_000) }, (_, i) => [`k${i}`, i]));
  return Buffer.from(JSON.stringify(model));
}

/** Some key of the model (a section, a row, the agency) holding an array of n values of the wrong type. */
function jsonWrongArray(bytes: Buffer, n: number, random: Random): Buffer {
  const model = parsed(bytes);
  const containers: Record<string, unknown>[] = [];
  const stack: unknown[] = [model];
  for (let node = stack.pop(); node !== undefined; node = stack.pop())
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      containers.push(node as Record<string, unknown>);
      stack.push(...Object.values(node));
    }
  const target = pick(random, containers.length ? containers : [model]);
  const keys = Object.keys(target);
  const key = keys.length ? pick(random, keys) : 'agency';
  const element = pick<unknown>(random, [null, {}, '1', [], true, -1, '12件']);
  target[key] = Array.from({ length: fitting(n, 5) }, () => element);
  return Buffer.from(JSON.stringify(model));
}

/** The agency, the year or a paragraph as a string of n characters (control characters among them, sometimes). */
function jsonLongString(bytes: Buffer, n: number, random: Random): Buffer {
  const model = parsed(bytes);
  const unit = pick(random, ['局', 'x', ' ', '\u202e', '\u001b[2J', '\n']);
  const text = unit.repeat(Math.max(1, Math.floor(fitting(n, Buffer.byteLength(unit) + 1) / unit.length)));
  const where = pick(random, ['agency', 'agency', 'year', 'overview']);
  if (where === 'overview') {
    const overview = Array.isArray(model.overview) ? (model.overview as unknown[]) : [];
    overview[int(random, overview.length + 1)] = text;
    model.overview = overview;
  } else model[where] = text;
  return Buffer.from(JSON.stringify(model));
}

// ---- DOCX, workbooks ---------------------------------------------------------------------------------------------

type Entries = { name: string; content: Buffer }[];

const entriesOf = (bytes: Buffer): Entries =>
  [...openZip(bytes, 'seed')].map(([name, content]) => ({ name, content: content as Buffer }));

/** Rewrites one entry's XML (the first whose name matches) and zips again. */
function withEntry(bytes: Buffer, name: RegExp, random: Random, edit: (xml: string) => string): Buffer {
  const entries = entriesOf(bytes);
  const candidates = entries.filter((entry) => name.test(entry.name));
  const entry = candidates.length ? pick(random, candidates) : undefined;
  if (!entry) return bytes;
  entry.content = Buffer.from(edit(entry.content.toString('utf8')));
  return writeZip(entries);
}

/** One `<w:p>`, `<w:tr>` or `<w:tc>` of the document repeated n times (capped near the inflated-size limit). */
function docxRepeat(tag: 'w:p' | 'w:tr' | 'w:tc') {
  return (bytes: Buffer, n: number, random: Random): Buffer =>
    withEntry(bytes, /^word\/document\.xml$/, random, (xml) => {
      const elements = [...xml.matchAll(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g'))].filter(
        (match) => match[0].length < 4000,
      );
      const element = elements.length ? pick(random, elements) : undefined;
      if (!element) return xml;
      const at = (element.index ?? 0) + element[0].length;
      return xml.slice(0, at) + element[0].repeat(fitting(n, Buffer.byteLength(element[0])) - 1) + xml.slice(at);
    });
}

/** A run of text n characters long. */
function docxLongText(bytes: Buffer, n: number, random: Random): Buffer {
  return withEntry(bytes, /^word\/document\.xml$/, random, (xml) => {
    const runs = positions(xml, /<w:t(?: [^>]*)?>/g);
    const at = runs.length ? pick(random, runs) : -1;
    if (at < 0) return xml;
    const close = xml.indexOf('>', at) + 1;
    const unit = pick(random, ['局', 'x', '1']);
    return xml.slice(0, close) + unit.repeat(fitting(n, Buffer.byteLength(unit))) + xml.slice(close);
  });
}

const sheetEntry = /^xl\/worksheets\/sheet\d+\.xml$/;

/** n rows appended to a sheet, each a label and figures, as inline strings (no shared-string table needed). */
function xlsxRows(bytes: Buffer, n: number, random: Random): Buffer {
  return withEntry(bytes, sheetEntry, random, (xml) => {
    const label = pick(random, ['本年新收政府信息公开申请数量', '合计', '', 'x']);
    const rows = fitting(n, 120 + Buffer.byteLength(label));
    const parts: string[] = [];
    for (let i = 0; i < rows; i++) {
      const r = 200 + i;
      parts.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${label}</t></is></c><c r="B${r}"><v>1</v></c><c r="C${r}"><v>2</v></c></row>`,
      );
    }
    return xml
      .replace('</sheetData>', `${parts.join('')}</sheetData>`)
      .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:C${200 + rows}"/>`);
  });
}

/** One row of n cells (past XFD, the last column of a sheet, when n is large). */
function xlsxCells(bytes: Buffer, n: number, random: Random): Buffer {
  return withEntry(bytes, sheetEntry, random, (xml) => {
    const cells = fitting(n, 40);
    const parts: string[] = [];
    for (let c = 0; c < cells; c++) parts.push(`<c r="${XLSX.utils.encode_col(c)}190"><v>${c % 10}</v></c>`);
    return xml.replace('</sheetData>', `<row r="190">${parts.join('')}</row></sheetData>`);
  });
}

/** One cell holding n characters (a sheet allows 32,767). */
function xlsxLongString(bytes: Buffer, n: number, random: Random): Buffer {
  return withEntry(bytes, sheetEntry, random, (xml) => {
    const unit = pick(random, ['局', 'x', '1']);
    const text = unit.repeat(fitting(n, Buffer.byteLength(unit)));
    return xml.replace(
      '</sheetData>',
      `<row r="191"><c r="B191" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`,
    );
  });
}

/** A row or cell of the content repeated n times by its attribute: ten bytes that ask for a million rows. */
function odsRepeated(bytes: Buffer, n: number, random: Random): Buffer {
  return withEntry(bytes, /^content\.xml$/, random, (xml) => {
    const tag = pick(random, ['table:table-row', 'table:table-cell']);
    const attribute = tag === 'table:table-row' ? 'table:number-rows-repeated' : 'table:number-columns-repeated';
    const opens = [...xml.matchAll(new RegExp(`<${tag}(?=[ >/])`, 'g'))];
    const open = opens.length ? pick(random, opens) : undefined;
    if (!open) return xml;
    const at = (open.index ?? 0) + open[0].length;
    // A repeat already there is replaced, so the element keeps one value of it.
    const rest = xml.slice(at).replace(new RegExp(`^([^>]*?) ${attribute}="\\d+"`), '$1');
    return `${xml.slice(0, at)} ${attribute}="${n}"${rest}`;
  });
}

/** n rows written out in full, each a label and a figure. */
function odsRows(bytes: Buffer, n: number, random: Random): Buffer {
  return withEntry(bytes, /^content\.xml$/, random, (xml) => {
    const unit =
      '<table:table-row><table:table-cell office:value-type="string"><text:p>本年新收</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>';
    const ends = positions(xml, /<\/table:table>/g);
    const at = ends.length ? pick(random, ends) : -1;
    if (at < 0) return xml;
    return xml.slice(0, at) + unit.repeat(fitting(n, unit.length)) + xml.slice(at);
  });
}

/** A sheet of n rows (at most 10,000) written by SheetJS as .xls. */
function xlsRows(bytes: Buffer, n: number, random: Random): Buffer {
  const workbook = XLSX.read(bytes, { type: 'buffer' });
  const name = pick(random, workbook.SheetNames);
  const sheet = workbook.Sheets[name];
  if (!sheet) return bytes;
  // SheetJS takes about 50 kB of memory a row to write .xls: 10⁴ rows is where it stops being cheap.
  const rows = Math.min(n, 10_000);
  XLSX.utils.sheet_add_aoa(
    sheet,
    Array.from({ length: rows }, () => ['本年新收', 1, 2]),
    { origin: { r: 100, c: 0 } },
  );
  return XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

// ---- PDF --------------------------------------------------------------------------------------------------------

const HEADINGS = [
  '三、收到和处理政府信息公开申请情况',
  '二、主动公开政府信息情况',
  '四、政府信息公开行政复议、行政诉讼情况',
];

/**
 * The report laid out as a PDF, then one page whose content stream draws n tiny lines in a loop (the 6 kB PDF of
 * 130,000 lines): one figure a line or two, after a section's heading or not, at a hundredth of a point apart.
 */
function pdfTinyLines(_bytes: Buffer, n: number, random: Random, context: ScaleContext): Buffer {
  const heading = random() < 0.7 ? pick(random, HEADINGS) : undefined;
  const size = pick(random, [0.005, 0.1, 1]);
  const leading = pick(random, [0.006, 0.1, 1]);
  const two = random() < 0.5;
  const loop: PdfPage = (code) => {
    const line = two
      ? `${code('1')} ' 30 0 Td ${code('2')} Tj -30 0 Td `
      : `${code(pick(random, ['1', '0', '12']))} ' `;
    const head = heading ? `/F1 10 Tf 1 0 0 1 40 820 Tm ${code(heading)} Tj ` : '';
    return `BT ${head}/F1 ${size} Tf ${leading} TL 1 0 0 1 40 800 Tm ${line.repeat(n)}ET`;
  };
  return makeCjkPdf([...layOutText(context.text), loop]);
}

/** n runs on one baseline, each a figure, a tiny step apart: one line a table reader splits into cells. */
function pdfRunsOnALine(_bytes: Buffer, n: number, random: Random, context: ScaleContext): Buffer {
  const step = pick(random, [0.001, 0.5, 5]);
  const loop: PdfPage = (code) =>
    `BT /F1 10 Tf 1 0 0 1 40 820 Tm ${code(pick(random, HEADINGS))} Tj /F1 1 Tf 1 0 0 1 40 700 Tm ${`${code('1')} Tj ${step} 0 Td `.repeat(n)}ET`;
  return makeCjkPdf([...layOutText(context.text), loop]);
}

/**
 * n tiny ruled segments beside a few figures: the drawing the lattice reader turns into a table's borders — all on one
 * spot, or each a point long on a grid of 500 a row (the 130,000 that once exhausted the reader).
 */
function pdfSegments(_bytes: Buffer, n: number, random: Random, context: ScaleContext): Buffer {
  const shape = pick(random, [
    'grid',
    'grid',
    '40 700 m 41 700 l S ',
    '40 700 1 1 re f ',
    '0 -0.01 Td 40 700 m 540 700 l S ',
  ]);
  const drawing =
    shape === 'grid'
      ? Array.from(
          { length: n },
          (_, i) => `${i % 500} ${(i / 500) | 0} m ${(i % 500) + 1} ${(i / 500) | 0} l S\n`,
        ).join('')
      : shape.repeat(n);
  const loop: PdfPage = (code) =>
    `BT /F1 10 Tf 1 0 0 1 40 820 Tm ${code('信息内容')} Tj 1 0 0 1 240 820 Tm ${code('1 2 3 4')} Tj ET 0.5 w ${drawing}`;
  return makeCjkPdf([...layOutText(context.text), loop]);
}

/** The report followed by n/100 pages (at least 10) that all draw one content stream of a line and 40 figures. */
function pdfPages(_bytes: Buffer, n: number, random: Random, context: ScaleContext): Buffer {
  const pages = Math.max(10, Math.floor(n / 100));
  const line = pick(random, ['1', '本年新收', ' ']);
  return makeCjkPdf([...layOutText(context.text)], {
    shared: {
      pages,
      content: (code) =>
        `BT /F1 10 Tf 1 0 0 1 40 800 Tm ${code(line)} Tj ${Array.from({ length: 40 }, (_, i) => `/F1 8 Tf 1 0 0 1 ${50 + (i % 10) * 50} ${700 - ((i / 10) | 0) * 12} Tm ${code(String(i))} Tj`).join(' ')} ET`,
    },
  });
}
