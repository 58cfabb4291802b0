// Step 3 of reading a published report: the tables of 二, 三 and 四 aligned to the edition's grid
// (editions/table-grid.ts). A row is named by its whole label, with its number and its group. A column is certified
// by the table's own header: by position where the row's cells stand under the header's columns, else by order where
// the row holds exactly as many cells as the header has columns (spans that disagree in the label area shift
// positions, not order); a header carried over from the table before it counts (a header printed as a table of its
// own, a table split over pages). Only where a table printed no header at all is the official order assumed, and that
// is said once per table. Every figure then passes through grid-alignment.ts, the one place of the guarantee.
import type { GridRow, TableGrid } from '../../editions/table-grid';
import type { Label } from '../../editions/types';
import { coreLabel, labelMatches, labelNumber, normaliseLabel, ROW_NUMBERING } from '../../model/label-text';
import type { FlowCell, FlowTable } from './flow-document';
import { looksLikeValue, type SectionTable } from './flow-sections';
import { addsUp, alignLoose, isBlank, placeCells, type RowCells, reportUnplaced } from './grid-alignment';
import type { ModelBuilder } from './model-builder';
import {
  type HeaderColumn,
  headerColumns,
  headerOrder,
  isCornerHeader,
  isHeaderText,
  joinWrappedHeaders,
  originOf,
} from './table-header';

interface SectionState {
  /** The header rows in force: the table's own, or the one before it when a table continues without a header. */
  header?: FlowCell[][];
  /** The group labels in force by depth (三、本年度办理结果 at 0, （三）不予公开 at 1). */
  groups: (Label | undefined)[];
  /** 二: the item whose sub-table is being read. */
  item?: Label;
  /** What was said about the table in hand (once per table). */
  said: Set<string>;
  /** The last table held header rows and nothing else. */
  headerOnly?: boolean;
  /** Whether the header's rows share one grid, so that its positions are the table's. */
  headerPositional?: boolean;
  /** The header came as rows of fields (TAB or `|`): a merged cell is its text, then empty fields. */
  headerOfFields?: boolean;
}

export function alignSection(builder: ModelBuilder, grid: TableGrid, tables: readonly SectionTable[]): void {
  const state: SectionState = { groups: [], said: new Set() };
  for (const { table, endsAtHeading } of tables) {
    state.said = new Set();
    if (table.layout === 'grid' || table.layout === 'fields') alignKept(builder, grid, table, state);
    else alignLost(builder, grid, table, endsAtHeading, state);
  }
}

// ——— Rows ———

const groupLabelsCache = new WeakMap<TableGrid, { label: Label; depth: number }[]>();

/** The group labels of the grid's rows (三、本年度办理结果, （三）不予公开 …) with their depth. */
function groupLabels(grid: TableGrid): { label: Label; depth: number }[] {
  let labels = groupLabelsCache.get(grid);
  if (!labels) {
    const found = new Map<Label, number>();
    for (const row of grid.rows) {
      row.labels.slice(0, -1).forEach((label, depth) => {
        found.set(label, depth);
      });
    }
    labels = [...found].map(([label, depth]) => ({ label, depth }));
    groupLabelsCache.set(grid, labels);
  }
  return labels;
}

const groupOf = (grid: TableGrid, text: string) => groupLabels(grid).find((g) => labelMatches(text, g.label));
const itemOf = (grid: TableGrid, text: string) =>
  grid.items.find((item) => normaliseLabel(text).includes(normaliseLabel(item.zh)));

/** A group label printed in a row or on a line of its own stays in force for the rows after it. */
function rememberGroups(grid: TableGrid, labels: readonly FlowCell[], state: SectionState): void {
  for (const cell of labels) {
    const group = groupOf(grid, cell.text);
    if (group) state.groups = [...state.groups.slice(0, group.depth), group.label];
  }
}

/**
 * The data row a row's labels name: its own label (the rightmost label cell that is a row's label) matched whole, and
 * no group label printed in the row naming another group; group labels printed in the row, then those in force, then
 * 二's item break ties. A bare label of two characters (其他) names a row only with its group in sight; a tie is no
 * certain row.
 */
