// What a table's own header says about its columns: where each column of a row stands (tables that kept positions)
// and in which order the columns come (tables that lost them). A column is certified only by the header labels that
// name it — its leaf, or 四's group and outcome — never by where the official format puts it.
import type { GridRow, TableGrid } from '../../editions/table-grid';
import type { Label } from '../../editions/types';
import { labelMatches, normaliseLabel } from '../../model/label-text';
import type { FlowCell } from './flow-document';

/** A column of the header: the positions its header cell covers, and the row's column it names (if it names one). */
export interface HeaderColumn {
  positions: readonly number[];
  /** Index into the row's columns; undefined for a header the table prints that is no column of the row (小计, 备注). */
  column?: number;
  /** The header's text, for messages. */
  text: string;
}

/** The original of a cell a merge or span copies into the positions it covers. */
export const originOf = (cell: FlowCell) => cell.origin ?? cell;

/** The corner of a header, above the row labels: the balance note of 三, 信息内容 of 二. */
export function isCornerHeader(grid: TableGrid, text: string): boolean {
  const normalised = normaliseLabel(text);
  // The unit a table states in its header's corner or margin (单位：件) heads no column either.
  return (
    grid.cornerHeaders.some((label) => labelMatches(text, label)) ||
    /勾稽关系/.test(normalised) ||
    /^\(?单位:(件|个|项|万元|元)\)?$/.test(normalised)
  );
}

/** Whether a text is one of the table's header labels: a column's (its own or a group's above it), or the corner. */
export function isHeaderText(grid: TableGrid, text: string): boolean {
  return (
    isCornerHeader(grid, text) ||
    grid.rows.some((row) => row.columns.some((column) => column.headers.some((label) => labelMatches(text, label))))
  );
}

/**
 * The header columns of header rows that kept their positions, for one row's columns. At each position stand the
 * header texts above it; the position is a column of the row when the labels identifying exactly one of its columns
 * stand there (商业企业; 四's 行政复议 and 结果维持). Positions under one header cell (a span) form one header column.
 * A position under a header that names none of the row's columns (小计, 备注, another edition's 本年新公开数量) is a
 * column all the same, whose figures are not the row's; one under the corner (the balance note, 信息内容) or under
 * nothing is no column. Undefined when the header's positions cannot be trusted: two columns' labels at one position,
 * or one column named at two places (a copy that dropped a merged cell's empty fields).
 */
export function headerColumns(
  header: readonly FlowCell[][],
  row: GridRow,
  grid: TableGrid,
): HeaderColumn[] | undefined {
  const width = header.reduce((max, cells) => Math.max(max, cells.length), 0);
  const result: { positions: number[]; column?: number; text: string; origin: FlowCell }[] = [];
  for (let position = 0; position < width; position++) {
    const cells = header.map((cells) => cells[position]).filter((c): c is FlowCell => !!c && c.text.trim() !== '');
    const texts = cells.flatMap((cell) => headerParts(cell.text));
    if (cells.length === 0 || texts.every((text) => isCornerHeader(grid, text))) continue;
    const matching = row.columns.flatMap((column, index) =>
      column.identity.every((label) => texts.some((text) => labelMatches(text, label))) ? [index] : [],
    );
    // Two columns' labels at one position: the copy did not keep the header's positions (a browser copies a merged
    // cell once), so no position of it can be trusted.
    if (matching.length > 1) return undefined;
    const column = matching[0];
    const deepest = cells[cells.length - 1] as FlowCell;
    const previous = result[result.length - 1];
    if (
      previous &&
      previous.origin === originOf(deepest) &&
      previous.column === column &&
      previous.positions[previous.positions.length - 1] === position - 1
    ) {
      previous.positions.push(position);
      continue;
    }
    result.push({
      positions: [position],
      ...(column === undefined ? {} : { column }),
      text: deepest.text.trim(),
      origin: originOf(deepest),
    });
  }
  const named = new Set<number>();
  for (const entry of result) {
    if (entry.column === undefined) continue;
    if (named.has(entry.column)) return undefined;
    named.add(entry.column);
  }
  return result.map(({ positions, column, text }) =>
    column === undefined ? { positions, text } : { positions, column, text },
  );
}

/**
 * A header's labels wrapped over lines (PDF text without rules: 社会 / 公益 / 组织 under each other), joined: a piece
 * continues the piece above it at the same place across the page when the two together still begin a header label
 * of the table. Cells that carry no place are left as they are; a piece joined to the one above it is undefined.
 */
export function joinWrappedHeaders(sequence: readonly FlowCell[], grid: TableGrid): (FlowCell | undefined)[] {
  const labels = [
    ...grid.cornerHeaders.map((l) => l.zh),
    ...grid.rows.flatMap((row) => row.columns.flatMap((column) => column.headers.map((l) => l.zh))),
  ];
  const spellings = [...new Set(labels)].map(normaliseLabel);
  const joined: (FlowCell | undefined)[] = [];
  for (const cell of sequence) {
    const x = cell.x;
    // Where the copy kept places, the piece above at the same place; where it did not, the piece just before.
    let above = -1;
    if (x === undefined) for (let i = joined.length - 1; i >= 0 && above < 0; i--) if (joined[i]) above = i;
    if (x !== undefined)
      for (let i = joined.length - 1; i >= 0 && above < 0; i--) {
        const piece = joined[i];
        if (piece?.x !== undefined && Math.abs(piece.x - x) < 8) above = i;
      }
    const piece = joined[above];
    const together = piece ? normaliseLabel(piece.text + cell.text) : '';
    if (piece && !spellings.includes(normaliseLabel(piece.text)) && spellings.some((s) => s.startsWith(together))) {
      joined[above] = { ...piece, text: piece.text + cell.text };
      joined.push(undefined);
      continue;
    }
    joined.push(cell);
  }
  return joined;
}

