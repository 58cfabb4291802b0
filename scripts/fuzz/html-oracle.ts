// The HTML oracle: for a page whose import verdict is `ok`, every imported figure must be what a browser shows in the
// cell the importer took it from. Each page is rendered in headless Chromium (playwright-core, the system's
// /usr/bin/chromium); the tables are counted as the importer counts them (html-source.ts: rendered <table> elements
// that hold no rendered table and are not the page's layout, by their section headings), each table's cells are laid
// out on the grid of the HTML table model (row groups in order, rowspan 0 to its group's end, colspan up to 1,000), a
// cell that takes no box (display: none) takes no place, a cell that is there but invisible (visibility: hidden, or
// drawn at 0 px) shows nothing, and a row that shows nothing at all is left out (so rows are numbered as the importer
// numbers them). A cell's text is its `innerText`, less what is drawn at 0 px. The importer's `sources` map gives each
// figure's table, row and column (those of the cell a merged cell started at).
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { fieldsOf } from '../../src/editions/fields';
import type { Edition } from '../../src/editions/types';
import { readNumberCell } from '../../src/read/cell-value';
import { headingOf } from '../../src/read/published/flow-sections';

export const CHROMIUM = '/usr/bin/chromium';
/** A page of more tables than this is compared on its first ones only. */
const MAX_TABLES = 50;

interface Place {
  text: string;
  row: number;
  column: number;
}

export interface OracleFigure {
  pointer: string;
  value: number;
  table: number;
  row: number;
  column: number;
}

export interface OracleCase {
  name: string;
  html: string;
  edition: Edition;
  lenient: boolean;
  figures: OracleFigure[];
  /** Where the page is kept when it shows a mismatch (the fuzzer's --save). */
  keep?: () => string | undefined;
}

export interface OracleMismatch {
  name: string;
  pointer: string;
  figure: number;
  /** What the browser shows in that place; undefined when the browser has no such table or cell. */
  shown: string | undefined;
  place: string;
  saved?: string;
}

export interface OracleResult {
  pages: number;
  figures: number;
  mismatches: OracleMismatch[];
  /** Tables the browser numbers otherwise but shows every figure of, in the same rows and columns. */
  renumbered: { name: string; table: number; browserTable: number }[];
  /** Pages the browser could not render in time (not counted as mismatches). */
  failedPages: { name: string; error: string }[];
  ms: number;
  skipped?: string;
}

/**
 * Runs in the page: the rendered tables (their text, whether they hold a rendered table) and, for the places asked,
 * what the browser shows there. A string, so the build needs no DOM types.
 */
const IN_PAGE = `(wanted) => {
  const rendered = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const visible = (el) => (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : rendered(el));
  const zeroFont = (el) => parseFloat(getComputedStyle(el).fontSize) === 0;
  // Text drawn at 0 px is not shown: its elements leave innerText (a cell keeps its place, see below).
  const CELLISH = new Set(['TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION', 'COLGROUP', 'COL']);
  for (const el of document.querySelectorAll('body *'))
    if (!CELLISH.has(el.tagName) && zeroFont(el)) el.style.setProperty('display', 'none', 'important');
  const all = [...document.querySelectorAll('table')];
  const tables = all.map((table) => ({
    rendered: visible(table),
    holdsTable: [...table.querySelectorAll('table')].some(rendered),
    text: visible(table) ? table.innerText : '',
  }));
  const grids = new Map();
  const gridOf = (index) => {
    if (grids.has(index)) return grids.get(index);
    const table = all[index];
    const groups = [];
    let loose = null;
    for (const child of table.children) {
      if (child.tagName === 'TR') {
        if (!loose) { loose = []; groups.push(loose); }
        loose.push(child);
      } else if (child.tagName === 'THEAD' || child.tagName === 'TBODY' || child.tagName === 'TFOOT') {
        loose = null;
        if (rendered(child)) groups.push([...child.children].filter((tr) => tr.tagName === 'TR'));
      }
    }
    const grid = [];
    let r = 0;
    for (const rows of groups) {
      const shownRows = rows.filter(visible);
      const end = r + shownRows.length;
      for (const tr of shownRows) {
        grid[r] = grid[r] || [];
        let c = 0;
        for (const cell of tr.children) {
          if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
          if (!rendered(cell)) continue;
          while (grid[r][c]) c++;
          const rowSpan = cell.rowSpan === 0 ? end - r : Math.max(1, cell.rowSpan);
          const colSpan = Math.min(1000, Math.max(1, cell.colSpan));
          const text = !visible(cell) || zeroFont(cell) ? '' : cell.innerText;
          const entry = { text, row: r + 1, column: c + 1 };
          for (let at = r; at < Math.min(r + rowSpan, end); at++) {
            grid[at] = grid[at] || [];
            for (let k = c; k < c + colSpan; k++) grid[at][k] = entry;
          }
          c += colSpan;
        }
        r++;
      }
    }
    grids.set(index, grid);
    return grid;
  };
  return {
    tables: tables.map((table) => ({ read: table.rendered && !table.holdsTable, text: table.text })),
    // tableIndex: the index among all tables of the one the importer numbered, as the caller worked it out.
    places: wanted.map((w) => {
      if (w.tableIndex === undefined || w.tableIndex < 0) return undefined;
      const entry = (gridOf(w.tableIndex)[w.row - 1] || [])[w.column - 1];
      return entry ? { text: entry.text, row: entry.row, column: entry.column } : undefined;
    }),
  };
}`;