function matchRow(
  grid: TableGrid,
  labels: readonly FlowCell[],
  state: SectionState,
): { row: GridRow; label: FlowCell } | undefined {
  for (let i = labels.length - 1; i >= 0; i--) {
    const cell = labels[i] as FlowCell;
    // A column's own label (总计, 其他) never names a row, however like （七）总计 or 3.其他 it looks.
    if (isColumnLabel(grid, cell.text)) continue;
    const inRow = labels.slice(0, i);
    const scored: { row: GridRow; score: number }[] = [];
    for (const row of grid.rows) {
      const own = row.labels[row.labels.length - 1];
      if (!own || !labelMatches(cell.text, own)) continue;
      const parents = row.labels.slice(0, -1);
      // A group label the row prints itself (not one merged down from above, which may run on too far) names the
      // row's group: another one rules the row out.
      const otherGroup = inRow.some(
        (c) => !c.fromAbove && groupOf(grid, c.text) && !parents.some((p) => labelMatches(c.text, p)),
      );
      if (otherGroup) continue;
      let score = 0;
      parents.forEach((parent, depth) => {
        if (inRow.some((c) => labelMatches(c.text, parent))) score += 2;
        else if (state.groups[depth] === parent) score += 1;
      });
      if (row.item && row.item === state.item) score += 1;
      const bare = labelNumber(normaliseLabel(cell.text)) === '' && coreLabel(normaliseLabel(own.zh)).length <= 2;
      if (bare && parents.length > 0 && score === 0) continue;
      scored.push({ row, score });
    }
    if (scored.length === 0) continue;
    const best = scored.reduce((max, s) => Math.max(max, s.score), 0);
    const top = scored.filter((s) => s.score === best);
    return top.length === 1 ? { row: (top[0] as { row: GridRow }).row, label: cell } : undefined;
  }
  return undefined;
}

function isColumnLabel(grid: TableGrid, text: string): boolean {
  const label = normaliseLabel(text);
  return grid.rows.some((row) => row.columns.some((column) => normaliseLabel(column.label.zh) === label));
}

/** Labels that are neither a row's, a group's, an item's nor a header's: worth a word when figures stand beside them. */
function isKnownLabel(grid: TableGrid, text: string): boolean {
  return (
    isHeaderText(grid, text) ||
    !!groupOf(grid, text) ||
    !!itemOf(grid, text) ||
    grid.rows.some((row) => row.labels.some((label) => labelMatches(text, label))) ||
    // 核对… are the live-check cells of our own template, read here when its defined names were lost.
    /^核对/.test(normaliseLabel(text))
  );
}

function noteUnknownLabels(builder: ModelBuilder, grid: TableGrid, labels: readonly FlowCell[]): void {
  for (const cell of labels) {
    if (isKnownLabel(grid, cell.text)) continue;
    builder.note('unplacedLabel', '', { text: cell.text, edition: builder.edition.id }, cell.source, 'warning');
  }
}

// ——— Tables that kept positions: grids (HTML, DOCX, workbooks, PDF tables with rules) and rows of fields ———

/** The row's label cells (from the first label up to the first figure after it) and where they end. */
function labelRegion(cells: readonly FlowCell[]): { labels: FlowCell[]; end: number } {
  let end = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell || isBlank(cell)) continue;
    // A figure before any label is a serial number (序号) of the label area; after a label, the figures begin.
    if (looksLikeValue(cell.text)) {
      if (end >= 0) break;
      continue;
    }
    end = i;
  }
  const seen = new Set<FlowCell>();
  const labels: FlowCell[] = [];
  for (const cell of cells.slice(0, end + 1)) {
    if (isBlank(cell) || seen.has(originOf(cell))) continue;
    seen.add(originOf(cell));
    labels.push(cell);
  }
  return { labels, end };
}

/** The cells after the label area, a merged cell once, without the holes that pad a short row. */
function valueCells(cells: readonly FlowCell[], end: number): FlowCell[] {
  const seen = new Set<FlowCell>();
  const values: FlowCell[] = [];
  for (const cell of cells.slice(end + 1)) {
    if (seen.has(originOf(cell))) continue;
    seen.add(originOf(cell));
    values.push(cell);
  }
  while (values.length && values[values.length - 1]?.hole) values.pop();
  return values;
}

/** The header's cells in reading order, a merged cell once. */
function distinctCells(rows: readonly FlowCell[][]): FlowCell[] {
  const seen = new Set<FlowCell>();
  const cells: FlowCell[] = [];
  for (const cell of rows.flat()) {
    if (isBlank(cell) || seen.has(originOf(cell))) continue;
    seen.add(originOf(cell));
    cells.push(cell);
  }
  return cells;
}

