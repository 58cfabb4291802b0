// A PDF's text layer (pdfjs): paragraphs from its lines, and the tables of 二, 三 and 四 rebuilt from positions —
// a row is a line of figures, and label fragments (wrapped lines, vertical text) are joined by column and given
// to the nearest row.
// A Node adapter (pdfjs finds its worker by a file: URL); read-input.node.ts alone loads it.

import { pathToFileURL } from 'node:url';
import { BRACKETED_NUMBER, normaliseLabel, ROW_NUMBERING } from '../../model/label-text';
import { appendAll, minOf } from '../../model/many-values';
import { ReadError } from '../../model/read-report';
import type { FlowCell, FlowDocument, FlowItem, FlowParagraph } from './flow-document';
import { headingOf } from './flow-sections';
import { isTableHeader, sectionHeadings } from './official-labels';
import { joinAcrossPages, type LatticeTable, latticeTables, ruleSegments } from './pdf-lattice';

const STARTS_BRACKETED = new RegExp(`^${BRACKETED_NUMBER}`);

interface Run {
  text: string;
  page: number;
  x: number;
  right: number;
  /** Baseline, from the top of the page (grows downwards). */
  y: number;
  height: number;
}

type Line = Run[];

export async function pdfToFlow(buffer: Buffer, file: string): Promise<FlowDocument> {
  const entries = joinPageBreaks(await pdfEntries(buffer, file));
  const lines = entries.filter((entry): entry is Line => Array.isArray(entry));
  if (!lines.some((line) => line.some((run) => run.text.trim())) && entries.length === lines.length)
    throw new ReadError('notPdf', { file });
  const items: FlowItem[] = [];
  let tableSection: string | undefined;
  let tableLines: Line[] = [];
  const flushTable = () => {
    if (tableSection && tableLines.length) appendAll(items, tableFromLines(tableLines));
    tableLines = [];
  };
  let paragraph: { text: string; line: Line } | undefined;
  const flushParagraph = () => {
    if (paragraph)
      items.push({ kind: 'paragraph', text: paragraph.text, source: { page: paragraph.line[0]?.page ?? 1 } });
    paragraph = undefined;
  };
  const firstInk = (line: Line) => line.find((run) => run.text.trim() !== '') ?? line[0];
  let left = Number.POSITIVE_INFINITY;
  for (const line of lines) left = Math.min(left, firstInk(line)?.x ?? Number.POSITIVE_INFINITY);
  // The right margin of the body text: most lines of a paragraph run to it (tables and titles are not the measure).
  const rights = lines.map((line) => line[line.length - 1]?.right ?? 0).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.75)] ?? 0;

  let tableCount = 0;
  let lastHeading: FlowParagraph | undefined;
  for (const entry of entries) {
    if (!Array.isArray(entry)) {
      // A table drawn with rules: its cells are known by their boxes, and its text is no paragraph.
      flushParagraph();
      flushTable();
      items.push({ kind: 'table', rows: latticeRows(entry, ++tableCount), layout: 'grid' });
      continue;
    }
    const line = entry;
    const text = lineText(line);
    const last = items[items.length - 1];
    if (last?.kind === 'paragraph' && lastHeading === last && continuesHeading(last.text, text)) {
      // A heading too long for its line goes on on the next (…提起行政诉讼情 / 况).
      last.text += text;
      continue;
    }
    const heading = headingOf(text);
    if (heading) {
      flushParagraph();
      flushTable();
      tableSection = heading === 'proactive' || heading === 'requests' || heading === 'appeals' ? heading : undefined;
      lastHeading = { kind: 'paragraph', text, source: { page: line[0]?.page ?? 1 } };
      items.push(lastHeading);
      continue;
    }
    if (tableSection) {
      tableLines.push(line);
      continue;
    }
    const first = firstInk(line) as Run;
    const indented = first.x > left + first.height * 0.8;
    const subheading = STARTS_BRACKETED.test(text);
    const previousShort = paragraph
      ? (paragraph.line[paragraph.line.length - 1]?.right ?? 0) < right - first.height * 2
      : true;
    if (!paragraph || indented || subheading || previousShort || first.page !== paragraph.line[0]?.page) {
      // A paragraph continues on the next page when its last line ran to the margin.
      if (paragraph && first.page !== paragraph.line[0]?.page && !indented && !subheading && !previousShort) {
        paragraph.text += text;
        paragraph.line = line;
        continue;
      }
      flushParagraph();
      paragraph = { text, line };
    } else {
      paragraph.text += text;
      paragraph.line = line;
    }
  }
  flushParagraph();
  flushTable();
  return { items };
}

