// Hand-made workbooks as people lay reports out in Excel or WPS: each table drawn on a sheet with merged cells, typed
// numbers as numbers and marks (—, 12件) as text, titles and notes in single cells, tables on one or several sheets.
import * as XLSX from 'xlsx';
import { type Block, layout } from './grid';

export interface SheetPlan {
  name: string;
  blocks: readonly Block[];
  /** Columns left empty before the tables (a margin people leave). */
  offset?: number;
  /** A text in a column right of each table's first header row (备注, 单位：件). */
  note?: string;
}

/** A cell's typed value: a number when the text is a plain number (as typed into Excel), else the text. */
function typed(text: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

export function workbook(sheets: readonly SheetPlan[]): Buffer {
  const book = XLSX.utils.book_new();
  for (const plan of sheets) {
    const rows: (string | number | null)[][] = [];
    const merges: XLSX.Range[] = [];
    const offset = plan.offset ?? 0;
    const put = (r: number, c: number, value: string | number) => {
      while (rows.length <= r) rows.push([]);
      const line = rows[r] as (string | number | null)[];
      while (line.length < c) line.push(null);
      line[c] = value;
    };
    let cursor = 0;
    for (const block of plan.blocks) {
      if (block.kind === 'image') {
        cursor++;
        continue;
      }
      if (block.kind !== 'table') {
        put(cursor++, offset, block.text);
        continue;
      }
      const { slots, width } = layout(block.grid);
      slots.forEach((line, r) => {
        line.forEach((placed, column) => {
          if (!placed || placed.row !== r || placed.column !== column) return;
          const c = placed.cell;
          if (c.text !== '')
            put(cursor + r, offset + column, c.role === 'figure' ? typed(c.text) : c.text.replace(/\n/g, ''));
          if (c.rowspan > 1 || c.colspan > 1) {
            merges.push({
              s: { r: cursor + r, c: offset + column },
              e: { r: cursor + r + Math.min(c.rowspan, slots.length - r) - 1, c: offset + column + c.colspan - 1 },
            });
          }
        });
      });
      if (plan.note) put(cursor, offset + width + 1, plan.note);
      cursor += slots.length + 1;
    }
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!merges'] = merges;
    XLSX.utils.book_append_sheet(book, sheet, plan.name);
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