/** What names a row that has no label (四's): a cell of no text where its first cell stands, in none of its positions. */
const unlabelled = (cells: readonly FlowCell[]): FlowCell => ({ text: '', source: cells[0]?.source ?? {} });

const hasFigure = (cells: readonly FlowCell[]) => cells.some((cell) => !isBlank(cell) && looksLikeValue(cell.text));

function alignKept(builder: ModelBuilder, grid: TableGrid, table: FlowTable, state: SectionState): void {
  // A table before this one that held only header rows (a header split from its table by a page break, or printed as
  // a table of its own) goes on in this table's header rows.
  let collecting: FlowCell[][] | undefined = state.headerOnly ? state.header : undefined;
  // Positions mean something within one table's grid only: a header continued from another table goes by its order.
  if (collecting) state.headerPositional = false;
  state.headerOnly = false;
  let sawData = false;
  for (const cells of table.rows) {
    const { labels, end } = labelRegion(cells);
    const item = labels.map((cell) => itemOf(grid, cell.text)).find(Boolean);
    if (item) {
      state.item = item;
      state.header = undefined;
      collecting = undefined;
      continue;
    }
    const values = valueCells(cells, end);
    // A row of header labels and no figure is a header row, even where a label also names a row (四's 行政复议
    // heads its columns, and names a row where the table is printed the other way round).
    const headerRow =
      !hasFigure(values) &&
      labels.some((cell) => isHeaderText(grid, cell.text)) &&
      labels.every((cell) => isHeaderText(grid, cell.text) || !isKnownLabel(grid, cell.text));
    let match = headerRow ? undefined : matchRow(grid, labels, state);
    if (!match && labels.some((cell) => isHeaderText(grid, cell.text)) && !hasFigure(values)) {
      // Header rows: consecutive ones make one header, which stays in force until the next.
      if (!collecting) {
        collecting = [];
        state.header = collecting;
        state.headerPositional = true;
        state.headerOfFields = table.layout === 'fields';
      }
      collecting.push(cells);
      noteUnknownLabels(builder, grid, labels);
      continue;
    }
    collecting = undefined;
    sawData = true;
    if (!match && grid.section === 'appeals' && hasFigure(values) && (grid.rows[0] as GridRow).labels.length === 0) {
      // 四's one row has no label: it is the row of figures under the header.
      // (A label it has is no row's; without one, no cell of the row names it.)
      match = { row: grid.rows[0] as GridRow, label: labels[labels.length - 1] ?? unlabelled(values) };
    }
    rememberGroups(grid, labels, state);
    if (!match) {
      if (hasFigure(values)) noteUnknownLabels(builder, grid, labels);
      continue;
    }
    state.groups = [...match.row.labels.slice(0, -1)];
    placeKeptRow(builder, grid, match, cells, end, table, state);
  }
  state.headerOnly = !sawData && collecting !== undefined;
}

function placeKeptRow(
  builder: ModelBuilder,
  grid: TableGrid,
  { row, label }: { row: GridRow; label: FlowCell },
  cells: readonly FlowCell[],
  end: number,
  table: FlowTable,
  state: SectionState,
): void {
  // The row's cells after its own label; or after the label area, when words follow the label in cells of their own.
  let ownEnd = -1;
  cells.forEach((cell, at) => {
    if (originOf(cell) === originOf(label)) ownEnd = at;
  });
  const afterLabel = valueCells(cells, ownEnd);
  const afterArea = valueCells(cells, end);
  const ofLength = (count: number) => cellsOfLength([afterLabel, afterArea], count);
  if (!state.header) {
    const assumed = assumedOrder(row, afterLabel, table.layout === 'fields') ?? assumedOrder(row, afterArea, false);
    if (!assumed) {
      reportUnplaced(builder, row, label, afterArea);
      return;
    }
    if (row.columns.length > 1) sayOnce(builder, state, 'columnsAssumed', label);
    placeCells(builder, row, assumed);
    return;
  }
  const header = state.headerOfFields ? spreadMergedFields(state.header) : state.header;
  const columns = state.headerPositional === false ? undefined : headerColumns(header, row, grid);
  if (columns?.some((column) => column.column !== undefined)) {
    const placed = byPosition(row, cells, ownEnd, columns) ?? byOrder(row, ofLength, columns);
    if (placed) {
      noteUnknownColumns(builder, row, label, cells, ownEnd, columns, state);
      placeCells(builder, row, placed);
      return;
    }
  }
  // A header whose spans a copy did not keep (a browser copies a merged cell once, with no empty fields for the
  // columns it covers), or whose positions the row does not follow: its labels in reading order say the order.
  const order = headerOrder(distinctCells(state.header), row, grid);
  const values = order && ofLength(row.columns.length);
  if (!order || !values) {
    // Or it names none of the row's columns (another edition's 本年新公开数量): its figures are not ours.
    reportUnplaced(builder, row, label, afterArea, 'header');
    return;
  }
  const placed: (FlowCell | undefined)[] = Array(row.columns.length).fill(undefined);
  order.order.forEach((column, i) => {
    placed[column] = values[i];
  });
  placeCells(builder, row, placed);
}