/**
 * A header cell may name a column and its group at once: 行政诉讼（未经复议直接起诉）, 行政诉讼—复议后起诉. Each part
 * counts as a header text of its own.
 */
function headerParts(text: string): string[] {
  const inner = /^(.+?)[(（](.+)[)）]$/.exec(text.trim());
  const parts = inner ? [inner[1] as string, inner[2] as string] : text.split(/[—\-–:：·/]/);
  return parts.length > 1 ? [text, ...parts.filter((part) => part.trim() !== '')] : [text];
}

/** The order of the row's columns in a header read in reading order (row by row, left to right), when it is certain. */
export interface HeaderOrder {
  /** For each column of the header in reading order of its leaves, the row's column it is. */
  order: number[];
  /** Where each column's header stands across the page (PDF text), by column index. */
  centres?: (number | undefined)[];
}

/**
 * The columns' order from a header that lost its positions (one cell per line, or PDF text read row by row): each
 * header label is put under the first label above it in the official tree that is still waiting for it, so the
 * official header read row by row (申请人情况 · 自然人 法人或其他组织 总计 · 商业企业 … 其他) and a header in
 * another order both give the columns as they stand. Undefined when a column is never named.
 */
export function headerOrder(sequence: readonly FlowCell[], row: GridRow, grid: TableGrid): HeaderOrder | undefined {
  interface Node {
    label: Label;
    children: Node[];
    parent?: Node;
    column?: number;
    seen?: number;
    centre?: number;
  }
  const roots: Node[] = [];
  row.columns.forEach((column, index) => {
    let level = roots;
    let parent: Node | undefined;
    column.headers.forEach((label, depth) => {
      const leaf = depth === column.headers.length - 1;
      let node = leaf ? undefined : level.find((n) => n.label === label && n.column === undefined);
      if (!node) {
        node = { label, children: [], ...(parent ? { parent } : {}), ...(leaf ? { column: index } : {}) };
        level.push(node);
      }
      parent = node;
      level = node.children;
    });
  });
  const all: Node[] = [];
  const collect = (nodes: Node[]) => {
    for (const node of nodes) {
      all.push(node);
      collect(node.children);
    }
  };
  collect(roots);
  let counter = 0;
  for (const cell of sequence) {
    const text = cell.text;
    if (isCornerHeader(grid, text)) continue;
    const candidates = all.filter((node) => node.seen === undefined && labelMatches(text, node.label));
    // A label already placed (a repeated header row), or one the tree does not know (项目, 序号, 小计), names none of
    // the row's columns: a column under it makes the row's cells one too many, which the count then refuses.
    if (candidates.length === 0) continue;
    // Under the parent seen first that is still waiting for it; a node whose parent was never printed comes after.
    const rank = (node: Node) => node.parent?.seen ?? (node.parent ? Number.MAX_SAFE_INTEGER - 1 : -1);
    const best = candidates.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    best.seen = counter++;
    if (cell.x !== undefined) best.centre = cell.x;
  }
  const leaves = all.filter((node) => node.column !== undefined);
  if (leaves.some((leaf) => leaf.seen === undefined)) return undefined;
  // A leaf printed with no group above it while its siblings' group was printed cannot be placed for certain.
  const path = (node: Node): number[] => {
    const keys: number[] = [];
    for (let at: Node | undefined = node; at; at = at.parent) {
      const key = at.seen ?? firstSeenBelow(at);
      if (key !== undefined) keys.unshift(key);
    }
    return keys;
  };
  const firstSeenBelow = (node: Node): number | undefined =>
    node.children.reduce<number | undefined>((min, child) => {
      const key = child.seen ?? firstSeenBelow(child);
      return key === undefined ? min : min === undefined ? key : Math.min(min, key);
    }, undefined);
  // Where the header's words stand across the page, their places give the order: a header wrapped over lines is no
  // longer read row by row. Then each group's columns must stand together, or the header is not understood.
  const placed = leaves.every((leaf) => leaf.centre !== undefined);
  const sorted = placed
    ? [...leaves].sort((a, b) => (a.centre as number) - (b.centre as number))
    : [...leaves].sort((a, b) => compare(path(a), path(b)));
  if (placed && !groupsTogether(sorted)) return undefined;
  return {
    order: sorted.map((leaf) => leaf.column as number),
    ...(leaves.every((leaf) => leaf.centre !== undefined)
      ? { centres: row.columns.map((_, index) => leaves.find((leaf) => leaf.column === index)?.centre) }
      : {}),
  };
}

/** Whether, in this order of leaves, the leaves under each group (at any depth) stand next to each other. */
function groupsTogether(leaves: readonly { parent?: { parent?: unknown } }[]): boolean {
  const spans = new Map<unknown, { first: number; last: number; count: number }>();
  leaves.forEach((leaf, index) => {
    for (let group: { parent?: unknown } | undefined = leaf.parent; group; group = group.parent as typeof group) {
      const span = spans.get(group) ?? { first: index, last: index, count: 0 };
      span.last = index;
      span.count++;
      spans.set(group, span);
    }
  });
  return [...spans.values()].every((span) => span.last - span.first + 1 === span.count);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
