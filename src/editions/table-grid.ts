// Each official table's grid, derived once from an edition: the columns with the header labels printed above each,
// the data rows with their pointers and label chains, which cells of a row are totals of which (and which rows of 三
// add up to which), and the table as it is drawn — header cells with their row and column spans, label cells, figure
// cells. Whatever reads, lays out, writes or describes a table by its grid (the importer's alignment, the DOCX and HTML
// layout, the template, the JSON Schema) reads it here instead of walking the edition again.
import { labelWithUnit, pointerOf } from './fields';
import type { Column, Edition, Label, RequestsRow, TableSectionKey, ValueKind } from './types';

export interface GridColumn {
  /** The key under the row's pointer: `natural`, `total`, `review/upheld`, `issued`. */
  key: string;
  kind: ValueKind;
  /** The column's own header label: 商业企业, 结果维持. */
  label: Label;
  /** The header labels above the column, top down, ending in its own: [申请人情况, 法人或其他组织, 商业企业]. */
  headers: readonly Label[];
  /** The header labels that tell this column from the others of its row: the leaf, or 四's group and outcome. */
  identity: readonly Label[];
}

/** A total and what it adds up: indexes into a row's columns, or (down a table's columns) into its rows. */
export interface GridSum {
  total: number;
  parts: readonly number[];
}

export interface GridRow {
  /** JSON Pointer of the row; its cells' pointers are `cellPointer(row, column)`. */
  pointer: string;
  /** The row's keys under its table: ['results', 'denied', 'stateSecret']; empty for 四's one printed row. */
  keys: readonly string[];
  /** Group labels, then the row's own label; empty for 四's one row, which has no label. */
  labels: readonly Label[];
  columns: readonly GridColumn[];
  sums: readonly GridSum[];
  /** 二: the 第二十条 item whose sub-table holds the row. */
  item?: Label;
}

/** Where a cell of a drawn table stands: its first row and column, counted from the table's top left, and its spans. */
interface Placed {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/** A header or label cell as printed, and what it heads (HTML's `scope`). */
export interface HeaderCell extends Placed {
  text: string;
  heads: 'col' | 'colgroup' | 'row' | 'rowgroup';
  figure?: undefined;
}

/** A cell that holds a figure: the row and column of the grid it shows, and its pointer. */
export interface FigureCell extends Placed {
  figure: { row: GridRow; column: GridColumn; pointer: string };
  text?: undefined;
  heads?: undefined;
}

export type DrawnCell = HeaderCell | FigureCell;

/** A table as the official template draws it, and the DOCX, the HTML and our workbook after it. */
export interface TableDrawing {
  /** Columns of the drawing: the label columns, then the figures' columns. */
  width: number;
  /** Columns on the left that hold row labels: 三's three levels, 二's one, none in 四. */
  labelColumns: number;
  /** Header rows, repeated on every printed page (二 has none: each item's sub-table heads itself, in the body). */
  head: readonly (readonly DrawnCell[])[];
  /** Rows after the header, each cell where it starts; a cell spanning rows below is not repeated there. */
  body: readonly (readonly DrawnCell[])[];
}

export interface TableGrid {
  section: TableSectionKey;
  /** Every row a table may be printed with (四 also the other way round: a row per group). */
  rows: readonly GridRow[];
  /** The rows as the model holds them, an object of figures each: 四's groups with their outcomes, else `rows`. */
  records: readonly GridRow[];
  /** Totals down the columns: a row that adds up other rows (三's （七）总计 over the results), as indexes into `rows`. */
  columnSums: readonly GridSum[];
  /** 三's balance, as its corner note states it: the rows `left` add up to the same as the rows `right`. */
  balance?: { left: readonly number[]; right: readonly number[] };
  /** The corner of the header, above the row labels: 三's balance note, 二's 信息内容. */
  cornerHeaders: readonly Label[];
  /** 二's items (第二十条第（一）项 …), which open its sub-tables. */
  items: readonly Label[];
  drawing: TableDrawing;
}

/** Keyed by the edition itself, not its id: a test may pass an edition of its own. */
const cache = new WeakMap<Edition, Readonly<Record<TableSectionKey, TableGrid>>>();

export function tableGrids(edition: Edition): Readonly<Record<TableSectionKey, TableGrid>> {
  const cached = cache.get(edition);
  if (cached) return cached;
  const grids = { proactive: proactiveGrid(edition), requests: requestsGrid(edition), appeals: appealsGrid(edition) };
  cache.set(edition, grids);
  return grids;
}

/** The JSON Pointer of a cell: `/requests/results/denied/stateSecret/natural`. */
export const cellPointer = (row: GridRow, column: GridColumn) => `${row.pointer}/${column.key}`;

/** The dotted model path of a pointer, also the template's defined name: `requests.newReceived.natural`. */
export const modelPath = (pointer: string) => pointer.slice(1).replace(/\//g, '.');

/** How the value columns of a 二 sub-table share the table's width: `parts` columns over `slots`, the last ones wider. */
function spreadColumns(parts: number, slots: number): number[] {
  const base = Math.floor(slots / parts);
  return Array.from({ length: parts }, (_, index) => base + (index >= parts - (slots % parts) ? 1 : 0));
}

/** A column's header as printed: an amount the official label gives no unit for (2019 采购总金额) says 万元. */
function printedColumnLabel(column: Pick<Column, 'label' | 'kind'>): string {
  return labelWithUnit(column).zh;
}

const header = (
  text: string,
  heads: HeaderCell['heads'],
  row: number,
  column: number,
  rowSpan = 1,
  colSpan = 1,
): HeaderCell => ({ text, heads, row, column, rowSpan, colSpan });

const figure = (gridRow: GridRow, gridColumn: GridColumn, row: number, column: number, colSpan = 1): FigureCell => ({
  figure: { row: gridRow, column: gridColumn, pointer: cellPointer(gridRow, gridColumn) },
  row,
  column,
  rowSpan: 1,
  colSpan,
});

const gridColumn = (column: Column, key = column.key, headers = [column.label], identity = [column.label]) => ({
  key,
  kind: column.kind,
  label: column.label,
  headers,
  identity,
});

const largest = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, value), 0);

