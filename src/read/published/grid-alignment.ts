// Step 3 of reading a published report: the placement guarantee of SPEC §8, in this one place. A figure goes into
// the edition's grid only when its row and column are certain. Where the source kept positions, align-table.ts has
// certified each column by the table's header (or said it assumed the official order); where the source lost them, a
// row is placed only when it gives exactly as many figures as it has columns and those figures add up (parts to
// 总计) — the arithmetic is the net that catches a shifted or split figure. Anything else is reported with what was
// seen and left missing.
import { cellPointer, type GridRow } from '../../editions/table-grid';
import { normaliseLabel } from '../../model/label-text';
import { readNumberCell } from '../cell-value';
import type { FlowCell } from './flow-document';
import { looksLikeValue } from './flow-sections';
import type { ModelBuilder } from './model-builder';

export const isBlank = (cell: FlowCell | undefined) => !cell || normaliseLabel(cell.text) === '';

/** Cells matched to the row's columns; `undefined` where a column has no cell (left missing). */
export type RowCells = readonly (FlowCell | undefined)[];

/** The value a cell reads as in lenient reading (blank is 0), or undefined when it is no number. */
function printedValue(cell: FlowCell | undefined, row: GridRow, index: number): number | undefined {
  if (isBlank(cell)) return 0;
  const reading = readNumberCell(cell?.text, row.columns[index]?.kind ?? 'count', { lenient: true });
  return reading.kind === 'number' ? reading.value : undefined;
}

/** Whether every total of the row equals the sum of its parts, as printed (a row without totals always does). */
export function addsUp(row: GridRow, cells: RowCells): boolean {
  return row.sums.every(({ total, parts }) => {
    const sum = parts.reduce<number | undefined>((acc, at) => {
      const value = printedValue(cells[at], row, at);
      return acc === undefined || value === undefined ? undefined : acc + value;
    }, 0);
    const printed = printedValue(cells[total], row, total);
    return sum !== undefined && printed !== undefined && Math.abs(sum - printed) < 1e-6;
  });
}

const isZero = (cell: FlowCell) => /^0+$/.test(normaliseLabel(cell.text));

/** How the figures of a row that lost its places are put into its columns, or why they cannot be. */
export type LooseOutcome = { cells: RowCells } | { unplaced: 'count' | 'sum' };

export interface LooseRow {
  /** The cells after the row's label, blanks included where the copy kept them. */
  values: readonly FlowCell[];
  /** The column each written figure stands in, when the source's header or positions say so; else by count. */
  order?: readonly number[];
  /** The copy ended the row at the table's end without its terminator: what was copied is the row's start. */
  cutByHeading?: boolean;
  /** 二 only: a row cut by the heading fills its first columns (the seed's last row, 政府集中采购 | 10 |). */
  leadingColumns?: boolean;
}

/**
 * The figures of a row that lost its places (one cell per line, a label and its figures on a line, PDF text without
 * rules), matched to its columns only when that is certain:
 * - exactly as many written figures as columns, in the order the header gives (or the official one), adding up;
 * - only zeros over at least as many cells as columns: every column is 0 wherever the zeros stood;
 * - written figures joined where a space stood inside a number (`5 609`), when exactly one joining adds up;
 * - a row of 二 cut by the next heading with no empty cell: what was copied is the row's start.
 */