/** Whether a line completes the heading printed on the line before it: the two together still begin its wording. */
function continuesHeading(heading: string, line: string): boolean {
  const key = headingOf(heading);
  const joined = normaliseLabel(heading + line);
  if (!key || line.length > 12 || joined === normaliseLabel(heading)) return false;
  return (sectionHeadings.find(([k]) => k === key)?.[1] ?? []).some((spelling) => spelling.startsWith(joined));
}

type Pdfjs = typeof import('pdfjs-dist');

/**
 * pdfjs, from the minified builds the package ships for production: the same release, but half the source for Node to
 * compile, which cut a PDF import on Node 20 (no compile cache there) by about 110 ms of 730. pdfjs is an ES module;
 * Node 20.19+ loads it with require. Its "worker" runs on this thread (Node has no web workers): told to load the
 * minified one too, or it would import the full build.
 */
export function loadPdfjs(): Pdfjs {
  const pdfjs = require('pdfjs-dist/legacy/build/pdf.min.mjs') as Pdfjs;
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
    require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs'),
  ).href;
  return pdfjs;
}

/** What a page gives, in reading order: lines of text, and tables drawn with rules (each at its top). */
type Entry = Line | PageTable;
interface PageTable extends LatticeTable {
  page: number;
}

/** A lattice table as a grid of cells: a merged cell is copied into each position it covers, knowing its original. */
function latticeRows(table: PageTable, tableNumber: number): FlowCell[][] {
  const grid: FlowCell[][] = Array.from({ length: table.rows }, () => []);
  for (const cell of table.cells) {
    const original: FlowCell = {
      text: cell.text,
      source: { page: table.page, table: tableNumber, row: cell.row + 1, column: cell.column + 1 },
    };
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.column; c < cell.column + cell.colSpan; c++)
        (grid[r] as FlowCell[])[c] =
          r === cell.row && c === cell.column
            ? original
            : { ...original, spanned: true, origin: original, ...(r > cell.row ? { fromAbove: true } : {}) };
  }
  const rows = grid.map((row, r) =>
    Array.from(
      { length: table.columns },
      (_, c) => row[c] ?? { text: '', source: { page: table.page, table: tableNumber, row: r + 1, column: c + 1 } },
    ),
  );
  // A row the page break cut, with nothing of it found on the next page: its empty cells may hold what that page
  // shows, so they are no blank (no 0) but no cell at all.
  const last = rows[rows.length - 1];
  if (table.openBottom && last)
    rows[rows.length - 1] = last.map((cell) => (cell.text === '' ? { ...cell, hole: true } : cell));
  return rows;
}

/** A table that ends one page and one that begins the next, with their columns in the same places, are one table. */
function joinPageBreaks(entries: readonly Entry[]): Entry[] {
  const joined: Entry[] = [];
  for (const entry of entries) {
    const previous = joined[joined.length - 1];
    if (previous && !Array.isArray(previous) && !Array.isArray(entry) && entry.page === previous.page + 1) {
      const table = joinAcrossPages(previous, entry, isFigure);
      if (table) {
        joined[joined.length - 1] = { ...table, page: previous.page };
        continue;
      }
    }
    joined.push(entry);
  }
  return joined;
}

async function pdfEntries(buffer: Buffer, file: string): Promise<Entry[]> {
  const pdfjs = loadPdfjs();
  let document: PdfDocument;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(buffer),
      // eval is off: the PDF is untrusted.
      isEvalSupported: false,
      verbosity: 0,
      useSystemFonts: false,
    }).promise;
  } catch (error) {
    if (/password/i.test(String(error))) throw new ReadError('encrypted', { file }, { cause: error });
    throw new ReadError('notPdf', { file }, { cause: error });
  }
  const entries: Entry[] = [];
  try {
    await readPages(document, entries, file);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    // A damaged page or stream (pdfjs: "Bad encoding in flate stream", "End of file inside dictionary", …).
    throw new ReadError('notPdf', { file }, { cause: error });
  } finally {
    await document.destroy();
  }
  return entries;
}