/**
 * The header rows over a row's columns: a group over the columns under it, a column's own label reaching down to the
 * last header row (三's 自然人 and 总计, 四's 行政复议 outcomes), after `offset` label columns.
 */
function headerRows(columns: readonly GridColumn[], offset: number): HeaderCell[][] {
  const depth = largest(columns.map((column) => column.headers.length));
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  columns.forEach((column, index) => {
    const previous = columns[index - 1];
    column.headers.forEach((label, level) => {
      const cells = rows[level] as HeaderCell[];
      const leaf = level === column.headers.length - 1;
      // A group goes on over the next column when that column stands under the same groups.
      const sameGroup =
        !leaf &&
        previous !== undefined &&
        previous.headers.length - 1 > level &&
        previous.headers.slice(0, level + 1).every((above, at) => above === column.headers[at]);
      const last = cells[cells.length - 1];
      if (sameGroup && last) last.colSpan++;
      else cells.push(header(label.zh, leaf ? 'col' : 'colgroup', level, offset + index, leaf ? depth - level : 1));
    });
  });
  return rows;
}

function proactiveGrid(edition: Edition): TableGrid {
  const slots = largest(edition.proactive.map((group) => group.columns.length));
  const width = 1 + slots;
  const rows: GridRow[] = [];
  const body: DrawnCell[][] = [];
  for (const group of edition.proactive) {
    const columns = group.columns.map((column) => gridColumn(column));
    const spans = spreadColumns(columns.length, slots);
    const starts = spans.map((_, index) => 1 + spans.slice(0, index).reduce((sum, span) => sum + span, 0));
    body.push([header(group.item.zh, 'colgroup', body.length, 0, 1, width)]);
    const top = body.length;
    body.push([
      header(edition.proactiveHeader.zh, 'col', top, 0),
      ...columns.map((column, i) => header(printedColumnLabel(column), 'col', top, starts[i] ?? 1, 1, spans[i])),
    ]);
    for (const row of group.rows) {
      const gridRow: GridRow = {
        pointer: pointerOf(['proactive', row.key]),
        keys: [row.key],
        labels: [row.label],
        columns,
        sums: [],
        item: group.item,
      };
      rows.push(gridRow);
      const at = body.length;
      body.push([
        header(row.label.zh, 'row', at, 0),
        ...columns.map((column, i) => figure(gridRow, column, at, starts[i] ?? 1, spans[i])),
      ]);
    }
  }
  return {
    section: 'proactive',
    rows,
    records: rows,
    columnSums: [],
    cornerHeaders: [edition.proactiveHeader],
    items: edition.proactive.map((group) => group.item),
    drawing: { width, labelColumns: 1, head: [], body },
  };
}

