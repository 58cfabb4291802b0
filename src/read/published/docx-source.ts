// A Word document: its paragraphs and its tables (gridSpan and vMerge expanded), from word/document.xml.
import { type ChildNode, type Element, isTag, isText, parseMarkup } from '../markup';
import { ReadError } from '../read-report';
import { isEncryptedOffice } from '../workbook-reader';
import { readZipEntry } from '../zip-container';
import type { FlowCell, FlowDocument, FlowItem } from './flow-document';

export function docxToFlow(buffer: Buffer, file: string): FlowDocument {
  if (isEncryptedOffice(buffer)) throw new ReadError('encrypted', { file });
  let xml: string;
  try {
    const entry = readZipEntry(buffer, 'word/document.xml', file);
    if (!entry) throw new Error('no word/document.xml');
    xml = entry.toString('utf8');
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('notDocx', { file }, { cause: error });
  }
  const document = parseMarkup(xml, { xmlMode: true });
  const body = find(document.children, 'w:body');
  const items: FlowItem[] = [];
  let tables = 0;
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === 'w:p') {
        for (const line of paragraphText(node).split('\n')) {
          const text = line.trim();
          if (text) items.push({ kind: 'paragraph', text, source: {} });
        }
      } else if (node.name === 'w:tbl') {
        tables++;
        items.push({ kind: 'table', rows: tableGrid(node, tables), layout: 'grid' });
      } else if (node.name === 'w:sdt' || node.name === 'w:sdtContent' || node.name === 'w:customXml') {
        walk(node.children);
      }
    }
  };
  walk(body?.children ?? []);
  return { items };
}

function paragraphText(paragraph: Element): string {
  let text = '';
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (isText(node)) continue;
      if (!isTag(node)) continue;
      if (node.name === 'w:t') text += node.children.map((child) => (isText(child) ? child.data : '')).join('');
      else if (node.name === 'w:tab') text += ' ';
      else if (node.name === 'w:br' || node.name === 'w:cr') text += '\n';
      else if (node.name !== 'w:rPr' && node.name !== 'w:pPr' && node.name !== 'w:instrText') walk(node.children);
    }
  };
  walk(paragraph.children);
  return text;
}

function tableGrid(table: Element, tableNumber: number): FlowCell[][] {
  const grid: FlowCell[][] = [];
  const rows = table.children.filter((node): node is Element => isTag(node) && node.name === 'w:tr');
  rows.forEach((tr, r) => {
    const row: FlowCell[] = [];
    let column = 0;
    for (const tc of tr.children.filter((node): node is Element => isTag(node) && node.name === 'w:tc')) {
      const properties = find(tc.children, 'w:tcPr');
      const span = Math.max(
        1,
        Math.min(100, Number(find(properties?.children ?? [], 'w:gridSpan')?.attribs['w:val']) || 1),
      );
      const merge = find(properties?.children ?? [], 'w:vMerge');
      // A vMerge without val="restart" continues the cell above.
      const continues = merge !== undefined && merge.attribs['w:val'] !== 'restart';
      const text = tc.children
        .filter((node): node is Element => isTag(node) && node.name === 'w:p')
        .map(paragraphText)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      for (let dc = 0; dc < span; dc++) {
        const above = grid[r - 1]?.[column + dc];
        row[column + dc] =
          continues && above
            ? { ...above, spanned: true }
            : {
                text,
                source: { table: tableNumber, row: r + 1, column: column + 1 },
                ...(dc ? { spanned: true } : {}),
              };
      }
      column += span;
    }
    grid.push(row);
  });
  return grid.map((row) =>
    Array.from(row, (cell, column) => cell ?? { text: '', source: { table: tableNumber, column: column + 1 } }),
  );
}

function find(nodes: readonly ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    const found = find(node.children, name);
    if (found) return found;
  }
  return undefined;
}
