// 四 aligned to the edition's grid: one row of 15 figures under three groups of five outcomes.
import type { Label } from '../../editions/types';
import type { FlowCell, FlowTable } from './flow-document';
import type { SectionTable } from './flow-sections';
import { looksLikeValue } from './flow-sections';
import { type GridTarget, isBlank, placeCells, placeRow, rowsOf } from './grid-alignment';
import { labelMatches } from './label-text';
import type { ModelBuilder } from './model-builder';

interface AppealsTarget extends GridTarget {
  group: { label: Label; parent?: Label };
  outcome: { label: Label };
}

function targetsOf(builder: ModelBuilder): AppealsTarget[] {
  const { groups, outcomes } = builder.edition.appeals;
  return groups.flatMap((group, g) =>
    outcomes.map((outcome, o) => ({
      pointer: `/appeals/${group.key}/${outcome.key}`,
      kind: outcome.kind,
      group,
      outcome,
      ...(o === outcomes.length - 1 ? { partsOf: outcomes.slice(0, -1).map((_, i) => g * outcomes.length + i) } : {}),
    })),
  );
}

export function alignAppeals(builder: ModelBuilder, tables: readonly SectionTable[]): void {
  const targets = targetsOf(builder);
  for (const { table } of tables) {
    if (table.layout === 'grid' ? alignGrid(builder, table, targets) : alignFlattened(builder, table, targets)) return;
  }
}

/** Each column's group and outcome come from the header cells above it (merged headers repeat across their span). */
function alignGrid(builder: ModelBuilder, table: FlowTable, targets: readonly AppealsTarget[]): boolean {
  const valueRow = table.rows.find(
    (row) => row.filter((cell) => !isBlank(cell) && looksLikeValue(cell.text)).length >= 3,
  );
  if (!valueRow) return false;
  const header = table.rows.slice(0, table.rows.indexOf(valueRow));
  const cells = targets.map((target) => {
    const at = valueRow.findIndex((_, column) => {
      const above = header.map((row) => row[column]?.text ?? '');
      return (
        above.some((text) => labelMatches(text, target.outcome.label)) &&
        above.some((text) => labelMatches(text, target.group.label)) &&
        (!target.group.parent || above.some((text) => labelMatches(text, target.group.parent as Label)))
      );
    });
    return at >= 0 ? valueRow[at] : undefined;
  });
  if (cells.some(Boolean)) {
    placeCells(builder, targets, cells);
    return true;
  }
  // No header to go by: the row's cells in order, when they are exactly fifteen.
  const label: FlowCell = valueRow.find((cell) => !looksLikeValue(cell.text)) ?? { text: '四', source: {} };
  placeRow(builder, targets, {
    label,
    context: [],
    values: valueRow.filter((c) => looksLikeValue(c.text)),
    fieldsKept: true,
  });
  return true;
}

/** The figures after the header: the table's one data row (it has no label of its own), however it was copied. */
function alignFlattened(builder: ModelBuilder, table: FlowTable, targets: readonly AppealsTarget[]): boolean {
  const written = (cells: readonly FlowCell[]) => cells.filter((cell) => !isBlank(cell) && looksLikeValue(cell.text));
  if (table.layout !== 'stream') {
    // A row of fields keeps its blank cells: the data row is the one of figures and empty fields only.
    const isDataRow = (cells: readonly FlowCell[]) =>
      table.layout === 'fields'
        ? written(cells).length > 0 && cells.filter((cell) => looksLikeValue(cell.text)).length >= 3
        : written(cells).length >= 3;
    const row = table.rows.find(isDataRow);
    if (!row) return false;
    let last = -1;
    row.forEach((cell, index) => {
      if (!looksLikeValue(cell.text)) last = index;
    });
    const label: FlowCell = row[last] ?? { text: '四', source: row[0]?.source ?? {} };
    placeRow(builder, targets, {
      label,
      context: [],
      values: row.slice(last + 1),
      fieldsKept: table.layout === 'fields',
    });
    return true;
  }
  const rows = rowsOf(table).filter((row) => written(row.values).length > 0);
  const row = rows[0];
  if (!row) return false;
  placeRow(builder, targets, row);
  return true;
}
