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

/**
 * Truth of a real text copy (pdftotext's output), read as a careful person reads it: each row's label, then its figures
 * in order, label fragments allowed between them. A row whose figures do not follow its label as printed (split,
 * reordered, run into another row) is not in the truth. 四's figure row has no label: its figures are the first
 * numbers after its heading.
 */
export function sequentialTruth(text: string, blocks: readonly Block[]): Map<string, number> {
  const tokens = text.split(/\s+/).filter(Boolean);
  const truth = new Map<string, number>();
  interface Row {
    label?: string;
    figures: Cell[];
  }
  const rows: Row[] = [];
  for (const grid of tablesOf(blocks)) {
    for (const row of grid.rows) {
      const figures = row.filter((c) => c.role === 'figure');
      if (figures.length === 0) continue;
      const labels = row.filter((c) => c.role === 'label' && c.text.trim() !== '');
      const label = labels[labels.length - 1]?.text.replace(/\s+/g, '');
      rows.push(label ? { label, figures } : { figures });
    }
  }
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
  let cursor = 0;
  const appealsAt = tokens.findIndex(
    (token) => token.startsWith('四、政府信息公开行政复议') || token.startsWith('四、因政府信息公开'),
  );
  rows.forEach((row, rowIndex) => {
    let at = -1;
    if (row.label) {
      for (let index = cursor; index < tokens.length; index++) {
        if (starts(index, row.label)) {
          at = index + 1;
          break;
        }
      }
    } else if (appealsAt >= 0) {
      // 四's header holds no digits (its 总计 may be broken into 总 / 计): the figures start at the first number.
      at = tokens.findIndex((token, index) => index > appealsAt && NUMBER.test(token));
    }
    if (at < 0) return;
    const later = rows.slice(rowIndex + 1).flatMap((next) => (next.label ? [next.label] : []));
    const seen: string[] = [];
    let index = at;
    for (; index < tokens.length && seen.length < row.figures.length; index++) {
      const token = tokens[index] as string;
      if (NUMBER.test(token)) seen.push(token);
      else if (later.some((label) => starts(index, label))) break;
    }
    if (seen.length !== row.figures.length || seen.some((token, i) => token !== row.figures[i]?.text)) return;
    // Only a row read whole moves on: a label found out of place (a merged label printed after its rows) does not.
    cursor = index;
    for (const c of row.figures) {
      if (c.figure?.pointer && c.figure.value !== undefined) truth.set(c.figure.pointer, c.figure.value);
    }
  });
  return truth;
}