/** Labels only the report's tables print. */
const TABLE_LABELS = /信息内容|申请人情况|自然人|结果维持|本年新收|第二十条|行政复议/;

/**
 * Whether a page may hold a table of the report, worth reading its drawing for: one of the tables' labels (`labelled`), or several
 * figures standing alone (a table continued from the page before, its header left there).
 */
function mayHoldTable(runs: readonly Run[], labelled: boolean): boolean {
  if (labelled) return true;
  let figures = 0;
  for (const run of runs) if (isFigure(run.text) && ++figures >= 4) return true;
  return false;
}

/**
 * How far a PDF is read. A report is a few pages to a few dozen, its tables among the first: a document that shows
 * none of their labels in its first FIRST_PAGES pages is judged on those (it is no report, or not one we can read),
 * and none is read past MAX_PAGES. So a PDF of thousands of pages takes the time of a report, not of its length.
 */
const FIRST_PAGES = 30;
const MAX_PAGES = 300;

/**
 * What one PDF may make pdfjs hold. A report's densest page has a few hundred pieces of text and a few thousand drawing
 * operations (the 淮安 report: 277 and 4,121; our own pages printed by Chromium: 429 and 2,902), its whole text some
 * thousands of pieces. pdfjs builds what it is asked for in full, in memory: 130,000 tiny segments on one page took
 * 83 MB and 165,000 pieces of text more than the reader's heap. So its deliveries are read as they come and stopped
 * past these bounds, far above any report's and far below the memory limit: too much text refuses the file, too much
 * drawing leaves the page's drawing aside (its text is read as a page without rules).
 */
const MAX_TEXT_ITEMS = 100_000;
const MAX_PAGE_OPERATIONS = 40_000;

/** pdfjs carries a cancelled stream's reason to its worker and accepts an Error only. */
const PAST_BOUND = 'past the bound of what a report holds';

type TextItem = Extract<Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number], { str: string }>;

/** A page's pieces of text, or undefined if it holds more than `limit`: read from pdfjs's stream, which is cancelled there. */
async function boundedTextItems(page: PdfPage, limit: number): Promise<TextItem[] | undefined> {
  const reader = page.streamTextContent().getReader();
  const items: TextItem[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    for (const item of (value as { items: readonly object[] }).items)
      if ('str' in item) {
        if (items.length >= limit) {
          await reader.cancel(new Error(PAST_BOUND));
          return undefined;
        }
        items.push(item as TextItem);
      }
  }
}

/**
 * What pdfjs hands over of a page's operator list: it comes in chunks of about 1,000 operations, its worker waiting for
 * each to be taken, and its public getOperatorList keeps them all. pdfjs 5 delivers each chunk through the page's
 * `_renderPageChunk`, which is watched here: past `limit` the stream is cancelled (the worker stops evaluating the page)
 * and the list ends where it stands. test/pdf-bounds.test.ts fails if a pdfjs release delivers otherwise.
 */
interface OperatorChunk {
  length: number;
  fnArray: number[];
  argsArray: unknown[];
  lastChunk: boolean;
  separateAnnots: unknown;
}
interface DeliveringPage {
  _renderPageChunk(
    chunk: OperatorChunk,
    state: { streamReader?: { cancel(reason: Error): Promise<void> } | null },
  ): void;
}

export async function boundedOperatorList(
  page: PdfPage,
  limit: number,
): Promise<{ fnArray: number[]; argsArray: unknown[] } | undefined> {
  const delivering = page as unknown as DeliveringPage;
  const deliver = delivering._renderPageChunk;
  if (typeof deliver !== 'function')
    throw new Error('pdfjs no longer delivers operator lists through _renderPageChunk');
  let taken = 0;
  let over = false;
  delivering._renderPageChunk = function (this: DeliveringPage, chunk, state) {
    if (over) return;
    taken += chunk.length;
    if (taken > limit) {
      over = true;
      state.streamReader?.cancel(new Error(PAST_BOUND)).catch(() => {});
      deliver.call(this, { length: 0, fnArray: [], argsArray: [], lastChunk: true, separateAnnots: null }, state);
      return;
    }
    deliver.call(this, chunk, state);
  };
  try {
    const list = await page.getOperatorList();
    return over ? undefined : list;
  } finally {
    delivering._renderPageChunk = deliver;
  }
}