/**
 * The row's cells as `count` columns: as they stand, or without the blank cells at one end (an empty label cell before
 * the figures, an empty cell after them) — only when every way of reading them that gives `count` gives the same cells.
 */
function cellsOfLength(candidates: readonly FlowCell[][], count: number): FlowCell[] | undefined {
  const readings: FlowCell[][] = [];
  for (const cells of candidates) {
    readings.push(cells);
    let start = 0;
    while (start < cells.length && isBlank(cells[start])) start++;
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1])) end--;
    readings.push(cells.slice(start), cells.slice(0, end), cells.slice(start, end));
  }
  const fitting = readings.filter((cells) => cells.length === count);
  const first = fitting[0];
  if (!first) return undefined;
  return fitting.every((cells) => cells.every((cell, i) => originOf(cell) === originOf(first[i] as FlowCell)))
    ? first
    : undefined;
}

const spreadCache = new WeakMap<FlowCell[][], FlowCell[][]>();

/**
 * A header copied as rows of fields from a spreadsheet (Excel and WPS copy a merged cell as its text and an empty field
 * for each further column it covers; Markdown writes the same): each label of a row but the last spreads over the
 * empty fields after it, as the merged cell did.
 */
function spreadMergedFields(header: FlowCell[][]): FlowCell[][] {
  const cached = spreadCache.get(header);
  if (cached && cached.length === header.length) return cached;
  const spread = header.map((cells, r) => {
    if (r === header.length - 1) return cells;
    let from: FlowCell | undefined;
    return cells.map((cell) => {
      if (!isBlank(cell)) from = cell;
      return isBlank(cell) && from ? { ...from, spanned: true, origin: originOf(from) } : cell;
    });
  });
  spreadCache.set(header, spread);
  return spread;
}

/** A column of the header that is none of the row's, with figures under it: said once per header text and table. */
function noteUnknownColumns(
  builder: ModelBuilder,
  row: GridRow,
  label: FlowCell,
  cells: readonly FlowCell[],
  ownEnd: number,
  columns: readonly HeaderColumn[],
  state: SectionState,
): void {
  for (const column of columns) {
    if (column.column !== undefined || column.positions.some((at) => at <= ownEnd)) continue;
    const under = column.positions.map((at) => cells[at]).filter((cell) => cell && !isBlank(cell));
    if (under.length && !state.said.has(`unknownColumn:${column.text}`)) {
      state.said.add(`unknownColumn:${column.text}`);
      builder.note('unknownColumn', row.pointer, { text: column.text }, label.source, 'warning');
    }
  }
}

function sayOnce(builder: ModelBuilder, state: SectionState, messageId: string, at: FlowCell): void {
  if (state.said.has(messageId)) return;
  state.said.add(messageId);
  builder.note(messageId, '', {}, at.source, 'warning');
}

/**
 * By position: every column the header names has exactly one cell of the row under it, and every figure of the row
 * stands under a column of the header.
 */
function byPosition(
  row: GridRow,
  cells: readonly FlowCell[],
  end: number,
  columns: readonly HeaderColumn[],
): RowCells | undefined {
  const covered = new Set(columns.flatMap((column) => column.positions));
  // Before the header's first column lies the label area, whatever it holds.
  const first = [...covered].reduce((min, at) => Math.min(min, at), Number.POSITIVE_INFINITY);
  for (let at = Math.max(end + 1, first); at < cells.length; at++) {
    const cell = cells[at];
    if (cell && !cell.hole && !isBlank(cell) && !covered.has(at)) return undefined;
  }
  const placed: (FlowCell | undefined)[] = Array(row.columns.length).fill(undefined);
  for (const column of columns) {
    if (column.column === undefined) continue;
    const under = new Set(
      column.positions
        .filter((at) => at > end)
        .map((at) => cells[at])
        .filter((cell): cell is FlowCell => !!cell && !cell.hole)
        .map(originOf),
    );
    if (under.size !== 1) return undefined;
    placed[column.column] = [...under][0];
  }
  return placed;
}

