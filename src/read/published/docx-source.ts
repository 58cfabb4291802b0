// A Word document: its paragraphs and its tables as Word and LibreOffice show them, from word/document.xml. A row's
// cells start after the grid columns it skips (w:gridBefore) and span their w:gridSpan; a vertical merge continues the
// cell above; deleted (w:del) and hidden (w:vanish) text is not read, inserted text is. A table that holds another
// table lays the document out: its cells are read as the blocks they hold.

import { ReadError } from '../../model/read-report';
import { utf8 } from '../codec.node';
import { type ChildNode, type Element, isTag, isText, parseMarkup } from '../markup';
import { CellBudget } from '../markup-limit';
import { isEncryptedOffice } from '../workbook-reader';
import { readZipEntry } from '../zip-container';
import type { FlowCell, FlowDocument, FlowItem } from './flow-document';

export function docxToFlow(buffer: Buffer, file: string): FlowDocument {
  if (isEncryptedOffice(buffer)) throw new ReadError('encrypted', { file });
  let xml: string;
  try {
    const entry = readZipEntry(buffer, 'word/document.xml', file);
    if (!entry) throw new Error('no word/document.xml');
    xml = utf8(entry);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('notDocx', { file }, { cause: error });
  }
  const document = parseMarkup(xml, { xmlMode: true });
  const body = find(document.children, 'w:body');
  const items: FlowItem[] = [];
  let tables = 0;
  const budget = new CellBudget();
  const paragraph = (node: Element) => {
    for (const line of paragraphText(node).split('\n')) {
      const text = line.trim();
      if (text) items.push({ kind: 'paragraph', text, source: {} });
    }
  };
  // Iterative over the blocks: content controls and layout tables nest, the markup limits bound how deep.
  const stack: ChildNode[] = [...(body?.children ?? [])].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (node.name === 'w:p') paragraph(node);
    else if (node.name === 'w:tbl') {
      if (holdsTable(node)) {
        // A layout table: its rows' cells are blocks, read in order.
        const blocks = rowsOf(node).flatMap((tr) => cellsOf(tr).flatMap((tc) => tc.children));
        for (let i = blocks.length - 1; i >= 0; i--) stack.push(blocks[i] as ChildNode);
        continue;
      }
      tables++;
      items.push({ kind: 'table', rows: tableGrid(node, tables, budget), layout: 'grid' });
    } else if (CONTAINERS.has(node.name)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
    }
  }
  return { items };
}

/** Block containers whose content is the document's own: content controls, custom XML, tracked insertions. */
const CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:smartTag']);

/** Run properties that keep a run from the page: hidden text, and text a tracked change deleted. */
function hiddenRun(run: Element): boolean {
  const properties = run.children.find((node): node is Element => isTag(node) && node.name === 'w:rPr');
  return !!properties?.children.some(
    (node) => isTag(node) && node.name === 'w:vanish' && (node.attribs['w:val'] ?? 'true') !== 'false',
  );
}

/** A paragraph's text as shown: runs and their tabs and breaks; deleted, hidden and field-code text left out. */
function paragraphText(paragraph: Element): string {
  let text = '';
  const stack: ChildNode[] = [...paragraph.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (node.name === 'w:t') text += node.children.map((child) => (isText(child) ? child.data : '')).join('');
    else if (node.name === 'w:tab') text += ' ';
    else if (node.name === 'w:br' || node.name === 'w:cr') text += '\n';
    else if (SKIPPED.has(node.name) || (node.name === 'w:r' && hiddenRun(node))) continue;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return text;
}

/** Parts of a paragraph whose text is not shown: properties, field codes, deleted text, moved-from text. */
const SKIPPED = new Set(['w:rPr', 'w:pPr', 'w:instrText', 'w:del', 'w:delText', 'w:moveFrom', 'w:fldData']);

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((node) =>
    isTag(node) && node.name === 'w:tr'
      ? [node]
      : isTag(node) && CONTAINERS.has(node.name)
        ? rowsOf(node) // rows inside a content control
        : [],
  );
}

function cellsOf(row: Element): Element[] {
  return row.children.flatMap((node) =>
    isTag(node) && node.name === 'w:tc' ? [node] : isTag(node) && CONTAINERS.has(node.name) ? cellsOf(node) : [],
  );
}

const holdsTable = (table: Element) =>
  rowsOf(table).some((tr) => cellsOf(tr).some((tc) => find(tc.children, 'w:tbl') !== undefined));

const MAX_COLUMNS = 200;

function gridValue(properties: Element | undefined, name: string): number {
  const value = Number(find(properties?.children ?? [], name)?.attribs['w:val']);
  return Number.isFinite(value) ? Math.max(0, Math.min(MAX_COLUMNS, Math.floor(value))) : 0;
}

/** The cells in grid positions: skipped grid columns before and after a row are holes, spans and merges copied. */
function tableGrid(table: Element, tableNumber: number, budget: CellBudget): FlowCell[][] {
  const grid: FlowCell[][] = [];
  rowsOf(table).forEach((tr, r) => {
    const row: FlowCell[] = [];
    const rowProperties = tr.children.find((node): node is Element => isTag(node) && node.name === 'w:trPr');
    let column = gridValue(rowProperties, 'w:gridBefore');
    for (const tc of cellsOf(tr)) {
      if (column >= MAX_COLUMNS) break;
      const properties = tc.children.find((node): node is Element => isTag(node) && node.name === 'w:tcPr');
      const span = Math.max(1, gridValue(properties, 'w:gridSpan'));
      const merge = find(properties?.children ?? [], 'w:vMerge');
      // A vMerge without val="restart" continues the cell above.
      const continues = merge !== undefined && merge.attribs['w:val'] !== 'restart';
      const text = tc.children
        .filter((node): node is Element => isTag(node) && (node.name === 'w:p' || CONTAINERS.has(node.name)))
        .flatMap((node) => (node.name === 'w:p' ? [node] : findAllParagraphs(node)))
        .map(paragraphText)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      const original: FlowCell = { text, source: { table: tableNumber, row: r + 1, column: column + 1 } };
      budget.take(Math.min(span, MAX_COLUMNS - column));
      for (let dc = 0; dc < span && column + dc < MAX_COLUMNS; dc++) {
        const above = grid[r - 1]?.[column + dc];
        const from = continues && above && !above.hole ? originOfCell(above) : undefined;
        row[column + dc] = from
          ? { ...from, spanned: true, origin: from, fromAbove: true }
          : dc === 0
            ? original
            : { ...original, spanned: true, origin: original };
      }
      column += span;
    }
    grid.push(row);
  });
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  budget.take(grid.reduce((holes, row) => holes + width - row.length, 0));
  return grid.map((row, r) =>
    Array.from(
      { length: width },
      (_, column) =>
        row[column] ?? { text: '', source: { table: tableNumber, row: r + 1, column: column + 1 }, hole: true },
    ),
  );
}

const originOfCell = (cell: FlowCell) => cell.origin ?? cell;

function findAllParagraphs(node: Element): Element[] {
  return node.children.flatMap((child) =>
    isTag(child) && child.name === 'w:p'
      ? [child]
      : isTag(child) && CONTAINERS.has(child.name)
        ? findAllParagraphs(child)
        : [],
  );
}

function find(nodes: readonly ChildNode[], name: string): Element | undefined {
  const stack: ChildNode[] = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return undefined;
}
