// PDF tables by their boxes: the rules a page draws (stroked lines, thin filled rectangles — what Word, WPS,
// LibreOffice and Chromium draw for cell borders) make a lattice; each cell is the area its borders close, a merged
// cell the area with no border inside; each piece of text belongs to the cell its middle lies in. A label wrapped over
// several lines and a figure wrapped inside a narrow cell (`2,1`/`25`) are then one cell's text, whatever the cell's
// alignment (Word's default is top). Pure geometry: the operators come from pdfjs in pdf-source.node.ts.

/** A piece of text on the page: its box in points, y growing downwards. */
export interface TextPiece {
  text: string;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  height: number;
}

/** An axis-aligned segment of a rule, y growing downwards. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LatticeCell {
  text: string;
  /** Elementary row and column of its top-left corner, and how many it spans. */
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface LatticeTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: number;
  columns: number;
  /** Where its column borders stand. */
  xs: readonly number[];
  cells: LatticeCell[];
  /** The pieces of text inside the table, which are no paragraph of the page. */
  pieces: Set<TextPiece>;
  /** A page break cut its first (last) row: its borders run on with no rule closing them. */
  openTop: boolean;
  openBottom: boolean;
}

/**
 * One table from a table at a page's foot and its continuation at the next page's head, when their columns stand in
 * the same places: its rows follow on, and a row the break cut (open below, open above) is one row again, each cell's
 * text the two pieces together (自 / 然 above the break, 人 below). Undefined when they are not one table.
 */
export function joinAcrossPages(
  above: LatticeTable,
  below: LatticeTable,
  isFigure: (text: string) => boolean,
): LatticeTable | undefined {
  // The same outer edges; inner borders may differ (a column split below the break, 法人或其他组织 over its five):
  // both parts are laid on every border either has.
  const near = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) <= GAP;
  if (!near(above.xs[0] as number, below.xs[0]) || !near(above.xs[above.columns] as number, below.xs[below.columns]))
    return undefined;
  const xs = [...above.xs, ...below.xs]
    .sort((a, b) => a - b)
    .filter((x, i, all) => i === 0 || x - (all[i - 1] as number) > GAP);
  if (xs.length - 1 !== above.columns || xs.length - 1 !== below.columns) {
    return joinAcrossPages(onBorders(above, xs), onBorders(below, xs), isFigure);
  }
  const cut = (above.openBottom && below.openTop) || continuesLabels(above, below, isFigure);
  const shift = cut ? above.rows - 1 : above.rows;
  const cells = above.cells.map((cell) => ({ ...cell }));
  for (const cell of below.cells) {
    const moved = { ...cell, row: cell.row + shift };
    const upper =
      cut && cell.row === 0
        ? cells.find((c) => c.column === cell.column && c.colSpan === cell.colSpan && c.row + c.rowSpan === above.rows)
        : undefined;
    if (upper) {
      upper.text = `${upper.text}${cell.text}`;
      upper.rowSpan += cell.rowSpan - 1;
    } else cells.push(moved);
  }
  return {
    ...above,
    bottom: below.bottom,
    rows: shift + below.rows,
    cells,
    pieces: new Set([...above.pieces, ...below.pieces]),
    openBottom: below.openBottom,
  };
}

/** Rules closer than this (points) are one rule: a border drawn twice, or by each of two neighbouring cells. */
const SAME_LINE = 2;
/** A rule covers a cell's side when it runs along this share of it. */
const COVERS = 0.6;
/** Thin filled rectangles are rules; wider ones are shading. */
const THIN = 3;

/**
 * The table segments of a page's paths, from the paths a page paints: each axis-aligned straight piece of a stroked
 * path, and each thin filled band of up to six corners (as a line along its middle).
 */