/**
 * By order: the row's cells are as many as the header's columns (trailing blank cells beyond them set aside). Header
 * columns before the first one the header names (序号) belong to the label area.
 */
function byOrder(
  row: GridRow,
  ofLength: (count: number) => FlowCell[] | undefined,
  all: readonly HeaderColumn[],
): RowCells | undefined {
  const firstNamed = all.findIndex((column) => column.column !== undefined);
  const columns = all.slice(Math.max(0, firstNamed));
  const cells = ofLength(columns.length);
  if (!cells) return undefined;
  const placed: (FlowCell | undefined)[] = Array(row.columns.length).fill(undefined);
  columns.forEach((column, i) => {
    if (column.column !== undefined) placed[column.column] = cells[i];
  });
  return placed;
}

/**
 * No header: the official order, when the row holds exactly as many cells as it has columns (rows of fields may
 * carry empty fields at one end, but not figures).
 */
function assumedOrder(row: GridRow, values: readonly FlowCell[], fields: boolean): RowCells | undefined {
  const count = row.columns.length;
  if (values.length === count) return values;
  if (!fields || values.length < count) {
    const trimmed = [...values];
    while (trimmed.length > count && isBlank(trimmed[trimmed.length - 1])) trimmed.pop();
    return trimmed.length === count ? trimmed : undefined;
  }
  const extra = values.length - count;
  const fromStart = values.slice(0, extra).every(isBlank) ? values.slice(extra) : undefined;
  const fromEnd = values.slice(count).every(isBlank) ? values.slice(0, count) : undefined;
  if (fromStart && fromEnd) {
    const same = fromStart.every((cell, i) => normaliseLabel(cell.text) === normaliseLabel(fromEnd[i]?.text ?? ''));
    return same ? fromStart : undefined;
  }
  return fromStart ?? fromEnd;
}

// ——— Tables that lost positions: one cell per line, a label and its figures on a line, PDF text without rules ———

/** What a table that lost its grid gave for one row: its labels and the cells after them. */
interface RowEvidence {
  labels: FlowCell[];
  values: FlowCell[];
}

/**
 * A word that can name a row: not a figure, and more than a stray character among figures (二 for 2, whose row is
 * then reported with it, never placed) — unless the copy kept places, where a character is a piece of a wrapped
 * label (自 / 然 / 人 under each other).
 */
const isLabel = (cell: FlowCell) =>
  !looksLikeValue(cell.text) && (normaliseLabel(cell.text).length >= 2 || (cell.x !== undefined && !isBlank(cell)));

/**
 * The rows of a table that lost its grid. PDF rows and lines are rows as they stand (labels first, then values); a
 * stream of cells is cut where a label follows a figure, so a figure always belongs to the label nearest before it.
 */
function rowsOf(table: FlowTable): RowEvidence[] {
  const rows: FlowCell[][] = table.layout === 'stream' ? cutStream(table.rows) : table.rows;
  const evidence: RowEvidence[] = [];
  for (const row of rows) {
    // Before a row's first figure every word is a label, a character too (a header's 本 / 年新公开数量 wrapped); among
    // its figures, a stray character is none.
    const firstFigure = row.findIndex((cell) => !isBlank(cell) && looksLikeValue(cell.text));
    const words = new Set(
      row.filter((cell, index) =>
        firstFigure < 0 || index < firstFigure ? !isBlank(cell) && !looksLikeValue(cell.text) : isLabel(cell),
      ),
    );
    const isWord = (cell: FlowCell) => words.has(cell);
    let last = -1;
    row.forEach((cell, index) => {
      if (isWord(cell)) last = index;
    });
    if (last < 0) {
      // Figures with no label before them on their line (a PDF row whose label stands on another line): no row.
      if (row.length) evidence.push({ labels: [], values: row });
      continue;
    }
    evidence.push({ labels: row.slice(0, last + 1).filter(isWord), values: row.slice(last + 1) });
  }
  return evidence;
}

