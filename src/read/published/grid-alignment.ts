// Step 3 of reading a published report: the placement guarantee of SPEC §8, in this one place. A figure goes into
// the edition's grid only when its row and column are certain: by position where the source kept positions, and
// otherwise only when a row gives exactly as many figures as the row has columns. Anything else is reported with
// what was seen and left missing.
import type { ValueKind } from '../../editions/types';
import { readNumberCell } from '../cell-value';
import type { FlowCell, FlowTable } from './flow-document';
import { looksLikeValue } from './flow-sections';
import { normaliseLabel } from './label-text';
import type { ModelBuilder } from './model-builder';

/** One cell of the grid a row fills; a total names the columns it adds up. */
export interface GridTarget {
  pointer: string;
  kind: ValueKind;
  partsOf?: readonly number[];
}

/** What a table gave for one row of the grid: its labels and the cells after them. */
export interface RowEvidence {
  /** The row's own label (the last label before its figures). */
  label: FlowCell;
  /** Labels before it in the same row (group labels such as （三）不予公开). */
  context: FlowCell[];
  values: FlowCell[];
  /** The n-th value is the n-th column (a row of fields); otherwise only the order of the written figures counts. */
  fieldsKept: boolean;
  /** The last row of a table that the next section's heading ends (not cut off): its empty last cells were not copied. */
  endsTable?: boolean;
  /** 二 only: such a row's figures fill its first columns (its later columns, 采购总金额 or 本年增/减, left empty). */
  leadingColumns?: boolean;
}

export const isBlank = (cell: FlowCell | undefined) => !cell || normaliseLabel(cell.text) === '';

/** Text that can name a row: not a figure, and more than a stray character among figures (二 for 2). */
const isLabel = (cell: FlowCell) => !looksLikeValue(cell.text) && normaliseLabel(cell.text).length >= 2;

/**
 * The rows of a table that lost its grid. Rows of fields and PDF rows are rows as they stand (labels first, then
 * values); a stream of cells is cut where a label follows a figure, so a figure always belongs to the label
 * nearest before it, never to one further up.
 */
export function rowsOf(table: FlowTable): RowEvidence[] {
  const fieldsKept = table.layout === 'fields';
  const rows: FlowCell[][] = table.layout === 'stream' ? cutStream(table.rows) : table.rows;
  const evidence: RowEvidence[] = [];
  for (const row of rows) {
    let last = -1;
    row.forEach((cell, index) => {
      if (isLabel(cell)) last = index;
    });
    if (last < 0) continue;
    const labels = row.slice(0, last + 1).filter(isLabel);
    evidence.push({
      label: labels[labels.length - 1] as FlowCell,
      context: labels.slice(0, -1),
      values: row.slice(last + 1),
      fieldsKept,
    });
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
 * The cell of each column, when the row's figures can be matched to its `count` columns without guessing:
 * - fields that kept their places: exactly `count` fields, or more whose extra fields at one end are all empty;
 * - figures that lost their places: exactly `count` written figures, or only zeros over at least `count` cells
 *   (wherever the zeros stood, every column is 0);
 * - a row of 二 that the next heading ends and that has no empty cell: its figures fill its first columns.
 */
export function alignRow(row: RowEvidence, count: number): (FlowCell | undefined)[] | undefined {
  const { values } = row;
  const written = values.filter((cell) => !isBlank(cell));
  // A word among figures that lost their places: which column it stands in cannot be known.
  if (!row.fieldsKept && written.some((cell) => !looksLikeValue(cell.text))) return undefined;
  if (row.fieldsKept) {
    if (values.length === count) return values;
    if (values.length < count) return undefined;
    const extra = values.length - count;
    const fromStart = values.slice(0, extra).every(isBlank) ? values.slice(extra) : undefined;
    const fromEnd = values.slice(count).every(isBlank) ? values.slice(0, count) : undefined;
    if (fromStart && fromEnd) {
      const same = fromStart.every((cell, i) => normaliseLabel(cell.text) === normaliseLabel(fromEnd[i]?.text ?? ''));
      return same ? fromStart : undefined;
    }
    return fromStart ?? fromEnd;
  }
  if (written.length === count) return written;
  if (allZero(written) && values.length >= count) return zeros(written, count);
  const noEmptyCell = written.length === values.length;
  if (row.endsTable && noEmptyCell && written.length > 0 && written.length < count) {
    if (allZero(written)) return zeros(written, count);
    if (row.leadingColumns) return written;
  }
  return undefined;
}

const allZero = (cells: readonly FlowCell[]) =>
  cells.length > 0 && cells.every((cell) => /^0+$/.test(normaliseLabel(cell.text)));

/** The written zeros, then blank cells (read as 0 with a warning) for the columns they leave. */
function zeros(written: readonly FlowCell[], count: number): FlowCell[] {
  const filler = written[0] as FlowCell;
  return Array.from({ length: count }, (_, i) => written[i] ?? { ...filler, text: '' });
}

/** Places a row into the grid, or reports it unplaced with what it showed. The only way a figure enters the model. */
export function placeRow(builder: ModelBuilder, targets: readonly GridTarget[], row: RowEvidence): void {
  const cells = alignRow(row, targets.length);
  if (!cells) {
    reportUnplaced(builder, targets, row.label, row.values);
    return;
  }
  placeCells(builder, targets, cells);
}

export function reportUnplaced(
  builder: ModelBuilder,
  targets: readonly GridTarget[],
  label: FlowCell,
  values: readonly FlowCell[],
): void {
  const shown = values
    .filter((cell) => !isBlank(cell))
    .map((cell) => cell.text.trim())
    .join(' ');
  builder.unplaced(
    targets.map((t) => t.pointer),
    { text: label.text.trim(), values: shown === '' ? '—' : shown },
    label.source,
  );
}

/** Cells already matched to their columns (by position, or by `alignRow`). A blank total beside parts that are not all zero was not printed: it is missing. */
export function placeCells(
  builder: ModelBuilder,
  targets: readonly GridTarget[],
  cells: readonly (FlowCell | undefined)[],
): void {
  targets.forEach((target, i) => {
    const cell = cells[i];
    if (target.partsOf && isBlank(cell) && cell) {
      const parts = target.partsOf.map((at) => cells[at]);
      // Only parts that are all 0 (or blank) make a blank total 0; a part that is not 0, or cannot be read, does not.
      const allZeroParts = parts.every((part) => {
        const reading = part ? readNumberCell(part.text, 'count', { lenient: true }) : undefined;
        return reading?.kind === 'blank' || (reading?.kind === 'number' && reading.value === 0);
      });
      if (!allZeroParts) {
        builder.blankTotal(target.pointer, cell);
        return;
      }
    }
    builder.value(target.pointer, target.kind, cell);
  });
}