export function ruleSegments(paths: readonly { points: [number, number][]; closed: boolean; filled: boolean }[]): {
  horizontal: Segment[];
  vertical: Segment[];
} {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x2 - x1) >= SAME_LINE)
      horizontal.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: y1, y2: y1 });
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y2 - y1) >= SAME_LINE)
      vertical.push({ x1: x1, x2: x1, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
  };
  for (const path of paths) {
    const { points } = path;
    if (points.length < 2) continue;
    if (path.filled) {
      // A rule is a thin band, however many corners its mitred or joined ends give it; a shape of many points is none.
      if (points.length > 12) continue;
      let left = Number.POSITIVE_INFINITY;
      let right = Number.NEGATIVE_INFINITY;
      let top = Number.POSITIVE_INFINITY;
      let bottom = Number.NEGATIVE_INFINITY;
      for (const [x, y] of points) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
      // A thin band, rectangular or mitered at its corners (Chromium draws each border as a trapezoid), is a rule.
      if (bottom - top <= THIN && right - left > bottom - top) add(left, (top + bottom) / 2, right, (top + bottom) / 2);
      else if (right - left <= THIN && bottom - top > right - left)
        add((left + right) / 2, top, (left + right) / 2, bottom);
      continue;
    }
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1] as [number, number];
      const [bx, by] = points[i] as [number, number];
      add(ax, ay, bx, by);
    }
    if (path.closed) {
      const [ax, ay] = points[points.length - 1] as [number, number];
      const [bx, by] = points[0] as [number, number];
      add(ax, ay, bx, by);
    }
  }
  return { horizontal, vertical };
}

/**
 * Rules closer than this are one border: cells drawn apart (CSS border-spacing, cellspacing) draw two borders a
 * point or two apart, and no text fits between them.
 */
const GAP = 4;

/** A border of the lattice: the rules it gathers lie between `from` and `to`. */
interface Line {
  at: number;
  from: number;
  to: number;
}

/** Positions closer than GAP to the last of a line's, as one line, ascending. */
function cluster(values: readonly number[]): Line[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lines: Line[] = [];
  for (const value of sorted) {
    const line = lines[lines.length - 1];
    if (line && value - line.to < GAP) line.to = value;
    else lines.push({ at: value, from: value, to: value });
  }
  for (const line of lines) line.at = (line.from + line.to) / 2;
  return lines;
}

const touches = (h: Segment, v: Segment) =>
  v.x1 >= h.x1 - GAP && v.x1 <= h.x2 + GAP && h.y1 >= v.y1 - GAP && h.y1 <= v.y2 + GAP;

/**
 * The tables of a page: rules that cross or meet form one table; a group with at least two horizontal and two
 * vertical rules is a lattice of cells, and the page's pieces of text are placed into it.
 */
export function latticeTables(
  segments: { horizontal: readonly Segment[]; vertical: readonly Segment[] },
  pieces: readonly TextPiece[],
  startsRow: (text: string) => boolean = () => false,
): LatticeTable[] {
  const all = [...segments.horizontal.map((s) => ({ s, h: true })), ...segments.vertical.map((s) => ({ s, h: false }))];
  if (all.length > 20_000) return []; // a drawing, not a table: no lattice is tried on it
  const parent = all.map((_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at] as number] as number;
      at = parent[at] as number;
    }
    return at;
  };
  const horizontals = all.flatMap((entry, i) => (entry.h ? [i] : []));
  const verticals = all.flatMap((entry, i) => (entry.h ? [] : [i]));
  for (const h of horizontals)
    for (const v of verticals)
      if (touches((all[h] as { s: Segment }).s, (all[v] as { s: Segment }).s)) parent[root(h)] = root(v);
  // A row's border drawn cell by cell (Chromium draws each cell's own) is one line: pieces end to end are joined too.
  // (Columns are not: tables stacked one under the other would become one.)
  const joinInLine = (
    indexes: number[],
    along: (s: Segment) => number,
    from: (s: Segment) => number,
    to: (s: Segment) => number,
  ) => {
    const sorted = [...indexes].sort((a, b) => {
      const sa = (all[a] as { s: Segment }).s;
      const sb = (all[b] as { s: Segment }).s;
      return along(sa) - along(sb) || from(sa) - from(sb);
    });
    for (let i = 1; i < sorted.length; i++) {
      const a = (all[sorted[i - 1] as number] as { s: Segment }).s;
      const b = (all[sorted[i] as number] as { s: Segment }).s;
      if (Math.abs(along(a) - along(b)) <= SAME_LINE && from(b) - to(a) <= GAP)
        parent[root(sorted[i] as number)] = root(sorted[i - 1] as number);
    }
  };
  joinInLine(
    horizontals,
    (s) => s.y1,
    (s) => s.x1,
    (s) => s.x2,
  );
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((entry, i) => {
    const key = root(i);
    const group = groups.get(key) ?? { h: [], v: [] };
    (entry.h ? group.h : group.v).push(entry.s);
    groups.set(key, group);
  });
  const tables: LatticeTable[] = [];
  for (const group of groups.values()) {
    const table = lattice(group.h, group.v, pieces, startsRow);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.top - b.top);
}