async function readPages(document: PdfDocument, entries: Entry[], file: string): Promise<void> {
  let sawTable = false;
  let textItems = 0;
  const last = Math.min(document.numPages, MAX_PAGES);
  for (let number = 1; number <= last; number++) {
    if (number > FIRST_PAGES && !sawTable) return;
    const page = await document.getPage(number);
    const height = page.view[3] ?? 842;
    const items = await boundedTextItems(page, MAX_TEXT_ITEMS - textItems);
    if (!items) throw new ReadError('tooManyElements', { file, limit: MAX_TEXT_ITEMS });
    textItems += items.length;
    const runs: Run[] = [];
    for (const item of items) {
      // Spaces come as items of their own: kept for paragraphs, dropped from table cells.
      if (!('str' in item) || item.str === '') continue;
      const size = Math.abs(item.transform[3] ?? item.height) || item.height || 10;
      runs.push({
        text: realCharacters(item.str),
        page: number,
        x: item.transform[4] ?? 0,
        right: (item.transform[4] ?? 0) + item.width,
        y: height - (item.transform[5] ?? 0),
        height: size,
      });
    }
    const labelled = TABLE_LABELS.test(runs.map((run) => run.text).join(''));
    sawTable ||= labelled;
    const tables = mayHoldTable(runs, labelled)
      ? latticeTables(ruleSegments(await pagePaths(page, height)), runs, (text) => ROW_NUMBERING.test(text.trim())).map(
          (table) => ({ ...table, page: number }),
        )
      : [];
    const free = tables.length ? runs.filter((run) => !tables.some((table) => table.pieces.has(run))) : runs;
    const lines = groupLines(free).filter(
      (line) => lineText(line) !== '' && !/^[-—–]\s*\d+\s*[-—–]$/.test(lineText(line)),
    );
    // Tables stand among the lines at their tops.
    let next = 0;
    for (const line of lines) {
      while (next < tables.length && (tables[next] as PageTable).top <= (line[0]?.y ?? 0) - (line[0]?.height ?? 0))
        entries.push(tables[next++] as PageTable);
      entries.push(line);
    }
    while (next < tables.length) entries.push(tables[next++] as PageTable);
    // pdfjs keeps a page's operator list until told: what was taken from it is all that stays.
    page.cleanup();
  }
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * The paths a page paints, in page points (y downwards), from its operator list: pdfjs hands each path as drawing
 * operations under the transformation in force, which is followed through save, restore, transform and form XObjects.
 */
/**
 * A page drawing more path points than this is no table of a report (one has a few hundred rules): its drawing is left
 * aside and its text read as a page without rules, so a small file of countless tiny lines costs no more than that.
 */
const MAX_PATH_POINTS = 40_000;

async function pagePaths(
  page: PdfPage,
  height: number,
): Promise<{ points: [number, number][]; closed: boolean; filled: boolean }[]> {
  const { OPS } = loadPdfjs();
  const list = await boundedOperatorList(page, MAX_PAGE_OPERATIONS);
  if (!list) return [];
  const paths: { points: [number, number][]; closed: boolean; filled: boolean }[] = [];
  type Matrix = [number, number, number, number, number, number];
  const multiply = (m: Matrix, n: readonly number[]): Matrix => {
    const [a, b, c, d, e, f] = n as Matrix;
    return [
      a * m[0] + b * m[2],
      a * m[1] + b * m[3],
      c * m[0] + d * m[2],
      c * m[1] + d * m[3],
      e * m[0] + f * m[2] + m[4],
      e * m[1] + f * m[3] + m[5],
    ];
  };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let points = 0;
  const painting = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(ctm);
      if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.constructPath && painting.has(args[0] as number)) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const filled = fills.has(args[0] as number);
      const at = (x: number, y: number): [number, number] => [
        ctm[0] * x + ctm[2] * y + ctm[4],
        height - (ctm[1] * x + ctm[3] * y + ctm[5]),
      ];
      let current: { points: [number, number][]; closed: boolean; filled: boolean } | undefined;
      for (let k = 0; k < data.length; ) {
        const op = data[k] as number;
        if (op === 0 || op === 1) {
          if (op === 0 || !current) {
            current = { points: [], closed: false, filled };
            paths.push(current);
          }
          current.points.push(at(data[k + 1] as number, data[k + 2] as number));
          if (++points > MAX_PATH_POINTS) return [];
          k += 3;
        } else if (op === 2) {
          current = undefined; // a curve: no rule
          k += 7;
        } else if (op === 3) {
          current = undefined;
          k += 5;
        } else if (op === 4) {
          if (current) current.closed = true;
          k += 1;
        } else break;
      }
    }
  }
  return paths;
}