function cutStream(rows: readonly FlowCell[][]): FlowCell[][] {
  const cut: FlowCell[][] = [];
  let current: FlowCell[] = [];
  let sawValue = false;
  for (const cell of rows.flat()) {
    const isValue = !isLabel(cell);
    if (!isValue && sawValue) {
      cut.push(current);
      current = [];
      sawValue = false;
    }
    current.push(cell);
    if (isValue && !isBlank(cell)) sawValue = true;
  }
  if (current.length) cut.push(current);
  return cut;
}

/**
 * Rows of labels only, one after another (a header's lines in PDF text), with the pieces of header labels wrapped
 * over those lines joined where they stand (joinWrappedHeaders).
 */
function joinHeaderLines(rows: readonly RowEvidence[], grid: TableGrid): RowEvidence[] {
  const result: RowEvidence[] = [];
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end < rows.length && (rows[end] as RowEvidence).values.length === 0) end++;
    if (end === start) {
      result.push(rows[start++] as RowEvidence);
      continue;
    }
    // The row of figures after the header's lines may open with the header's last words (本 / 年新公开数量 规章 0 …).
    const run = rows.slice(start, Math.min(end + 1, rows.length));
    const joined = joinWrappedHeaders(
      run.flatMap((row) => row.labels),
      grid,
    );
    let at = 0;
    for (const row of run) {
      const labels = row.labels.map(() => joined[at++]).filter((cell): cell is FlowCell => cell !== undefined);
      if (labels.length || row.values.length) result.push({ labels, values: row.values });
    }
    start = end + 1;
  }
  return result;
}

function alignLost(
  builder: ModelBuilder,
  grid: TableGrid,
  table: FlowTable,
  endsAtHeading: boolean,
  state: SectionState,
): void {
  const rows = joinHeaderLines(rowsOf(table), grid);
  // The header read so far, in reading order; a header label after a data row starts a new header.
  let sequence: FlowCell[] = [];
  let afterData = false;
  rows.forEach((evidence, index) => {
    const rowLabels: FlowCell[] = [];
    // Header words wrapped over the lines of a copy that kept places (商业 / 企业 under each other), joined.
    const labels = joinWrappedHeaders(evidence.labels, grid).filter((cell): cell is FlowCell => cell !== undefined);
    for (const cell of labels) {
      const item = itemOf(grid, cell.text);
      if (item) {
        state.item = item;
        sequence = [];
        afterData = false;
      } else if (isHeaderText(grid, cell.text) && !groupOf(grid, cell.text) && !isRowOwnLabel(grid, cell.text)) {
        if (afterData) sequence = [];
        afterData = false;
        if (!isCornerHeader(grid, cell.text)) sequence.push(cell);
      } else rowLabels.push(cell);
    }
    const written = evidence.values.filter((cell) => !isBlank(cell));
    let match = matchLostRow(grid, rowLabels, state);
    if (!match && hasFigure(written)) {
      // A label wrapped past its figures (一、本年新收政府信息公开申请 15 10 … / 数量): its rest opens the next row,
      // before that row's own label (which begins with its numbering).
      // A single character of it may close the row's own line (予以公 1380 … 1380 开).
      const next = rows[index + 1];
      let trailing = evidence.values.length;
      while (trailing > 0 && !looksLikeValue((evidence.values[trailing - 1] as FlowCell).text)) trailing--;
      const rest: FlowCell[] = evidence.values.slice(trailing);
      let fromNext = 0;
      for (const cell of next?.labels ?? []) {
        if (ROW_NUMBERING.test(cell.text.trim()) || isHeaderText(grid, cell.text) || groupOf(grid, cell.text)) break;
        rest.push(cell);
        fromNext++;
      }
      const own = rowLabels[rowLabels.length - 1];
      if (own && rest.length) {
        const joined = { ...own, text: own.text.trim() + rest.map((cell) => cell.text.trim()).join('') };
        match = matchLostRow(grid, [...rowLabels.slice(0, -1), joined], state);
        if (match) {
          if (next) next.labels = next.labels.slice(fromNext);
          evidence.values = evidence.values.slice(0, trailing);
        }
      }
    }
    rememberGroups(grid, rowLabels, state);
    if (!match && grid.section === 'appeals' && hasFigure(written) && (grid.rows[0] as GridRow).labels.length === 0)
      match = {
        row: grid.rows[0] as GridRow,
        label: rowLabels[rowLabels.length - 1] ?? evidence.labels[evidence.labels.length - 1] ?? unlabelled(written),
      };
    if (!match) {
      if (written.length) noteUnknownLabels(builder, grid, rowLabels);
      return;
    }
    afterData = true;
    state.groups = [...match.row.labels.slice(0, -1)];
    const last = index === rows.length - 1;
    placeLostRow(
      builder,
      match,
      evidence.values,
      sequence,
      state,
      {
        cutByHeading: last && endsAtHeading && table.lastRowOpen === true,
        leadingColumns: grid.section === 'proactive',
      },
      grid,
    );
  });
}

