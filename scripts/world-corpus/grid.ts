// The tables of a document as cells in rows (HTML semantics: each row lists the cells that start in it, with their
// spans), and a document as a list of blocks. Every renderer (HTML, DOCX, workbook, text) draws from these, and the
// truth of a sample is collected from the figure cells a rendering keeps.

/** A figure printed in a cell: what the model calls it (if anything) and what a reader should take it for. */
export interface Figure {
  /** JSON Pointer in the sample's edition; absent for a figure the model has no place for. */
  pointer?: string;
  /** The value a person reads from the printed text; undefined when the cell does not state it (a blank total). */
  value: number | undefined;
}

export type CellRole = 'header' | 'label' | 'figure' | 'empty';

export interface Cell {
  text: string;
  rowspan: number;
  colspan: number;
  role: CellRole;
  figure?: Figure;
  /** Column key of a header cell, row key of a label cell (for classes that decorate them). */
  key?: string;
}

export interface Grid {
  /** Which official table this is (or part of). */
  table: 'proactive' | 'requests' | 'appeals' | 'other';
  rows: Cell[][];
  /** Rows at the top that are header rows. */
  headerRows: number;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' | 'center' }
  | { kind: 'table'; grid: Grid; caption?: string }
  /** A table published as a picture: a person sees its figures only if they can read the picture; we say not. */
  | { kind: 'image'; alt: string; table: Grid['table'] };

export const cell = (text: string, role: CellRole, extra: Partial<Cell> = {}): Cell => ({
  text,
  rowspan: 1,
  colspan: 1,
  role,
  ...extra,
});

/** The rows laid out on a grid of slots: each slot holds the cell covering it and whether it is the cell's origin. */
export interface Placed {
  cell: Cell;
  row: number;
  column: number;
}

export function layout(grid: Grid): { slots: (Placed | undefined)[][]; width: number } {
  const slots: (Placed | undefined)[][] = grid.rows.map(() => []);
  let width = 0;
  grid.rows.forEach((row, r) => {
    let column = 0;
    for (const c of row) {
      const line = slots[r] as (Placed | undefined)[];
      while (line[column]) column++;
      const placed: Placed = { cell: c, row: r, column };
      for (let dr = 0; dr < c.rowspan && r + dr < grid.rows.length; dr++) {
        const target = slots[r + dr] as (Placed | undefined)[];
        for (let dc = 0; dc < c.colspan; dc++) target[column + dc] = placed;
      }
      column += c.colspan;
      width = Math.max(width, column);
    }
  });
  return { slots, width };
}

/** Truth of the figures that the given grids show, pointer → value. */
export function truthOfGrids(grids: readonly Grid[]): Map<string, number> {
  const truth = new Map<string, number>();
  for (const grid of grids) {
    for (const row of grid.rows) {
      for (const c of row) {
        const figure = c.figure;
        if (figure?.pointer && figure.value !== undefined) truth.set(figure.pointer, figure.value);
      }
    }
  }
  return truth;
}

export const tablesOf = (blocks: readonly Block[]): Grid[] =>
  blocks.flatMap((block) => (block.kind === 'table' ? [block.grid] : []));

export const truthOfBlocks = (blocks: readonly Block[]): Map<string, number> => truthOfGrids(tablesOf(blocks));

/** A copy of a grid's rows (cells copied, so a class may change them without touching another sample). */
export function copyGrid(grid: Grid): Grid {
  return { ...grid, rows: grid.rows.map((row) => row.map((c) => ({ ...c }))) };
}

/** Whether a row of a table carries figures. */
export const isFigureRow = (row: readonly Cell[]): boolean => row.some((c) => c.role === 'figure');

/**
 * A table split before row `at` into two tables, as Word splits one (Ctrl+Shift+Enter): a merged cell that ran across
 * the split goes on in the second table as an empty merged cell; the second table may repeat the header rows.
 */
export function splitGrid(grid: Grid, at: number, repeatHeader: boolean): [Grid, Grid] {
  const { slots } = layout(grid);
  const first: Cell[][] = grid.rows
    .slice(0, at)
    .map((row, r) => row.map((c) => ({ ...c, rowspan: Math.min(c.rowspan, at - r) })));
  const continued = new Map<Cell, Cell>();
  const second: Cell[][] = [];
  for (let r = at; r < grid.rows.length; r++) {
    const line: Cell[] = [];
    const seen = new Set<Cell>();
    for (const placed of slots[r] ?? []) {
      if (!placed || seen.has(placed.cell)) continue;
      seen.add(placed.cell);
      if (placed.row === r) line.push({ ...placed.cell });
      else if (placed.row < at && !continued.has(placed.cell)) {
        const rest = placed.row + placed.cell.rowspan - at;
        const empty: Cell = { text: '', rowspan: rest, colspan: placed.cell.colspan, role: placed.cell.role };
        continued.set(placed.cell, empty);
        line.push(empty);
      }
    }
    second.push(line);
  }
  const header = repeatHeader ? grid.rows.slice(0, grid.headerRows).map((row) => row.map((c) => ({ ...c }))) : [];
  return [
    { ...grid, rows: first },
    { ...grid, rows: [...header, ...second], headerRows: header.length },
  ];
}
