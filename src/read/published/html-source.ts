// A report's web page: its paragraphs and its tables, as a browser shows them. Only rendered text is read (no script,
// style, template or hidden element); spans are expanded and clamped to their row group as the HTML table model does;
// a table that holds the page's layout (another table, or the report's sections, inside it) is read as the blocks it
// holds. The page's title and its CMS meta tags (ArticleTitle, ContentSource, PubDate) are kept for the report's name.
import { appendAll } from '../../model/many-values';
import { deeperThan, MAX_JSON_DEPTH } from '../json-reader';
import { type ChildNode, type Element, isTag, isText, parseMarkup } from '../markup';
import { CellBudget, MarkupLimit } from '../markup-limit';
import type { FlowCell, FlowDocument, FlowItem, PageMeta } from './flow-document';
import { headingOf } from './flow-sections';
import { PageStyle } from './page-style';

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

export interface ParsedPage {
  flow: FlowDocument;
  /** The JSON our own HTML output embeds, when the page is one of ours. */
  embedded?: unknown;
}

/** Parses a page once: what it shows, and the model it embeds if it is one of our own pages. */
export function parsePage(html: string): ParsedPage {
  const document = parseMarkup(html, { decodeEntities: true });
  const embedded = embeddedModel(document.children);
  const flow = pageFlow(document.children);
  return embedded === undefined ? { flow } : { flow, embedded };
}

function embeddedModel(nodes: readonly ChildNode[]): unknown {
  const script = findFirst(nodes, (node) => node.name === 'script' && node.attribs.id === 'report-data');
  if (!script) return undefined;
  try {
    const model: unknown = JSON.parse(rawText(script));
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
  'ul',
  'ol',
  'section',
  'article',
  'br',
  'tr',
  'td',
  'th',
  'caption',
  'blockquote',
  'pre',
  'header',
  'footer',
  'main',
  'body',
  'center',
  'dd',
  'dt',
  'dl',
  'hr',
  'table',
  'form',
  'address',
  'aside',
  'figure',
  'figcaption',
]);
function pageFlow(nodes: readonly ChildNode[]): FlowDocument {
  const budget = new CellBudget();
  const style = new PageStyle(nodes);
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
  // Iterative: the markup limits bound the depth, but a walk of its own keeps no stack for it.
  const stack: { node: ChildNode; close?: boolean }[] = nodes.map((node) => ({ node })).reverse();
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, close } = entry;
    if (close) {
      buffer += '\n';
      continue;
    }
    if (isText(node)) {
      if (textShown(node, style)) buffer += node.data;
      continue;
    }
    if (!isTag(node) || !style.displayed(node)) continue;
    // A table kept in its place but invisible shows nothing a reader could take.
    if (node.name === 'table' && !style.shown(node)) continue;
    if (node.name === 'table' && !isLayoutTable(node, style)) {
      flush();
      tableCount++;
      appendAll(items, captionOf(node, style));
      items.push({ kind: 'table', rows: tableGrid(node, tableCount, style, budget), layout: 'grid' });
      continue;
    }
    const block = BLOCKS.has(node.name);
    if (block) {
      buffer += '\n';
      stack.push({ node, close: true });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as ChildNode });
  }
  flush();
  const meta = pageMeta(nodes);
  return { items, ...(meta.title ? { pageTitle: meta.title } : {}), ...(Object.keys(meta).length ? { meta } : {}) };
}

/** The page's <title> and the meta tags government CMSs fill: ArticleTitle, ContentSource, PubDate. */
function pageMeta(nodes: readonly ChildNode[]): PageMeta {
  const meta: PageMeta = {};
  const clean = (text: string) => text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  const title = findFirst(nodes, (node) => node.name === 'title');
  if (title && clean(rawText(title))) meta.title = clean(rawText(title));
  for (const tag of findAll(
    nodes,
    (node) => node.name === 'meta',
    () => true,
  )) {
    const name = (tag.attribs.name ?? tag.attribs.property ?? '').toLowerCase();
    const content = clean(tag.attribs.content ?? '');
    if (!content) continue;
    if (name === 'articletitle') meta.articleTitle = content;
    else if (name === 'contentsource') meta.contentSource = content;
    else if (name === 'pubdate' || name === 'publishdate') meta.pubDate = content;
  }
  return meta;
}

/**
 * A table that lays the page out rather than tabulating figures: one that holds another table, or whose cells hold the
 * report's section headings. An official table of the report never does either.
 */
function isLayoutTable(table: Element, style: PageStyle): boolean {
  const inner = findAll(
    table.children,
    (node) => node.name === 'table' && style.displayed(node),
    (node) => style.displayed(node),
  );
  if (inner.length > 0) return true;
  let headings = 0;
  for (const line of visibleText(table, style).split('\n')) if (headingOf(line.trim())) headings++;
  return headings >= 2;
}

function captionOf(table: Element, style: PageStyle): FlowItem[] {
  const caption = table.children.find((node): node is Element => isTag(node) && node.name === 'caption');
  const text = caption && style.displayed(caption) ? clean(visibleText(caption, style)) : '';
  return text ? [{ kind: 'paragraph', text, source: {} }] : [];
}

const clean = (text: string) => text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();

/** Spans past these are refused as the HTML table model clamps them (colspan 1000, rowspan 65534 to its group). */
const MAX_COLSPAN = 1000;
/** A table wider than this holds no report: its extra columns are dropped rather than filled. */
const MAX_COLUMNS = 200;

/**
 * The cells of a table in grid positions, as a browser lays them out: a cell spanning rows or columns is copied into
 * every position it covers (each copy knowing its original); a rowspan reaches at most to the end of its row group
 * (thead, tbody, tfoot), and 0 means to that end; a row shorter than the table is padded with holes.
 */