function lattice(
  h: readonly Segment[],
  v: readonly Segment[],
  pieces: readonly TextPiece[],
  startsRow: (text: string) => boolean,
): LatticeTable | undefined {
  const horizontalLines = cluster(h.map((s) => s.y1));
  const verticalLines = cluster(v.map((s) => s.x1));
  // Borders running on past the last (or before the first) rule: a row a page break cut, open at that edge.
  let lowest = Number.NEGATIVE_INFINITY;
  let highest = Number.POSITIVE_INFINITY;
  for (const s of v) {
    lowest = Math.max(lowest, s.y2);
    highest = Math.min(highest, s.y1);
  }
  const first = horizontalLines[0];
  const last = horizontalLines[horizontalLines.length - 1];
  const openTop = !!first && highest < first.from - GAP;
  const openBottom = !!last && lowest > last.to + GAP;
  if (openTop) horizontalLines.unshift({ at: highest, from: highest, to: highest });
  if (openBottom) horizontalLines.push({ at: lowest, from: lowest, to: lowest });
  const ys = horizontalLines.map((line) => line.at);
  const xs = verticalLines.map((line) => line.at);
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows * columns > 40_000) return undefined;
  const covered = (along: readonly Segment[], index: number, from: number, to: number, horizontal: boolean) => {
    const line = (horizontal ? horizontalLines : verticalLines)[index] as Line;
    let length = 0;
    for (const s of along) {
      const position = horizontal ? s.y1 : s.x1;
      if (position < line.from - SAME_LINE || position > line.to + SAME_LINE) continue;
      const start = horizontal ? s.x1 : s.y1;
      const end = horizontal ? s.x2 : s.y2;
      length += Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
    return length >= (to - from) * COVERS;
  };
  // Elementary cells joined where no rule separates them.
  const id = (r: number, c: number) => r * columns + c;
  const parent = Array.from({ length: rows * columns }, (_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at] as number] as number;
      at = parent[at] as number;
    }
    return at;
  };
  const join = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const top = ys[r] as number;
      const bottom = ys[r + 1] as number;
      const left = xs[c] as number;
      const right = xs[c + 1] as number;
      if (c + 1 < columns && !covered(v, c + 1, top, bottom, false)) join(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !covered(h, r + 1, left, right, true)) join(id(r, c), id(r + 1, c));
    }
  }
  const top = ys[0] as number;
  const bottom = ys[rows] as number;
  const left = xs[0] as number;
  const right = xs[columns] as number;
  // Text by the elementary cell its middle lies in.
  const texts = new Map<number, TextPiece[]>();
  const rowOf = new Map<TextPiece, number>();
  const inside = new Set<TextPiece>();
  for (const whole of pieces) {
    for (const piece of splitAcross(whole, xs)) {
      const mx = (piece.x + piece.right) / 2;
      const my = piece.y - piece.height * 0.35;
      if (mx < left || mx > right || my < top || my > bottom) continue;
      const c = xs.findIndex((x, i) => i < columns && mx >= x && mx <= (xs[i + 1] as number));
      const r = ys.findIndex((y, i) => i < rows && my >= y && my <= (ys[i + 1] as number));
      if (c < 0 || r < 0) continue;
      inside.add(whole);
      const key = root(id(r, c));
      const list = texts.get(key);
      if (list) list.push(piece);
      else texts.set(key, [piece]);
      rowOf.set(piece, r);
    }
  }
  // One cell per merged area, at its top-left elementary cell.
  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const key = root(id(r, c));
      const e = extent.get(key);
      if (!e) extent.set(key, { r0: r, c0: c, r1: r, c1: c });
      else {
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
      }
    }
  }
  const cells: LatticeCell[] = [...extent].flatMap(([key, e]) =>
    bands(texts.get(key) ?? [], rowOf, e.r0, e.r1, startsRow).map((band) => ({
      text: cellText(band.pieces),
      row: band.from,
      column: e.c0,
      rowSpan: band.to - band.from + 1,
      colSpan: e.c1 - e.c0 + 1,
    })),
  );
  if (inside.size === 0) return undefined;
  return { top, bottom, left, right, rows, columns, xs, cells, pieces: inside, openTop, openBottom };
}