/**
 * The row a row that lost its grid belongs to: figures belong to the label nearest before them — the last label, or
 * the last few joined (a label wrapped over lines) — never to a label further up when the nearest names no row.
 */
function matchLostRow(
  grid: TableGrid,
  labels: readonly FlowCell[],
  state: SectionState,
): { row: GridRow; label: FlowCell } | undefined {
  for (let k = 1; k <= Math.min(4, labels.length); k++) {
    const tail = labels.slice(labels.length - k);
    const joined: FlowCell = { ...(tail[0] as FlowCell), text: tail.map((cell) => cell.text.trim()).join('') };
    const match = matchRow(grid, [...labels.slice(0, labels.length - k), joined], state);
    if (match?.label === joined) return match;
  }
  return undefined;
}

/** A row's own label that a header label could be mistaken for (（七）总计 is a row; 总计 a column). */
function isRowOwnLabel(grid: TableGrid, text: string): boolean {
  return grid.rows.some((row) => {
    const own = row.labels[row.labels.length - 1];
    return own !== undefined && labelMatches(text, own) && labelNumber(normaliseLabel(text)) !== '';
  });
}

function placeLostRow(
  builder: ModelBuilder,
  { row, label }: { row: GridRow; label: FlowCell },
  values: readonly FlowCell[],
  sequence: readonly FlowCell[],
  state: SectionState,
  cut: { cutByHeading: boolean; leadingColumns: boolean },
  grid: TableGrid,
): void {
  const order = sequence.length ? headerOrder(sequence, row, grid) : undefined;
  if (sequence.length && !order && row.columns.length > 1) {
    // A header is printed, but it does not say where each of the row's columns stands.
    reportUnplaced(builder, row, label, values, 'header');
    return;
  }
  if (!order && row.columns.length > 1) sayOnce(builder, state, 'columnsAssumed', label);
  const byCentre = order?.centres ? byHeaderCentres(row, values, order.centres) : undefined;
  if (byCentre) {
    placeCells(builder, row, byCentre);
    return;
  }
  const outcome = alignLoose(row, {
    values,
    ...(order ? { order: order.order } : {}),
    cutByHeading: cut.cutByHeading,
    leadingColumns: cut.leadingColumns,
  });
  if ('unplaced' in outcome) reportUnplaced(builder, row, label, values, outcome.unplaced);
  else placeCells(builder, row, outcome.cells);
}

/**
 * PDF text without rules: each figure stands under the column whose header is nearest across the page, within half
 * the distance between neighbouring headers; a column with no figure under it is blank. Used only when every figure
 * finds its own column and the row adds up.
 */
function byHeaderCentres(
  row: GridRow,
  values: readonly FlowCell[],
  centres: readonly (number | undefined)[],
): RowCells | undefined {
  const written = values.filter((cell) => !isBlank(cell));
  if (written.length === 0 || written.some((cell) => cell.x === undefined || !looksLikeValue(cell.text)))
    return undefined;
  const known = centres.filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  if (known.length !== centres.length) return undefined;
  const gaps = known.slice(1).map((x, i) => x - (known[i] as number));
  const reach = gaps.reduce((min, gap) => Math.min(min, gap), Number.POSITIVE_INFINITY) / 2;
  if (!(reach > 0)) return undefined;
  const placed: (FlowCell | undefined)[] = Array(row.columns.length).fill(undefined);
  for (const cell of written) {
    let best = -1;
    centres.forEach((x, column) => {
      if (x !== undefined && Math.abs(x - (cell.x as number)) < reach) best = column;
    });
    if (best < 0 || placed[best]) return undefined;
    placed[best] = cell;
  }
  const blank = { ...(written[0] as FlowCell), text: '' };
  const cells = placed.map((cell) => cell ?? blank);
  return addsUp(row, cells) ? cells : undefined;
}