function tableGrid(table: Element, tableNumber: number, style: PageStyle, budget: CellBudget): FlowCell[][] {
  const groups = rowGroups(table, style);
  const grid: FlowCell[][] = [];
  let r = 0;
  for (const rows of groups) {
    const groupEnd = r + rows.length;
    for (const cells of rows) {
      grid[r] ??= [];
      let column = 0;
      for (const cell of cells) {
        const row = grid[r] as FlowCell[];
        while (row[column]) column++;
        if (column >= MAX_COLUMNS) break;
        const rowSpanAttribute = Number.parseInt(cell.attribs.rowspan ?? '1', 10);
        const rowSpan = rowSpanAttribute === 0 ? groupEnd - r : Math.max(1, rowSpanAttribute || 1);
        const lastRow = Math.min(r + rowSpan, groupEnd);
        const colSpan = Math.min(MAX_COLSPAN, Math.max(1, Number.parseInt(cell.attribs.colspan ?? '1', 10) || 1));
        const lastColumn = Math.min(column + colSpan, MAX_COLUMNS);
        const original: FlowCell = {
          text: clean(visibleText(cell, style)),
          source: { table: tableNumber, row: r + 1, column: column + 1 },
        };
        budget.take((lastRow - r) * (lastColumn - column));
        for (let at = r; at < lastRow; at++) {
          grid[at] ??= [];
          for (let c = column; c < lastColumn; c++) {
            const target = grid[at] as FlowCell[];
            target[c] =
              at === r && c === column
                ? original
                : { ...original, spanned: true, origin: original, ...(at > r ? { fromAbove: true } : {}) };
          }
        }
        column = lastColumn;
      }
      r++;
    }
  }
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  budget.take(grid.reduce((holes, row) => holes + width - row.length, 0));
  return grid.map((row, at) =>
    Array.from(
      { length: width },
      (_, column) =>
        row[column] ?? { text: '', source: { table: tableNumber, row: at + 1, column: column + 1 }, hole: true },
    ),
  );
}

/** The table's rows by row group: thead, each tbody, tfoot, and rows directly in the table (each run one group). */
function rowGroups(table: Element, style: PageStyle): Element[][][] {
  const groups: Element[][][] = [];
  // Rows and cells right in the table, between row groups: each run of them is a group of its own.
  let loose: ChildNode[] = [];
  const flush = () => {
    if (loose.length > 0) groups.push(rowsOf(loose, style));
    loose = [];
  };
  for (const node of table.children) {
    if (!isTag(node) || !style.displayed(node)) continue;
    if (node.name === 'tr' || node.name === 'td' || node.name === 'th') loose.push(node);
    else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot') {
      flush();
      groups.push(rowsOf(node.children, style));
    }
  }
  flush();
  return groups;
}

/**
 * The rows among these nodes, each as its cells. Cells standing outside a row (`<td>` right in a <tbody>, or left
 * there by a damaged tag) are put in a row of their own, as a browser's parser does (HTML's "in table body" mode
 * inserts the <tr>): the rows keep the numbers the browser shows.
 */
function rowsOf(nodes: readonly ChildNode[], style: PageStyle): Element[][] {
  const rows: Element[][] = [];
  let implied: Element[] | undefined;
  for (const node of nodes) {
    if (!isTag(node) || !style.displayed(node)) continue;
    if (node.name === 'td' || node.name === 'th') {
      if (!implied) {
        implied = [];
        rows.push(implied);
      }
      implied.push(node);
      continue;
    }
    implied = undefined;
    if (node.name === 'tr' && style.shown(node))
      rows.push(
        node.children.filter(
          // A cell not laid out leaves its column to the next; one laid out but not seen keeps it, with no text.
          (cell): cell is Element => isTag(cell) && (cell.name === 'td' || cell.name === 'th') && style.displayed(cell),
        ),
      );
  }
  return rows;
}

/** The text a browser shows inside an element: hidden descendants left out, <br> and blocks as line breaks. */
function visibleText(root: Element, style: PageStyle): string {
  let text = '';
  const stack: ChildNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isText(node)) {
      if (textShown(node, style)) text += node.data;
    } else if (isTag(node) && style.displayed(node)) {
      if (node.name === 'br' || node.name === 'p' || node.name === 'div') text += '\n';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
    }
  }
  return text;
}

/** Whether a browser shows this run of text: its element shows text (one at the top of the page always does). */
function textShown(node: ChildNode, style: PageStyle): boolean {
  const parent = node.parent;
  return !parent || !isTag(parent) || style.showsText(parent);
}

/** All the text under a node, shown or not (a <script>'s JSON, a <title>). */
function rawText(node: ChildNode): string {
  let text = '';
  const stack: ChildNode[] = [node];
  for (let at = stack.pop(); at; at = stack.pop()) {
    if (isText(at)) text += at.data;
    else if (isTag(at)) for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i] as ChildNode);
  }
  return text;
}

function findFirst(nodes: readonly ChildNode[], test: (node: Element) => boolean): Element | undefined {
  return findAll(nodes, test, () => true, 1)[0];
}

/** Elements passing `test`, in document order, not descending where `descend` says no. */
function findAll(
  nodes: readonly ChildNode[],
  test: (node: Element) => boolean,
  descend: (node: Element) => boolean,
  limit = Number.POSITIVE_INFINITY,
): Element[] {
  const found: Element[] = [];
  const stack: ChildNode[] = [...nodes].reverse();
  for (let node = stack.pop(); node && found.length < limit; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (test(node)) found.push(node);
    else if (descend(node))
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return found;
}
