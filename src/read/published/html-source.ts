// A report's web page: its paragraphs and its tables (rowspan/colspan expanded), decoded by its declared charset.
// Our own pages carry the model as JSON, which is read back exactly.
import { deeperThan, MAX_JSON_DEPTH } from '../json-reader';
import { type ChildNode, type Element, isTag, isText, parseMarkup } from '../markup';
import { MarkupLimit } from '../markup-limit';
import type { FlowCell, FlowDocument, FlowItem } from './flow-document';

/** The page's text, decoded by its BOM, its <meta charset> or http-equiv, else UTF-8 (GBK pages say so). */
export function decodeHtml(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  const head = buffer.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const label = declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) ? 'gb18030' : (declared ?? 'utf-8');
  try {
    return new TextDecoder(label).decode(buffer);
  } catch {
    return new TextDecoder('utf-8').decode(buffer);
  }
}

/** The JSON our own HTML output embeds, when the page is one of ours. */
export function embeddedModel(html: string): unknown {
  const document = parseMarkup(html);
  const script = findFirst(document.children, (node) => node.name === 'script' && node.attribs.id === 'report-data');
  if (!script) return undefined;
  try {
    const model: unknown = JSON.parse(textOf(script));
    // Refused here, before the model is walked: a report is a few levels deep.
    if (deeperThan(model, MAX_JSON_DEPTH)) throw new MarkupLimit('tooDeep', MAX_JSON_DEPTH);
    return model;
  } catch (error) {
    if (error instanceof MarkupLimit) throw error;
    return undefined;
  }
}

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'section',
  'article',
  'br',
  'tr',
  'blockquote',
  'pre',
  'header',
  'footer',
  'main',
  'body',
  'center',
  'dd',
  'dt',
]);
const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'nav', 'button', 'select']);

export function htmlToFlow(html: string): FlowDocument {
  const items: FlowItem[] = [];
  let buffer = '';
  let tableCount = 0;
  const flush = () => {
    for (const text of buffer.split('\n')) {
      const trimmed = text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
      if (trimmed) items.push({ kind: 'paragraph', text: trimmed, source: {} });
    }
    buffer = '';
  };
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (isText(node)) {
        buffer += node.data;
      } else if (isTag(node)) {
        if (SKIPPED.has(node.name)) continue;
        if (node.name === 'table') {
          flush();
          tableCount++;
          items.push({ kind: 'table', rows: tableGrid(node, tableCount), layout: 'grid' });
          continue;
        }
        const block = BLOCKS.has(node.name);
        if (block) buffer += '\n';
        walk(node.children);
        if (block) buffer += '\n';
      }
    }
  };
  const document = parseMarkup(html, { decodeEntities: true });
  walk(document.children);
  flush();
  const title = findFirst(document.children, (node) => node.name === 'title');
  const pageTitle = title
    ? textOf(title)
        .replace(/[\s\u3000\u00a0]+/g, ' ')
        .trim()
    : '';
  return pageTitle ? { items, pageTitle } : { items };
}

/** The cells of a table in grid positions: a cell spanning rows or columns is copied into every position it covers. */
function tableGrid(table: Element, tableNumber: number): FlowCell[][] {
  const rows = findAll(
    table.children,
    (node) => node.name === 'tr',
    (node) => node.name !== 'table',
  );
  const grid: FlowCell[][] = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of tr.children.filter(
      (node): node is Element => isTag(node) && (node.name === 'td' || node.name === 'th'),
    )) {
      const row = grid[r] as FlowCell[];
      while (row[column]) column++;
      const rowSpan = Math.max(1, Math.min(200, Number(cell.attribs.rowspan) || 1));
      const colSpan = Math.max(1, Math.min(100, Number(cell.attribs.colspan) || 1));
      const text = textOf(cell)
        .replace(/[\s\u3000\u00a0]+/g, ' ')
        .trim();
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) {
          const target = grid[r + dr] as FlowCell[];
          target[column + dc] = {
            text,
            source: { table: tableNumber, row: r + 1, column: column + 1 },
            ...(dr || dc ? { spanned: true } : {}),
          };
        }
      }
      column += colSpan;
    }
  });
  // Fill holes (rows shorter than others) so positions stay positions.
  return grid.map((row) =>
    Array.from(row, (cell, column) => cell ?? { text: '', source: { table: tableNumber, column: column + 1 } }),
  );
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.name === 'br' ? '\n' : node.children.map(textOf).join('');
  return '';
}

function findFirst(nodes: readonly ChildNode[], test: (node: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) return node;
    const found = findFirst(node.children, test);
    if (found) return found;
  }
  return undefined;
}

/** Elements passing `test`, not descending where `descend` says no (a nested table's rows are not this table's). */
function findAll(
  nodes: readonly ChildNode[],
  test: (node: Element) => boolean,
  descend: (node: Element) => boolean,
): Element[] {
  const found: Element[] = [];
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) found.push(node);
    else if (descend(node)) found.push(...findAll(node.children, test, descend));
  }
  return found;
}
