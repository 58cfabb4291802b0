// 二 aligned to the edition's grid: each item's rows (规章, 行政许可 …) with that item's columns.
import type { Column, Label } from '../../editions/types';
import type { FlowCell, FlowTable } from './flow-document';
import type { SectionTable } from './flow-sections';
import { looksLikeValue } from './flow-sections';
import { type GridTarget, placeCells, placeRow, rowsOf } from './grid-alignment';
import { labelMatches, normaliseLabel } from './label-text';
import type { ModelBuilder } from './model-builder';

export function alignProactive(builder: ModelBuilder, tables: readonly SectionTable[]): void {
  for (const { table, endsAtHeading } of tables) {
    if (table.layout === 'grid') alignGrid(builder, table);
    else alignFlattened(builder, table, endsAtHeading);
  }
}

const targetsOf = (rowKey: string, columns: readonly Column[]): GridTarget[] =>
  columns.map((column) => ({ pointer: `/proactive/${rowKey}/${column.key}`, kind: column.kind }));

function rowOf(builder: ModelBuilder, text: string) {
  for (const group of builder.edition.proactive) {
    const row = group.rows.find((r) => labelMatches(text, r.label));
    if (row) return { group, row };
  }
  return undefined;
}

const sameItem = (text: string, item: Label) => normaliseLabel(text).includes(normaliseLabel(item.zh));

function alignFlattened(builder: ModelBuilder, table: FlowTable, endsAtHeading: boolean): void {
  const rows = rowsOf(table);
  rows.forEach((row, index) => {
    const found = rowOf(builder, row.label.text);
    if (!found) {
      if (row.values.some((cell) => cell.text.trim() !== '') && !isItemOrHeader(builder, row.label.text))
        builder.note(
          'unplacedLabel',
          '',
          { text: row.label.text, edition: builder.edition.id },
          row.label.source,
          'warning',
        );
      return;
    }
    const last = index === rows.length - 1;
    placeRow(builder, targetsOf(found.row.key, found.group.columns), {
      ...row,
      endsTable: last && endsAtHeading,
      leadingColumns: true,
    });
  });
}

function isItemOrHeader(builder: ModelBuilder, text: string): boolean {
  const { edition } = builder;
  return (
    labelMatches(text, edition.proactiveHeader) ||
    edition.proactive.some((g) => sameItem(text, g.item) || g.columns.some((c) => labelMatches(text, c.label)))
  );
}

/** The label cells of a row (text that is not a figure), without the copies of merged cells repeated across a row. */
function labelCells(row: readonly FlowCell[]): FlowCell[] {
  const seen = new Set<string>();
  return row.filter((cell) => {
    const text = normaliseLabel(cell.text);
    if (text === '' || looksLikeValue(cell.text) || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** A grid: each item's header row says where its columns stand; its rows are read by those positions. */
function alignGrid(builder: ModelBuilder, table: FlowTable): void {
  const groups = builder.edition.proactive;
  let group = groups[0];
  let columnIndex: number[] | undefined;
  for (const row of table.rows) {
    const labels = labelCells(row);
    const first = labels[0];
    if (!first) continue;
    const item = groups.find((g) => labels.some((cell) => sameItem(cell.text, g.item)));
    if (item) {
      group = item;
      columnIndex = undefined;
      continue;
    }
    if (labelMatches(first.text, builder.edition.proactiveHeader)) {
      const current = group;
      if (!current) continue;
      columnIndex = current.columns.map((column) => {
        const at = row.findIndex((cell) => !cell.spanned && labelMatches(cell.text, column.label));
        return at >= 0 ? at : row.findIndex((cell) => labelMatches(cell.text, column.label));
      });
      for (const cell of labels.slice(1)) {
        if (!current.columns.some((c) => labelMatches(cell.text, c.label)))
          builder.note('unplacedLabel', '', { text: cell.text, edition: builder.edition.id }, cell.source, 'warning');
      }
      continue;
    }
    const found = rowOf(builder, first.text);
    if (!found) {
      builder.note('unplacedLabel', '', { text: first.text, edition: builder.edition.id }, first.source, 'warning');
      continue;
    }
    const targets = targetsOf(found.row.key, found.group.columns);
    if (columnIndex && found.group === group) {
      const positions = columnIndex;
      placeCells(
        builder,
        targets,
        targets.map((_, i) => {
          const at = positions[i] ?? -1;
          return at < 0 ? undefined : row[at];
        }),
      );
    } else {
      // No header of its own in sight: the cells after the label, in order, when they are exactly its columns.
      const labelAt = row.indexOf(first);
      const values = row.slice(labelAt + 1).filter((cell, i, all) => !cell.spanned || all[i - 1]?.text !== cell.text);
      placeRow(builder, targets, { label: first, context: [], values, fieldsKept: true });
    }
  }
}
