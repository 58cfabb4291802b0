// 三 aligned to the edition's grid: each data row found by its own label (group labels break ties), its seven
// applicant columns by the header (grids) or by the guarantee of grid-alignment (flattened tables).
import type { RequestsLeaf } from '../../editions/fields';
import { fieldsOf } from '../../editions/fields';
import type { Column, Edition, Label } from '../../editions/types';
import type { FlowCell, FlowTable } from './flow-document';
import type { SectionTable } from './flow-sections';
import { looksLikeValue } from './flow-sections';
import { type GridTarget, placeCells, placeRow, rowsOf } from './grid-alignment';
import { coreLabel, labelMatches, normaliseLabel } from './label-text';
import type { ModelBuilder } from './model-builder';

export function alignRequests(builder: ModelBuilder, tables: readonly SectionTable[]): void {
  const context: string[] = [];
  for (const { table, endsAtHeading } of tables) {
    if (table.layout === 'grid') alignGrid(builder, table, context);
    else alignFlattened(builder, table, context, endsAtHeading);
  }
}

function targetsOf(edition: Edition, leaf: RequestsLeaf): GridTarget[] {
  const columns = edition.requests.columns;
  const parts = columns.slice(0, -1).map((_, i) => i);
  return columns.map((column, i) => ({
    pointer: `${leaf.pointer}/${column.key}`,
    kind: column.kind,
    ...(i === columns.length - 1 ? { partsOf: parts } : {}),
  }));
}

function alignFlattened(builder: ModelBuilder, table: FlowTable, context: string[], endsAtHeading: boolean): void {
  const { edition } = builder;
  const rows = rowsOf(table);
  for (const [index, row] of rows.entries()) {
    const labels = [...row.context, row.label].filter((cell) => !isColumnLabel(edition, cell.text));
    rememberGroups(row.context, context);
    const own = labels[labels.length - 1];
    const leaf =
      own === row.label ? matchLeaf(fieldsOf(edition).requestsLeaves, row.label, labels, context) : undefined;
    rememberGroups([row.label], context);
    if (!leaf) {
      for (const cell of labels.filter((c) => !isKnownRequestsLabel(edition, c.text)))
        builder.note('unplacedLabel', '', { text: cell.text, edition: edition.id }, cell.source, 'warning');
      continue;
    }
    placeRow(builder, targetsOf(edition, leaf), { ...row, endsTable: endsAtHeading && index === rows.length - 1 });
  }
}