function requestsGrid(edition: Edition): TableGrid {
  const { requests } = edition;
  const last = requests.columns.length - 1;
  const columns: GridColumn[] = requests.columns.map((column, index) =>
    gridColumn(
      column,
      column.key,
      index === 0 || index === last
        ? [requests.applicantHeader, column.label]
        : [requests.applicantHeader, requests.organisationHeader, column.label],
    ),
  );
  const sums: GridSum[] = [{ total: last, parts: columns.slice(0, -1).map((_, i) => i) }];
  const rows: GridRow[] = [];
  const columnSums: GridSum[] = [];
  // The group cells that open on each row (outermost first, each in the column of its depth), their row spans filled
  // in as the walk comes back up; drawn once the deepest row, and so the number of label columns, is known.
  const groupsOpening: HeaderCell[][] = [];
  /** The index of the row that holds a top-level row's figures: a leaf itself, a group its total. */
  const figuresOf = new Map<RequestsRow, number>();
  const walk = (
    list: readonly RequestsRow[],
    keys: readonly string[],
    labels: readonly Label[],
    opening: HeaderCell[],
  ) => {
    for (const row of list) {
      const rowKeys = [...keys, row.key];
      const chain = [...labels, row.label];
      if (row.children) {
        const start = rows.length;
        const group = header(row.label.zh, 'rowgroup', start, keys.length);
        walk(row.children, rowKeys, chain, [...opening, group]);
        group.rowSpan = rows.length - start;
        // A group that closes with a row keyed `total` (三、本年度办理结果 … （七）总计) adds up to it.
        const lastChild = row.children[row.children.length - 1];
        if (lastChild?.key === 'total' && !lastChild.children) {
          const total = rows.length - 1;
          columnSums.push({ total, parts: Array.from({ length: total - start }, (_, i) => start + i) });
          figuresOf.set(row, total);
        }
      } else {
        figuresOf.set(row, rows.length);
        rows.push({ pointer: pointerOf(['requests', ...rowKeys]), keys: rowKeys, labels: chain, columns, sums });
        groupsOpening.push(opening);
      }
      opening = [];
    }
  };
  walk(requests.rows, [], [], []);
  const labelColumns = largest(rows.map((row) => row.labels.length));
  const head = headerRows(columns, labelColumns);
  head[0]?.unshift(header(requests.balanceNote.zh, 'col', 0, 0, head.length, labelColumns));
  // Group labels open the first row of their group and span its rows; a leaf's label spans the label columns left.
  const body: DrawnCell[][] = rows.map((row, index) => {
    const at = head.length + index;
    const depth = row.labels.length - 1;
    return [
      ...(groupsOpening[index] ?? []).map((group) => ({ ...group, row: at })),
      header((row.labels[depth] as Label).zh, 'row', at, depth, 1, labelColumns - depth),
      ...columns.map((column, i) => figure(row, column, at, labelColumns + i)),
    ];
  });
  // The corner note's arithmetic: 一 and 二 add up to 三 (its total) and 四.
  const top = requests.rows.map((row) => figuresOf.get(row));
  const balance =
    top.length === 4 && top.every((index) => index !== undefined)
      ? { left: top.slice(0, 2) as number[], right: top.slice(2) as number[] }
      : undefined;
  return {
    section: 'requests',
    rows,
    records: rows,
    columnSums,
    ...(balance ? { balance } : {}),
    cornerHeaders: [requests.balanceNote],
    items: [],
    drawing: { width: labelColumns + columns.length, labelColumns, head, body },
  };
}

function appealsGrid(edition: Edition): TableGrid {
  const { groups, outcomes } = edition.appeals;
  const columns: GridColumn[] = groups.flatMap((group) =>
    outcomes.map((outcome) =>
      gridColumn(
        outcome,
        `${group.key}/${outcome.key}`,
        [...(group.parent ? [group.parent] : []), group.label, outcome.label],
        [group.label, outcome.label],
      ),
    ),
  );
  const width = outcomes.length;
  const sums: GridSum[] = groups.map((_, g) => ({
    total: g * width + width - 1,
    parts: outcomes.slice(0, -1).map((_, o) => g * width + o),
  }));
  // Printed the other way round (some sites do): a row per group, its five outcomes as columns. This is also how the
  // model holds them.
  const outcomeColumns = outcomes.map((outcome) => gridColumn(outcome));
  const transposed: GridRow[] = groups.map((group) => ({
    pointer: pointerOf(['appeals', group.key]),
    keys: [group.key],
    labels: [...(group.parent ? [group.parent] : []), group.label],
    columns: outcomeColumns,
    sums: [{ total: outcomes.length - 1, parts: outcomes.slice(0, -1).map((_, o) => o) }],
  }));
  const printed: GridRow = { pointer: pointerOf(['appeals']), keys: [], labels: [], columns, sums };
  // As the official template draws it: a group without a parent (行政复议) is one row high and its outcomes reach
  // down the two rows below; groups sharing a parent (行政诉讼) name themselves in row 2, outcomes in row 3.
  const head = headerRows(columns, 0);
  return {
    section: 'appeals',
    rows: [printed, ...transposed],
    records: transposed,
    columnSums: [],
    cornerHeaders: [],
    items: [],
    drawing: {
      width: columns.length,
      labelColumns: 0,
      head,
      body: [columns.map((column, i) => figure(printed, column, head.length, i))],
    },
  };
}