// PDF fonts often map CJK characters to their radical look-alikes (⼯ U+2F2F for 工, ⺠ U+2EA0 for 民): the text
// layer then says something else than the page shows. Kangxi radicals have a compatibility form (NFKC); the radicals
// supplement does not, so its usual stand-ins are listed.
const RADICAL_STAND_INS: Readonly<Record<string, string>> = {
  '⺠': '民',
  '⻓': '长',
  '⻔': '门',
  '⻢': '马',
  '⻛': '风',
  '⻅': '见',
  '⻋': '车',
  '⻚': '页',
  '⻄': '西',
  '⻘': '青',
  '⻝': '食',
  '⻩': '黄',
  '⻜': '飞',
  '⻬': '齐',
  '⻰': '龙',
  '⻳': '龟',
  '⻨': '麦',
  '⻥': '鱼',
  '⻦': '鸟',
  '⺟': '母',
  '⺁': '厂',
  '⺮': '竹',
  '⻆': '角',
  '⻉': '贝',
  '⻊': '足',
  '⻮': '齿',
};

function realCharacters(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICAL_STAND_INS[ch] ?? ch.normalize('NFKC'));
}

type PdfDocument = Awaited<ReturnType<typeof import('pdfjs-dist').getDocument>['promise']>;

/** Runs on one baseline (within half a character) form a line, left to right. */
function groupLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    const anchor = line?.[0];
    if (line && anchor && Math.abs(run.y - anchor.y) < Math.min(run.height, anchor.height) * 0.5) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

function lineText(line: Line): string {
  return line
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const isFigure = (text: string) =>
  /^[+-]?[\d,]+(\.\d+)?$/.test(normaliseLabel(text)) || /^(—+|-|\/|无)$/.test(text.trim());

/** A run that holds several figures separated by spaces (some writers emit a row so) becomes one run per figure. */
function splitFigures(run: Run): Run[] {
  if (run.text.trim() === '') return [];
  const tokens = run.text.trim().split(/\s+/);
  if (tokens.length < 2 || !tokens.every(isFigure)) return [run];
  const width = (run.right - run.x) / run.text.length;
  const result: Run[] = [];
  let at = run.text.indexOf(tokens[0] as string);
  for (const token of tokens) {
    at = run.text.indexOf(token, at);
    result.push({ ...run, text: token, x: run.x + at * width, right: run.x + (at + token.length) * width });
    at += token.length;
  }
  return result;
}

/** Runs of one line that touch (a phrase split by font changes) become one piece; a wide gap separates cells. */
function pieces(line: Line): Run[] {
  const merged: Run[] = [];
  for (const run of line.flatMap(splitFigures)) {
    const last = merged[merged.length - 1];
    // Digits never join their neighbours (adjacent figures are separate cells); other text does, so a 无 inside
    // 无正当理由 stays a word rather than a placeholder. A label's own number does join: 8 + 、属于行政查询事项.
    const digits = (text: string) => /^[+-]?\d[\d,]*(\.\d+)?$/.test(text.trim());
    const numbering = last && /^\d{1,2}$/.test(last.text.trim()) && /^[.、．)]/.test(run.text.trim());
    // A label that starts with its numbering begins a cell, however close the cell before it ends.
    const touching =
      last &&
      run.x - last.right < Math.min(run.height, last.height) * 0.6 &&
      (numbering || (!digits(run.text) && !digits(last.text) && !ROW_NUMBERING.test(run.text.trim())));
    if (last && touching) merged[merged.length - 1] = { ...last, text: last.text + run.text, right: run.right };
    else merged.push({ ...run });
  }
  return merged;
}