/** The label cells of a row (text that is not a figure), without the copies of merged cells repeated across a row. */
function labelCells(row: readonly FlowCell[], before: number): FlowCell[] {
  const seen = new Set<string>();
  return row.slice(0, before).filter((cell) => {
    const text = normaliseLabel(cell.text);
    if (text === '' || looksLikeValue(cell.text) || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

function alignGrid(builder: ModelBuilder, table: FlowTable, context: string[]): void {
  const { edition } = builder;
  const columns = edition.requests.columns;
  let columnIndex: (number | undefined)[] | undefined;
  let labelWidth = Number.POSITIVE_INFINITY;
  let sawData = false;
  for (const row of table.rows) {
    const known = columnIndex?.filter((at): at is number => at !== undefined) ?? [];
    const cells = labelCells(row, Math.min(labelWidth, row.length, ...known));
    // A column header (总计, 其他) never names a row, however like （七）总计 or 3.其他 it looks.
    const labels = cells.filter((cell) => !isColumnLabel(edition, cell.text));
    const own = labels[labels.length - 1];
    const leaf = own ? matchLeaf(fieldsOf(edition).requestsLeaves, own, labels, context) : undefined;
    if (!leaf) {
      if (!sawData) {
        // Header rows come before the first data row: find each applicant column by its label.
        const found = columns.map((column) => findColumn(row, column));
        if (found.some((at) => at !== undefined)) {
          columnIndex = columnIndex ?? Array(columns.length).fill(undefined);
          found.forEach((at, i) => {
            if (at !== undefined && columnIndex) columnIndex[i] ??= at;
          });
        }
      }
      rememberGroups(labels, context);
      for (const cell of cells.filter((c) => !isKnownRequestsLabel(edition, c.text)))
        builder.note('unplacedLabel', '', { text: cell.text, edition: edition.id }, cell.source, 'warning');
      continue;
    }
    rememberGroups(labels, context);
    sawData = true;
    const targets = targetsOf(edition, leaf);
    const positions = columnIndex;
    if (positions?.some((at) => at !== undefined)) {
      labelWidth = Math.min(labelWidth, ...known);
      placeCells(
        builder,
        targets,
        positions.map((at) => (at === undefined ? undefined : row[at])),
      );
    } else {
      const at = row.indexOf(own as FlowCell);
      const values = row.slice(at + 1).filter((cell) => !cell.spanned);
      placeRow(builder, targets, { label: own as FlowCell, context: labels.slice(0, -1), values, fieldsKept: true });
    }
  }
}

function isColumnLabel(edition: Edition, text: string): boolean {
  const label = normaliseLabel(text);
  return edition.requests.columns.some((column) => normaliseLabel(column.label.zh) === label);
}

/** The column of a header row whose cell is exactly this column's label (其他 and 总计 are short: no prefixes). */
function findColumn(row: readonly FlowCell[], column: Column): number | undefined {
  const wanted = [column.label.zh, ...(column.label.variants ?? [])].map(normaliseLabel);
  const at = row.findIndex((cell) => wanted.includes(normaliseLabel(cell.text)));
  return at >= 0 ? at : undefined;
}

function isKnownRequestsLabel(edition: Edition, text: string): boolean {
  const { requests } = edition;
  const known: Label[] = [
    requests.balanceNote,
    requests.applicantHeader,
    requests.organisationHeader,
    ...requests.columns.map((c) => c.label),
  ];
  const groups = (rows: typeof requests.rows): Label[] =>
    rows.flatMap((r) => (r.children ? [r.label, ...groups(r.children)] : []));
  known.push(...groups(requests.rows));
  // 核对… are the live-check cells of our own template, read here when its defined names were lost.
  return known.some((label) => labelMatches(text, label)) || /勾稽关系|^核对/.test(normaliseLabel(text));
}

/** Group labels (三、本年度办理结果, （三）不予公开 …) stay in force for the rows after them. */
function rememberGroups(labels: readonly FlowCell[], context: string[]): void {
  for (const cell of labels) {
    const text = normaliseLabel(cell.text);
    if (/^三、?本年度办理结果/.test(text)) context.splice(0, context.length, text);
    else if (/^\([一二三四五六七]\)/.test(text)) context.splice(1, context.length, text);
    else if (/^[一二四]、/.test(text)) context.splice(0, context.length);
  }
}

/** The data row a row's own label names; group labels (in the row or in force) break ties. */
function matchLeaf(
  leaves: readonly RequestsLeaf[],
  own: FlowCell,
  labels: readonly FlowCell[],
  context: readonly string[],
): RequestsLeaf | undefined {
  const texts = [...labels.map((cell) => cell.text), ...context];
  let best: { leaf: RequestsLeaf; score: number } | undefined;
  let tie = false;
  for (const leaf of leaves) {
    const ownLabel = leaf.labels[leaf.labels.length - 1] as Label;
    if (!labelMatches(own.text, ownLabel)) continue;
    const parents = leaf.labels.slice(0, -1);
    const score = 1 + parents.filter((parent) => texts.some((text) => labelMatches(text, parent))).length * 2;
    // A bare two-character label (其他, 总计) names a row only with its group in sight; （七）总计 or 3.其他, numbered, does.
    const bare = normaliseLabel(own.text) === coreLabel(normaliseLabel(ownLabel.zh));
    if (parents.length > 0 && score === 1 && bare && coreLabel(normaliseLabel(ownLabel.zh)).length <= 2) continue;
    if (!best || score > best.score) {
      best = { leaf, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  // Two rows named alike (1.… under （三） and under （四）) with no group to tell them apart: not certain.
  return tie ? undefined : best?.leaf;
}