/** Which of all tables the importer reads as tables: rendered, holding no rendered table, not laid out by headings. */
function readTables(tables: readonly { read: boolean; text: string }[]): number[] {
  const indices: number[] = [];
  tables.forEach((table, index) => {
    if (!table.read) return;
    let headings = 0;
    for (const line of table.text.split('\n')) if (headingOf(line.trim())) headings++;
    if (headings < 2) indices.push(index);
  });
  return indices;
}

const BLANK = /[\s\u00a0\u3000\u200b\u00ad]/g;

/** Whether the browser's text is the figure: plain digits compared as numbers, anything else as the reader reads it. */
export function showsFigure(text: string, figure: number, kind: 'count' | 'signedCount' | 'amount', lenient: boolean) {
  const compact = text.replace(BLANK, '');
  if (/^-?\d+(\.\d+)?$/.test(compact)) return Number(compact) === figure;
  if (compact === '') return lenient && figure === 0;
  const reading = readNumberCell(text, kind, { lenient });
  return reading.kind === 'number' && reading.value === figure;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function runHtmlOracle(cases: readonly OracleCase[]): Promise<OracleResult> {
  const started = Date.now();
  const result: OracleResult = { pages: 0, figures: 0, mismatches: [], renumbered: [], failedPages: [], ms: 0 };
  if (!cases.length) return { ...result, skipped: 'no page with the verdict ok' };
  if (!chromiumAvailable()) return { ...result, skipped: `${CHROMIUM} not found` };
  const { chromium } = await import('playwright-core');
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The page is untrusted and self-contained: nothing leaves the machine.
    await context.route(/^(?!data:|about:)/, (route) => route.abort());
    for (const oracleCase of cases) {
      const page = await context.newPage();
      try {
        await page.setContent(oracleCase.html, { waitUntil: 'load', timeout: 30_000 });
        // First pass: which tables there are; second: what each figure's row and column show in every table read.
        const first = (await page.evaluate(`(${IN_PAGE})([])`)) as { tables: { read: boolean; text: string }[] };
        const read = readTables(first.tables).slice(0, MAX_TABLES);
        const wanted = oracleCase.figures.flatMap((figure) =>
          read.map((tableIndex) => ({ tableIndex, row: figure.row, column: figure.column })),
        );
        const second = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(wanted)})`)) as {
          places: (Place | null | undefined)[];
        };
        result.pages++;
        result.figures += oracleCase.figures.length;
        const byPointer = fieldsOf(oracleCase.edition).byPointer;
        const shows = (figure: OracleFigure, place: Place | null | undefined) =>
          !!place &&
          showsFigure(place.text, figure.value, byPointer.get(figure.pointer)?.kind ?? 'count', oracleCase.lenient);
        const placeIn = (figureIndex: number, readIndex: number) =>
          second.places[figureIndex * read.length + readIndex];
        // Table by table: the browser's table of the importer's number, else (the two parsers disagreeing on which
        // elements are tables: an unclosed tag, a table left empty) another table that shows every figure of it in
        // the same places, which is then said but not failed.
        const numbers = [...new Set(oracleCase.figures.map((figure) => figure.table))];
        const mismatches: OracleMismatch[] = [];
        for (const number of numbers) {
          const ofTable = oracleCase.figures
            .map((figure, index) => ({ figure, index }))
            .filter(({ figure }) => figure.table === number);
          const allShown = (readIndex: number) =>
            ofTable.every(({ figure, index }) => shows(figure, placeIn(index, readIndex)));
          if (number - 1 < read.length && allShown(number - 1)) continue;
          const other = read.findIndex((_, readIndex) => readIndex !== number - 1 && allShown(readIndex));
          if (other >= 0) {
            result.renumbered.push({ name: oracleCase.name, table: number, browserTable: other + 1 });
            continue;
          }
          for (const { figure, index } of ofTable) {
            const place = number - 1 < read.length ? placeIn(index, number - 1) : undefined;
            if (shows(figure, place)) continue;
            mismatches.push({
              name: oracleCase.name,
              pointer: figure.pointer,
              figure: figure.value,
              shown: place?.text,
              place: `table ${figure.table}, row ${figure.row}, column ${figure.column}${place && (place.row !== figure.row || place.column !== figure.column) ? ` (in the browser, the cell of row ${place.row}, column ${place.column})` : ''}${place ? '' : number > read.length ? ` (the browser shows ${read.length} tables)` : ' (no cell there in the browser)'}`,
            });
          }
        }
        if (mismatches.length) {
          const saved = oracleCase.keep?.();
          result.mismatches.push(...mismatches.map((mismatch) => ({ ...mismatch, ...(saved ? { saved } : {}) })));
        }
      } catch (error) {
        result.failedPages.push({ name: oracleCase.name, error: String(error).split('\n')[0] ?? '' });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser?.close();
  }
  result.ms = Date.now() - started;
  return result;
}