export function alignLoose(row: GridRow, loose: LooseRow): LooseOutcome {
  const count = row.columns.length;
  const written = loose.values.filter((cell) => !isBlank(cell));
  if (written.some((cell) => !looksLikeValue(cell.text))) return { unplaced: 'count' };
  const order = loose.order ?? row.columns.map((_, i) => i);
  const inOrder = (figures: readonly FlowCell[]): RowCells => {
    const cells: (FlowCell | undefined)[] = Array(count).fill(undefined);
    figures.forEach((cell, i) => {
      const at = order[i];
      if (at !== undefined) cells[at] = cell;
    });
    return cells;
  };
  if (written.length === count) {
    const cells = inOrder(written);
    return addsUp(row, cells) ? { cells } : { unplaced: 'sum' };
  }
  if (written.length > 0 && written.every(isZero) && loose.values.length >= count)
    return { cells: zeros(written, count) };
  if (written.length > count) {
    const joined = joinedGroups(written, count).filter((figures) => addsUp(row, inOrder(figures)));
    return joined.length === 1 ? { cells: inOrder(joined[0] as FlowCell[]) } : { unplaced: 'count' };
  }
  const noEmptyCell = written.length === loose.values.length && written.length > 0;
  if (loose.cutByHeading && noEmptyCell) {
    if (written.every(isZero)) return { cells: zeros(written, count) };
    if (loose.leadingColumns) return { cells: written };
  }
  return { unplaced: 'count' };
}

/** The written zeros, then blank cells (read as 0 with a warning) for the columns they leave. */
function zeros(written: readonly FlowCell[], count: number): FlowCell[] {
  const filler = written[0] as FlowCell;
  return Array.from({ length: count }, (_, i) => written[i] ?? { ...filler, text: '' });
}

/**
 * Every way of joining neighbouring figures into one where a space may have grouped its thousands (`5 609`, `12 345`)
 * so that `count` figures remain. Bounded: a row has at most fifteen columns.
 */
function joinedGroups(written: readonly FlowCell[], count: number): FlowCell[][] {
  const results: FlowCell[][] = [];
  const extra = written.length - count;
  if (extra > 4) return results;
  const walk = (at: number, joins: number, acc: FlowCell[]) => {
    if (results.length > 8) return;
    if (at >= written.length) {
      if (joins === extra) results.push(acc);
      return;
    }
    const cell = written[at] as FlowCell;
    walk(at + 1, joins, [...acc, cell]);
    let text = cell.text.trim();
    for (let next = at + 1; next < written.length && joins + (next - at) <= extra; next++) {
      const part = (written[next] as FlowCell).text.trim();
      if (!/^\d{1,3}$/.test(cell.text.trim()) || !/^\d{3}$/.test(part)) break;
      text = `${text}${part}`;
      walk(next + 1, joins + (next - at), [...acc, { ...cell, text }]);
    }
  };
  walk(0, 0, []);
  return results;
}

/** Places a row's cells, already matched to its columns. The only way a figure enters the model. */
export function placeCells(builder: ModelBuilder, row: GridRow, cells: RowCells): void {
  row.columns.forEach((column, i) => {
    const pointer = cellPointer(row, column);
    const cell = cells[i];
    const sum = row.sums.find((s) => s.total === i);
    if (sum && cell && isBlank(cell)) {
      // A blank total beside parts that are not all 0 (or that cannot be read) was not printed: it is missing.
      const allZeroParts = sum.parts.every((at) => printedValue(cells[at], row, at) === 0);
      if (!allZeroParts) {
        builder.blankTotal(pointer, cell);
        return;
      }
    }
    builder.value(pointer, column.kind, cell);
  });
}

/** Why a row's figures were left out: too many or too few, not adding up, or not standing under the header's columns. */
export type UnplacedReason = 'count' | 'sum' | 'header';
const UNPLACED_MESSAGES = { count: 'unplacedRow', sum: 'unplacedRowSum', header: 'unplacedRowHeader' } as const;

/** A row whose figures cannot be matched to its columns: reported once with what it showed, its cells left missing. */
export function reportUnplaced(
  builder: ModelBuilder,
  row: GridRow,
  label: FlowCell,
  values: readonly FlowCell[],
  reason: UnplacedReason = 'count',
): void {
  const shown = values
    .filter((cell) => !isBlank(cell))
    .map((cell) => cell.text.trim())
    .join(' ');
  builder.unplaced(
    row.columns.map((column) => cellPointer(row, column)),
    UNPLACED_MESSAGES[reason],
    { text: label.text.trim() || row.labels.at(-1)?.zh || '四', values: shown === '' ? '—' : shown },
    label.source,
  );
}
