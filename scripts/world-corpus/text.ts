// Tables as text, the ways people copy them: a spreadsheet's TAB-separated range, Markdown pipes, one cell per line
// as a web page's text copies, and a PDF viewer's copy with a row's figures run together. Each says which figures a
// reader of that text can still place: a copy that keeps positions keeps them all; one that loses positions keeps a
// row only when none of its cells vanished.
import { type Block, type Cell, type Grid, layout, tablesOf } from './grid';

/** Rows of a grid as a spreadsheet copies a range: every slot a field, a merged area's text in its first slot. */
export function tsvRows(grid: Grid): string[][] {
  const { slots, width } = layout(grid);
  return slots.map((line, r) =>
    Array.from({ length: width }, (_, column) => {
      const placed = line[column];
      return placed && placed.row === r && placed.column === column ? placed.cell.text.replace(/\n/g, '') : '';
    }),
  );
}

export function markdownLines(grid: Grid, options: { separatorAfter?: number } = {}): string[] {
  const rows = tsvRows(grid);
  const width = rows[0]?.length ?? 0;
  const lines = rows.map((fields) => `| ${fields.map((f) => f.replace(/\|/g, '\\|')).join(' | ')} |`);
  const at = options.separatorAfter ?? grid.headerRows;
  lines.splice(Math.max(1, at), 0, `|${Array.from({ length: width }, () => '---').join('|')}|`);
  return lines;
}

/** Whether a row of a grid still has every cell printed (a copy that drops empty cells keeps its positions). */
const rowIsWhole = (row: readonly Cell[]): boolean => row.every((c) => c.role !== 'figure' || c.text.trim() !== '');

/**
 * Truth of a copy that loses positions: figures of rows whose cells all printed something. A row with an empty cell
 * cannot be placed, so its figures are not in the truth (and a reader that places them guessed).
 */
export function positionLosingTruth(blocks: readonly Block[]): Map<string, number> {
  const truth = new Map<string, number>();
  for (const grid of tablesOf(blocks)) {
    for (const row of grid.rows) {
      if (!rowIsWhole(row)) continue;
      for (const c of row) {
        if (c.figure?.pointer && c.figure.value !== undefined) truth.set(c.figure.pointer, c.figure.value);
      }
    }
  }
  return truth;
}

/** Non-table blocks as the lines a copy shows. */
export function blockLine(block: Block): string | undefined {
  if (block.kind === 'table') return undefined;
  if (block.kind === 'image') return '';
  return block.text;
}

/** A whole document as text, tables drawn by `table`. */
export function textDocument(blocks: readonly Block[], table: (grid: Grid) => string[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') lines.push(...table(block.grid));
    else lines.push(blockLine(block) ?? '');
  }
  return `${lines.join('\n')}\n`;
}

/** One cell per line, as a browser copies a table that its CSS lays out as blocks; empty cells vanish. */
export function cellPerLine(grid: Grid, options: { bar?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const row of grid.rows) {
    for (const c of row) {
      const text = c.text.replace(/\n/g, ' ');
      if (text.trim() === '') continue;
      lines.push(options.bar ? `${text} |` : text);
    }
  }
  return lines;
}

/**
 * A PDF viewer's copy: a row's label on its line with its figures after it, single spaces between; long labels broken
 * where the cell wrapped (`width` characters), the figures on the line where the row's middle was.
 */
export function pdfCopyLines(grid: Grid, width: number): string[] {
  const lines: string[] = [];
  for (const row of grid.rows) {
    const labels = row.filter((c) => c.role !== 'figure').map((c) => c.text.replace(/\n/g, ''));
    const figures = row.filter((c) => c.role === 'figure' && c.text.trim() !== '').map((c) => c.text);
    const label = labels.filter((text) => text.trim() !== '').join(' ');
    const pieces: string[] = [];
    for (let start = 0; start < label.length; start += width) pieces.push(label.slice(start, start + width));
    if (pieces.length === 0) pieces.push('');
    const middle = Math.floor((pieces.length - 1) / 2);
    pieces.forEach((piece, index) => {
      lines.push(index === middle && figures.length ? `${piece} ${figures.join(' ')}`.trim() : piece);
    });
  }
  return lines.filter((line) => line !== '');
}

