// A workbook laid out like the official tables but not made from our template: every visible sheet becomes
// tables (merged cells copied into each position they cover) and paragraphs (section headings, text).

import type { WorkBook } from 'xlsx';
import { CHINESE_NUMERAL, normaliseLabel } from '../../model/label-text';
import { appendAll } from '../../model/many-values';
import { isExplanationsSheet, isFillingHint } from '../../model/workbook-marker';
import { visibleSheetGrids } from '../workbook-reader';
import type { FlowCell, FlowDocument, FlowItem } from './flow-document';
import { isRowLabel, isTableHeader } from './official-labels';

export function workbookToFlow(workbook: WorkBook): FlowDocument {
  const items: FlowItem[] = [];
  for (const { name, rows } of visibleSheetGrids(workbook)) {
    // The filer's explanations are no part of the report's text: workbook-reader.ts reads them apart.
    if (isExplanationsSheet(name)) continue;
    // A merged cell's copies know their original (the same address), so it counts once.
    const originals = new Map<string, { cell: FlowCell; row: number }>();
    const grid: FlowCell[][] = rows.map((row, r) =>
      row.map((cell) => {
        const original = originals.get(cell.address);
        if (cell.spanned && original)
          return {
            ...original.cell,
            spanned: true,
            origin: original.cell,
            ...(r > original.row ? { fromAbove: true } : {}),
          };
        const flowCell: FlowCell = { text: cell.text, source: { sheet: name, cell: cell.address } };
        originals.set(cell.address, { cell: flowCell, row: r });
        return flowCell;
      }),
    );
    appendAll(items, sheetItems(grid));
  }
  return { items };
}

function sheetItems(grid: FlowCell[][]): FlowItem[] {
  const items: FlowItem[] = [];
  let table: FlowCell[][] = [];
  const endTable = () => {
    if (table.length) items.push({ kind: 'table', rows: table, layout: 'grid' });
    table = [];
  };
  for (const row of grid) {
    const texts = [...new Set(row.map((cell) => cell.text.trim()).filter(Boolean))];
    if (texts.length === 0) {
      endTable();
      continue;
    }
    const only = texts.length === 1 ? texts[0] : undefined;
    if (only !== undefined && isFillingHint(only)) continue;
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

/** An item's number in brackets once normalised ((三)). */
const NORMALISED_BRACKETED = new RegExp(`^\\(${CHINESE_NUMERAL}+\\)`);

/** A lone text in a row is prose (a heading, a paragraph) unless it is one of the tables' own label rows. */
function isProse(text: string): boolean {
  const label = normaliseLabel(text);
  // A row's label alone with its blank cells (四、结转下年度继续办理 and nothing written) is a row of zeros, not prose.
  if (isTableHeader(text) || isRowLabel(text)) return false;
  return /^[一二三四五六][、.]/.test(label) || NORMALISED_BRACKETED.test(label) || label.length >= 12;
}