/**
 * A piece of text that runs across a border is text of two cells: a PDF's text layer joins neighbouring glyphs into one
 * piece (`本年废止件数 现` + `行有效件数`). It is cut at its blanks, then, where a word still crosses, between its
 * characters, each given an equal share of the width.
 */
function splitAcross(piece: TextPiece, xs: readonly number[]): TextPiece[] {
  const crosses = (p: TextPiece) => xs.some((x) => x > p.x + 0.5 && x < p.right - 0.5);
  if (!crosses(piece) || piece.text.length < 2) return [piece];
  const width = (piece.right - piece.x) / piece.text.length;
  const parts: TextPiece[] = [];
  let start = 0;
  const chars = [...piece.text];
  const push = (from: number, to: number) => {
    const text = chars.slice(from, to).join('');
    if (text.trim() === '') return;
    const part = { ...piece, text, x: piece.x + from * width, right: piece.x + to * width };
    if (!crosses(part) || to - from < 2) parts.push(part);
    else for (let i = from; i < to; i++) push(i, i + 1);
  };
  chars.forEach((ch, i) => {
    if (/\s/.test(ch)) {
      push(start, i);
      start = i + 1;
    }
  });
  push(start, chars.length);
  return parts;
}

/** A table laid on more column borders (a superset of its own): each cell spans the columns between its edges. */
function onBorders(table: LatticeTable, xs: readonly number[]): LatticeTable {
  const at = (x: number) => xs.findIndex((border) => Math.abs(border - x) <= GAP);
  const cells = table.cells.map((cell) => {
    const from = at(table.xs[cell.column] as number);
    const to = at(table.xs[cell.column + cell.colSpan] as number);
    return { ...cell, column: from, colSpan: to - from };
  });
  return { ...table, xs, columns: xs.length - 1, cells };
}

/**
 * A row that a page break cut though the program drew its borders on both sides (LibreOffice, Word): the first row of
 * the next page holds no figure, only text standing under the labels of the last row before the break (8.属于行政查 /
 * 询事项). A header repeated on the new page stands over figures, and is no such row.
 */
function continuesLabels(above: LatticeTable, below: LatticeTable, isFigure: (text: string) => boolean): boolean {
  const last = above.cells.filter((cell) => cell.row + cell.rowSpan === above.rows);
  const first = below.cells.filter((cell) => cell.row === 0 && cell.text !== '');
  return (
    first.length > 0 &&
    first.every((cell) => {
      if (isFigure(cell.text)) return false;
      const upper = last.find((c) => c.column === cell.column && c.colSpan === cell.colSpan);
      return upper !== undefined && upper.text !== '' && !isFigure(upper.text);
    })
  );
}

/**
 * A merged area's rows of text, split where a label begins (一、, （三）, 1.) in a row of its own: rules a program did
 * not draw (a border left out by a page's style) must not join two rows' labels into one cell. A label wrapped over
 * the rows of a cell it truly spans begins once.
 */
function bands(
  pieces: readonly TextPiece[],
  rowOf: ReadonlyMap<TextPiece, number>,
  from: number,
  to: number,
  startsRow: (text: string) => boolean,
): { from: number; to: number; pieces: TextPiece[] }[] {
  if (from === to) return [{ from, to, pieces: [...pieces] }];
  // Whether a row's text (its first line begins it) starts a label: a numeral may be a piece of its own (一 + 、…).
  const starts: number[] = [];
  for (let row = from; row <= to; row++) {
    const inRow = pieces.filter((piece) => rowOf.get(piece) === row);
    if (inRow.length && startsRow(cellText(inRow))) starts.push(row);
  }
  if (starts.length < 2) return [{ from, to, pieces: [...pieces] }];
  const edges = [from, ...starts.filter((row) => row > from)];
  return edges.map((start, i) => {
    const end = (edges[i + 1] ?? to + 1) - 1;
    return {
      from: start,
      to: end,
      pieces: pieces.filter((p) => (rowOf.get(p) as number) >= start && (rowOf.get(p) as number) <= end),
    };
  });
}

/** A cell's text: its lines top to bottom, each left to right, joined as one (a wrapped label or figure). */
function cellText(pieces: readonly TextPiece[]): string {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    const anchor = line?.[0];
    if (line && anchor && Math.abs(piece.y - anchor.y) < Math.min(piece.height, anchor.height) * 0.5) line.push(piece);
    else lines.push([piece]);
  }
  return lines
    .map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .map((piece) => piece.text)
        .join(''),
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