/** Rebuilds a section's table: each line of figures is a row; label fragments join by column and go to the nearest row. */
function tableFromLines(lines: readonly Line[]): FlowItem[] {
  const rows: FlowCell[][] = [];
  const byPage = new Map<number, Line[]>();
  for (const line of lines) {
    const page = line[0]?.page ?? 0;
    const list = byPage.get(page);
    if (list) list.push(line);
    else byPage.set(page, [line]);
  }
  for (const pageLines of byPage.values()) {
    const all = pageLines.flatMap(pieces);
    const figures = all.filter((run) => isFigure(run.text));
    const labels = all.filter((run) => !isFigure(run.text));
    // Rows: figures on one baseline.
    const figureLines = groupLines(figures);
    const rowY = figureLines.map((line) => line.reduce((sum, run) => sum + run.y, 0) / line.length);
    // No row is shorter than a line of its text.
    const lineHeight = minOf(all.map((run) => run.height));
    const gaps = rowY
      .slice(1)
      .map((y, i) => y - (rowY[i] as number))
      .filter((gap) => gap > lineHeight);
    // A page with one row of the table gives no pitch: a row is then taken as about two lines high.
    const pitch = gaps.length ? minOf(gaps) : lineHeight * 2.2;
    // Cells: label fragments that overlap horizontally and sit closer than a row's height are one wrapped label
    // (centred lines start at different x; vertical text is one character a line).
    // A wrapped line continues its cell's last line where that one is aligned: same left edge (left-aligned text)
    // or same centre (centred text, vertical text); a cell of the row below starts elsewhere, however close it is.
    const cells: { text: string; top: number; bottom: number; x: number; right: number; source: Run }[] = [];
    const continues = (c: (typeof cells)[number], run: Run) => {
      // A row's label starts with its numbering (一、 （一） 1.): never the wrapped end of the label above.
      if (ROW_NUMBERING.test(run.text.trim())) return false;
      const tolerance = run.height * 0.6;
      // A label's lines straddle at most its own row of figures (figures sit mid-cell): never two.
      if (rowY.filter((y) => y > c.top + tolerance && y < run.y - tolerance).length >= 2) return false;
      const sameLeft = Math.abs(run.x - c.x) < tolerance;
      const sameCentre = Math.abs((run.x + run.right) / 2 - (c.x + c.right) / 2) < tolerance;
      return (sameLeft || sameCentre) && run.y > c.bottom && run.y - c.bottom < pitch * 0.9;
    };
    for (const run of [...labels].sort((a, b) => a.y - b.y || a.x - b.x)) {
      const cell = cells.find((c) => continues(c, run));
      if (cell) {
        cell.text += run.text;
        cell.bottom = run.y;
        cell.x = run.x;
        cell.right = run.right;
      } else {
        cells.push({ text: run.text, top: run.y, bottom: run.y, x: run.x, right: run.right, source: run });
      }
    }
    type Row = { y: number; labels: typeof cells; figures: Run[] };
    const placed: Row[] = figureLines.map((line, i) => ({ y: rowY[i] as number, labels: [], figures: line }));
    const own: Row[] = [];
    for (const cell of cells) {
      const middle = (cell.top + cell.bottom) / 2;
      const nearest = placed.reduce<Row | undefined>(
        (best, row) => (!best || Math.abs(row.y - middle) < Math.abs(best.y - middle) ? row : best),
        undefined,
      );
      if (nearest && !isTableHeader(cell.text) && Math.abs(nearest.y - middle) < pitch * 0.6) nearest.labels.push(cell);
      else own.push({ y: middle, labels: [cell], figures: [] });
    }
    // Header lines keep their own rows, one per line.
    const merged = [
      ...placed,
      ...own.reduce<Row[]>((acc, row) => {
        const same = acc.find((r) => Math.abs(r.y - row.y) < (row.labels[0]?.source.height ?? 10) * 0.5);
        if (same) appendAll(same.labels, row.labels);
        else acc.push(row);
        return acc;
      }, []),
    ];
    for (const row of merged.sort((a, b) => a.y - b.y)) {
      // Each cell knows where it stands across the page: a header's place certifies the figures under it.
      const labelCells = row.labels
        .sort((a, b) => a.x - b.x)
        .map((cell) => ({ text: cell.text.trim(), source: { page: cell.source.page }, x: (cell.x + cell.right) / 2 }));
      const figureCells = row.figures
        .sort((a, b) => a.x - b.x)
        .map((run) => ({ text: run.text.trim(), source: { page: run.page }, x: (run.x + run.right) / 2 }));
      rows.push([...labelCells, ...figureCells]);
    }
  }
  return rows.length ? [{ kind: 'table', rows, layout: 'rows' }] : [];
}
