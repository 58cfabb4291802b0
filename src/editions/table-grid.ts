// Each official table's grid, derived once from an edition: the columns with the header labels printed above each,
// the data rows with their pointers and label chains, and which cells of a row are totals of which. Whatever reads or
// lays out a table by its grid (the importer's alignment first) reads it here instead of walking the edition again.
import type { Edition, EditionId, Label, RequestsRow, TableSectionKey, ValueKind } from './types';

export interface GridColumn {
  /** The key under the row's pointer: `natural`, `total`, `review/upheld`, `issued`. */
  key: string;
  kind: ValueKind;
  /** The header labels above the column, top down, ending in its own: [申请人情况, 法人或其他组织, 商业企业]. */
  headers: readonly Label[];
  /** The header labels that tell this column from the others of its row: the leaf, or 四's group and outcome. */
  identity: readonly Label[];
}

/** A total and the columns it adds up, as indexes into the row's columns. */
export interface GridSum {
  total: number;
  parts: readonly number[];
}

export interface GridRow {
  /** JSON Pointer of the row; its cells are `${pointer}/${column.key}`. */
  pointer: string;
  /** Group labels, then the row's own label; empty for 四's one row, which has no label. */
  labels: readonly Label[];
  columns: readonly GridColumn[];
  sums: readonly GridSum[];
  /** 二: the 第二十条 item whose sub-table holds the row. */
  item?: Label;
}

export interface TableGrid {
  section: TableSectionKey;
  rows: readonly GridRow[];
  /** The corner of the header, above the row labels: 三's balance note, 二's 信息内容. */
  cornerHeaders: readonly Label[];
  /** 二's items (第二十条第（一）项 …), which open its sub-tables. */
  items: readonly Label[];
}

const cache = new Map<EditionId, Readonly<Record<TableSectionKey, TableGrid>>>();

export function tableGrids(edition: Edition): Readonly<Record<TableSectionKey, TableGrid>> {
  const cached = cache.get(edition.id);
  if (cached) return cached;
  const grids = { proactive: proactiveGrid(edition), requests: requestsGrid(edition), appeals: appealsGrid(edition) };
  cache.set(edition.id, grids);
  return grids;
}

export const cellPointer = (row: GridRow, column: GridColumn) => `${row.pointer}/${column.key}`;

function proactiveGrid(edition: Edition): TableGrid {
  const rows = edition.proactive.flatMap((group) =>
    group.rows.map(
      (row): GridRow => ({
        pointer: `/proactive/${row.key}`,
        labels: [row.label],
        columns: group.columns.map((column) => ({
          key: column.key,
          kind: column.kind,
          headers: [column.label],
          identity: [column.label],
        })),
        sums: [],
        item: group.item,
      }),
    ),
  );
  return {
    section: 'proactive',
    rows,
    cornerHeaders: [edition.proactiveHeader],
    items: edition.proactive.map((group) => group.item),
  };
}

function requestsGrid(edition: Edition): TableGrid {
  const { requests } = edition;
  const last = requests.columns.length - 1;
  const columns: GridColumn[] = requests.columns.map((column, index) => ({
    key: column.key,
    kind: column.kind,
    headers:
      index === 0 || index === last
        ? [requests.applicantHeader, column.label]
        : [requests.applicantHeader, requests.organisationHeader, column.label],
    identity: [column.label],
  }));
  const sums: GridSum[] = [{ total: last, parts: columns.slice(0, -1).map((_, i) => i) }];
  const rows: GridRow[] = [];
  const walk = (list: readonly RequestsRow[], pointer: string, labels: readonly Label[]) => {
    for (const row of list) {
      const chain = [...labels, row.label];
      if (row.children) walk(row.children, `${pointer}/${row.key}`, chain);
      else rows.push({ pointer: `${pointer}/${row.key}`, labels: chain, columns, sums });
    }
  };
  walk(requests.rows, '/requests', []);
  return {
    section: 'requests',
    rows,
    cornerHeaders: [requests.balanceNote],
    items: [],
  };
}

function appealsGrid(edition: Edition): TableGrid {
  const { groups, outcomes } = edition.appeals;
  const columns: GridColumn[] = groups.flatMap((group) =>
    outcomes.map((outcome) => ({
      key: `${group.key}/${outcome.key}`,
      kind: outcome.kind,
      headers: [...(group.parent ? [group.parent] : []), group.label, outcome.label],
      identity: [group.label, outcome.label],
    })),
  );
  const width = outcomes.length;
  const sums: GridSum[] = groups.map((_, g) => ({
    total: g * width + width - 1,
    parts: outcomes.slice(0, -1).map((_, o) => g * width + o),
  }));
  // Printed the other way round (some sites do): a row per group, its five outcomes as columns.
  const transposed: GridRow[] = groups.map((group) => ({
    pointer: `/appeals/${group.key}`,
    labels: [...(group.parent ? [group.parent] : []), group.label],
    columns: outcomes.map((outcome) => ({
      key: outcome.key,
      kind: outcome.kind,
      headers: [outcome.label],
      identity: [outcome.label],
    })),
    sums: [{ total: outcomes.length - 1, parts: outcomes.slice(0, -1).map((_, o) => o) }],
  }));
  return {
    section: 'appeals',
    rows: [{ pointer: '/appeals', labels: [], columns, sums }, ...transposed],
    cornerHeaders: [],
    items: [],
  };
}