const NUMBER = /^-?\d[\d,]*(\.\d+)?$/;

export interface SequentialReading {
  truth: Map<string, number>;
  /**
   * Pointers of rows whose label the copy follows with as many figures as the row has, but not the row's own (a
   * column-major or shuffled copy): a reader cannot know, so a figure read there is neither right nor wrong.
   */
  ambiguous: Set<string>;
}

/**
 * What a careful person reads from a real text copy (pdftotext's output), by SPEC §8's rule for a source that loses
 * positions: a row is read when the figures between its label and the next row's label (label fragments of merged
 * cells allowed between them) are exactly as many as its cells. When they are also its own figures, they are truth;
 * when they are someone else's, the row is ambiguous. 四's figure row has no label: its figures are the numbers after
 * its heading.
 */
export function sequentialTruth(text: string, blocks: readonly Block[]): SequentialReading {
  const tokens = text.split(/\s+/).filter(Boolean);
  const truth = new Map<string, number>();
  const ambiguous = new Set<string>();
  interface Row {
    label?: string;
    figures: Cell[];
  }
  const rows: Row[] = [];
  // Every text of the tables: a token that is part of one is a fragment of a label or header, not the page's text.
  const tableText: string[] = [];
  for (const grid of tablesOf(blocks)) {
    for (const row of grid.rows) {
      for (const c of row) if (c.role !== 'figure' && c.text.trim()) tableText.push(c.text.replace(/\s+/g, ''));
      const figures = row.filter((c) => c.role === 'figure');
      if (figures.length === 0) continue;
      const labels = row.filter((c) => c.role === 'label' && c.text.trim() !== '');
      const label = labels[labels.length - 1]?.text.replace(/\s+/g, '');
      rows.push(label ? { label, figures } : { figures });
    }
  }
  const isTableText = (token: string) => tableText.some((piece) => piece.includes(token));
  const prefix = (label: string) => label.slice(0, Math.min(6, label.length));
  const starts = (index: number, label: string) => {
    let joined = '';
    for (let j = index; j < tokens.length && joined.length < prefix(label).length; j++) {
      const token = tokens[j] as string;
      if (NUMBER.test(token)) break;
      joined += token;
    }
    return joined.startsWith(prefix(label));
  };
  const labelStarts = (index: number) => rows.some((row) => row.label !== undefined && starts(index, row.label));
  /** The numbers from `from` up to the next row's label or a token that is not the tables' text. */
  const figuresFrom = (from: number): string[] => {
    const seen: string[] = [];
    for (let index = from; index < tokens.length; index++) {
      const token = tokens[index] as string;
      if (NUMBER.test(token)) seen.push(token);
      else if (labelStarts(index) || !isTableText(token)) break;
    }
    return seen;
  };
  const mark = (row: Row, seen: readonly string[]) => {
    if (seen.length !== row.figures.length) return;
    const own = seen.every((token, i) => token === row.figures[i]?.text);
    for (const c of row.figures) {
      if (!c.figure?.pointer || c.figure.value === undefined) continue;
      if (own) truth.set(c.figure.pointer, c.figure.value);
      else ambiguous.add(c.figure.pointer);
    }
  };
  const appealsAt = tokens.findIndex(
    (token) => token.startsWith('四、政府信息公开行政复议') || token.startsWith('四、因政府信息公开'),
  );
  for (const row of rows) {
    if (row.label) {
      const label = row.label;
      // Every place the label starts (a copy may print a merged label away from its figures): the first that is
      // followed by a whole row decides.
      for (let index = 0; index < tokens.length; index++) {
        if (!starts(index, label)) continue;
        let after = index;
        let consumed = '';
        while (after < tokens.length && !NUMBER.test(tokens[after] as string) && consumed.length < label.length) {
          consumed += tokens[after] as string;
          after++;
        }
        const seen = figuresFrom(after);
        if (seen.length === row.figures.length) {
          mark(row, seen);
          break;
        }
      }
    } else if (appealsAt >= 0) {
      // 四's header holds no digits (its 总计 may be broken into 总 / 计): the figures start at the first number.
      const first = tokens.findIndex((token, index) => index > appealsAt && NUMBER.test(token));
      if (first >= 0) mark(row, figuresFrom(first));
    }
  }
  return { truth, ambiguous };
}
