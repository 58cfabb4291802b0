// A workbook laid out like the official tables but not made from our template: every visible sheet becomes
// tables (merged cells copied into each position they cover) and paragraphs (section headings, text).
import * as XLSX from 'xlsx';
import { paragraphHint } from '../../template/marker';
import type { FlowCell, FlowDocument, FlowItem } from './flow-document';
import { normaliseLabel } from './label-text';
import { isTableHeader } from './official-labels';

export function workbookToFlow(workbook: XLSX.WorkBook): FlowDocument {
  const items: FlowItem[] = [];
  workbook.SheetNames.forEach((name, index) => {
    const hidden = workbook.Workbook?.Sheets?.[index]?.Hidden;
    const sheet = workbook.Sheets[name];
    if (!sheet || hidden) return;
    items.push(...sheetItems(sheet, name));
  });
  return { items };
}

function sheetItems(sheet: XLSX.WorkSheet, name: string): FlowItem[] {
  const grid = sheetGrid(sheet, name);
  const items: FlowItem[] = [];
  let table: FlowCell[][] = [];
  const endTable = () => {
    if (table.length) items.push({ kind: 'table', rows: table, positioned: true });
    table = [];
  };
  for (const row of grid) {
    const texts = [...new Set(row.map((cell) => cell.text.trim()).filter(Boolean))];
    if (texts.length === 0) {
      endTable();
      continue;
    }
    const only = texts.length === 1 ? texts[0] : undefined;
    if (only === paragraphHint) continue;
    if (only !== undefined && isProse(only)) {
      endTable();
      const first = row.find((cell) => cell.text.trim() !== '') as FlowCell;
      items.push({ kind: 'paragraph', text: only, source: first.source });
      continue;
    }
    table.push(row);
  }
  endTable();
  return items;
}

/** A lone text in a row is prose (a heading, a paragraph) unless it is one of the tables' own label rows. */
function isProse(text: string): boolean {
  const label = normaliseLabel(text);
  if (isTableHeader(text)) return false;
  return /^[一二三四五六][、.]/.test(label) || /^\([一二三四五六七八九十]+\)/.test(label) || label.length >= 12;
}

function sheetGrid(sheet: XLSX.WorkSheet, name: string): FlowCell[][] {
  const ref = sheet['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  // A sheet may claim a huge range for one formatted cell far away: read what holds cells, within reason.
  const lastRow = Math.min(range.e.r, range.s.r + 2000);
  const lastColumn = Math.min(range.e.c, range.s.c + 60);
  const grid: FlowCell[][] = [];
  for (let r = range.s.r; r <= lastRow; r++) {
    const row: FlowCell[] = [];
    for (let c = range.s.c; c <= lastColumn; c++) {
      const address = XLSX.utils.encode_cell({ r, c });
      const cell = sheet[address] as XLSX.CellObject | undefined;
      row.push({ text: cellText(cell), source: { sheet: name, cell: address } });
    }
    grid.push(row);
  }
  for (const merge of sheet['!merges'] ?? []) {
    const origin = grid[merge.s.r - range.s.r]?.[merge.s.c - range.s.c];
    if (!origin) continue;
    for (let r = merge.s.r; r <= Math.min(merge.e.r, lastRow); r++) {
      for (let c = merge.s.c; c <= Math.min(merge.e.c, lastColumn); c++) {
        if (r === merge.s.r && c === merge.s.c) continue;
        const row = grid[r - range.s.r];
        if (row) row[c - range.s.c] = { ...origin, spanned: true };
      }
    }
  }
  return grid;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined) return '';
  if (cell.t === 'n') return String(cell.v);
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  return String(cell.v);
}
