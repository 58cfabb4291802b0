// Translates the document tree into one self-contained HTML page (inline CSS, no external resource, the model embedded).
import { maxOf } from '../model/many-values';
import type { Model } from '../model/pointer';
import type { Block, ReportDocument, TableBlock, TableCell } from './document-tree';
import { NOT_VALIDATED_NOTICE, placeCells } from './layout';
import { textEm } from './text-width';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** JSON inside <script> must not close the element or open a comment: escape every `<` (and the JS line breaks). */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Above a table too wide for the screen, the cue that it scrolls sideways (read by eye: the cells are read aloud). */
const SCROLL_HINT = '表格较宽，可左右滑动查看 →';
/** The tables' font, in rem (the page's `table` rule): the unit of the widths the layout gives in em. */
const TABLE_REM = 0.85;
/** The page's side padding on a narrow screen and a wide one, in rem (`main`), and where the two meet (720 px). */
const NARROW_PADDING_REM = 1.5;
const WIDE_PADDING_REM = 3;
const NARROW_SCREEN_REM = 45;
/** A table of more rows than this is let break between rows in print; a shorter one is kept on one page. */
const SHORT_TABLE_ROWS = 12;

const STYLE = `
:root { color-scheme: light; --line: #444; --head: #f3f3f3; }
* { box-sizing: border-box; }
body { margin: 0; background: #fafafa; color: #111;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "宋体", serif; line-height: 1.8; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 64px; background: #fff; }
/* A long URL or a run of Latin letters breaks where it must rather than widen the page. */
h1, h2, h3, p { overflow-wrap: anywhere; }
/* The title breaks in even lines: never one character (告) alone on the second. */
h1 { font-size: 1.75rem; text-align: center; margin: 0.5em 0 1em; line-height: 1.4; text-wrap: balance; }
h2 { font-size: 1.2rem; margin: 1.6em 0 0.6em; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "黑体", sans-serif; }
h3 { font-size: 1.05rem; margin: 1em 0 0.4em; font-family: KaiTi, "楷体", "Kaiti SC", serif; }
p { text-indent: 2em; margin: 0.4em 0; }
.notice { border: 2px solid #b00020; color: #b00020; padding: 0.6em 1em; margin: 1em 0; font-weight: bold; }
.table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; position: relative; }
/* Fixed layout: each column gets its share of the width, never less than its text needs (the table's min-width);
   below that the table scrolls in its box and its labels keep their lines. */
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: ${TABLE_REM}rem; line-height: 1.4; }
/* The tables of 二, one an item, read as one table as the official form draws it: no doubled line between them. */
table + table { margin-top: -1px; }
/* The section heading above names the table; the caption stays for screen readers. */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: middle; }
thead th, th[scope="col"], th[scope="colgroup"] { background: var(--head); text-align: center; font-weight: bold; }
/* Headers break in even lines (上一年项/目数量, not 上一年/项目数/量); one closing on a unit breaks before it. */
th { text-wrap: balance; }
th:has(.unit) { text-wrap: wrap; }
tbody th { text-align: left; font-weight: normal; }
tbody th[scope="rowgroup"] { text-align: center; }
td { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* The row labels stay in view while the figures scroll under them (a label over several columns shows its last). */
th.pin { position: sticky; z-index: 1; background: #fff; }
thead th.pin { background: var(--head); }
.unit { white-space: nowrap; }
.pin-text { position: sticky; left: 0; display: block; }
.scroll-hint { display: none; text-indent: 0; margin: 0.6em 0 -0.4em; text-align: right; font-size: 0.85rem; color: #555; }
.signature { text-align: right; text-indent: 0; margin-top: 2em; }
@media (max-width: 720px) { main { padding: 16px 12px; } h1 { font-size: 1.35rem; } }
@media screen {
  /* Where a table is wider than its box, shadows at the edges it scrolls past (the white covers move with the table). */
  .table-wrap { background:
    linear-gradient(to right, #fff 40%, rgba(255, 255, 255, 0)) left / 32px 100% no-repeat local,
    linear-gradient(to left, #fff 40%, rgba(255, 255, 255, 0)) right / 32px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.28), rgba(0, 0, 0, 0)) left / 14px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.28), rgba(0, 0, 0, 0)) right / 14px 100% no-repeat scroll; }
}
@media print {
  /* As compact as the content allows: the text at 11 pt, the tables at 9 pt, no page begun for want of a few lines. */
  @page { size: A4; margin: 20mm 18mm; }
  body { background: #fff; font-size: 11pt; line-height: 1.6; }
  main { max-width: none; padding: 0; }
  h1 { margin: 0 0 0.8em; }
  h2 { margin: 1.2em 0 0.5em; }
  .table-wrap { overflow: visible; margin: 0.4em 0 0.8em; }
  table { font-size: 9pt; line-height: 1.3; }
  th, td { padding: 2px 4px; }
  .scroll-hint { display: none; }
  thead { display: table-header-group; }
  /* A row is never cut; a short table (each of 二's, 四) is not begun at a page foot; 三 breaks between its rows,
     its header repeated, and a label over many rows (三、本年度办理结果) goes on with them. */
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  table:not(.breaks) { break-inside: avoid; }
  /* The 落款 is never alone on a last page: it goes with the last lines of 六. */
  .signature { margin-top: 1em; break-before: avoid; }
}
`;

export function renderHtml(document: ReportDocument, model: Model, generator: string): string {
  const body = document.blocks.map(renderBlock).join('\n');
  const notice = document.notValidated
    ? `<p class="notice" role="alert">${escapeHtml(NOT_VALIDATED_NOTICE)}</p>\n`
    : '';
  const narrow = document.blocks.map((block) => (block.kind === 'table' ? narrowRules(block) : '')).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
${document.notValidated ? '<meta name="report-validation" content="failed">\n' : ''}<title>${escapeHtml(document.title)}</title>
<style>${STYLE}${narrow}</style>
</head>
<body>
<main>
<h1>${escapeHtml(document.title)}</h1>
${notice}${body}
</main>
<script type="application/json" id="report-data">${scriptSafeJson(model)}</script>
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? `<h2>${escapeHtml(block.text)}</h2>` : `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return renderTable(block);
    case 'signature':
      // A page is published dated or not at all: no blank 年 月 日 line to fill by hand, as the DOCX has.
      return `<p class="signature">${escapeHtml(block.agency)}${block.date ? `<br>${escapeHtml(block.date)}` : ''}</p>`;
  }
}

/** One table of the page: its header rows, its body rows, and what names it for a screen reader. */
interface PageTable {
  caption: string;
  head: TableCell[][];
  body: TableCell[][];
}

/**
 * The tables a layout table is shown as. 二 is drawn as one table of items, each an item row over its own header
 * row: shown so, a screen reader would read every figure under the first header. Each item is a table of its own,
 * its item and header rows its head; the tables stand edge to edge, so the page looks as the official form.
 */
function pageTables(table: TableBlock): PageTable[] {
  const isItem = (row: TableCell[]) =>
    row.length === 1 && row[0]?.header === 'colgroup' && row[0].colSpan === table.columnCount;
  if (table.head.length || !table.body[0] || !isItem(table.body[0]))
    return [{ caption: table.caption, head: table.head, body: table.body }];
  const items: PageTable[] = [];
  for (const row of table.body) {
    const item = items[items.length - 1];
    const headerOnly = row.every((cell) => cell.header === 'col' || cell.header === 'colgroup');
    if (isItem(row)) items.push({ caption: `${table.caption} ${row[0]?.text ?? ''}`, head: [row], body: [] });
    else if (item && headerOnly && item.body.length === 0) item.head.push(row);
    else item?.body.push(row);
  }
  return items;
}

/** What each column needs, in em of the table's font, its cell padding and borders included (about one em). */
function columnEms(table: TableBlock, tables: readonly PageTable[]): number[] {
  const natural = table.columns.map((column) => column.em + 1);
  if (tables.length < 2) return natural;
  // 二's headers are seven-character compounds (本年新制作数量, 上一年项目数量) over short figures: each column is
  // given half its header, so the header sets in two even lines and never leaves one character (量) on a third.
  for (const { head } of tables)
    for (const { cell, column } of placeCells(head))
      if (cell.header === 'col' && (cell.colSpan ?? 1) === 1 && column > 0)
        natural[column] = Math.max(natural[column] ?? 0, Math.ceil(textEm(cell.text) / 2) + 1);
  return natural;
}

/** The column the row labels end in (the last label column), or -1 for a table without row labels (四). */
function labelColumn(body: readonly TableCell[][]): number {
  let last = -1;
  for (const { cell, column } of placeCells(body))
    if (cell.header === 'row' || cell.header === 'rowgroup') last = Math.max(last, column + (cell.colSpan ?? 1) - 1);
  return last;
}

/** The width of the screen below which `table` scrolls in its box, in em of the page (the media query's unit). */
function scrollsBelow(ems: readonly number[]): number {
  const table = ems.reduce((a, b) => a + b, 0) * TABLE_REM;
  return table + NARROW_PADDING_REM <= NARROW_SCREEN_REM ? table + NARROW_PADDING_REM : table + WIDE_PADDING_REM;
}

/** On a screen narrower than the table: the cue that it scrolls, and its pinned labels wrapped to their column. */
function narrowRules(table: TableBlock): string {
  const tables = pageTables(table);
  const ems = columnEms(table, tables);
  const labels = maxOf(
    tables.map((part) => labelColumn(part.body)),
    -1,
  );
  const pinned =
    labels >= 0
      ? `
  table.${table.id} th.pin { box-shadow: 2px 0 0 var(--line), 6px 0 6px -2px rgba(0, 0, 0, 0.18); }
  table.${table.id} .pin-text { max-width: ${((ems[labels] ?? 1) - 1).toFixed(2)}em; }`
      : '';
  return `
@media screen and (width < ${scrollsBelow(ems).toFixed(2)}em) {
  .scroll-hint[data-for="${table.id}"] { display: block; }${pinned}
}`;
}

function renderTable(table: TableBlock): string {
  const tables = pageTables(table);
  const ems = columnEms(table, tables);
  const total = ems.reduce((a, b) => a + b, 0);
  const colgroup = ems.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const labels = maxOf(
    tables.map((part) => labelColumn(part.body)),
    -1,
  );
  const html = tables.map((part) => {
    const breaks = part.head.length + part.body.length > SHORT_TABLE_ROWS ? ' breaks' : '';
    const pins = pinnedCells(part, labels, ems);
    const lines = (cells: TableCell[][]) =>
      cells.map((row) => `<tr>${row.map((cell) => renderCell(cell, pins.get(cell))).join('')}</tr>`).join('\n');
    const head = part.head.length ? `<thead>\n${lines(part.head)}\n</thead>\n` : '';
    return `<table class="${table.id}${breaks}" style="min-width:${total.toFixed(1)}em">
<caption>${escapeHtml(part.caption)}</caption>
<colgroup>${colgroup}</colgroup>
${head}<tbody>
${lines(part.body)}
</tbody>
</table>`;
  });
  return `<p class="scroll-hint" data-for="${table.id}" aria-hidden="true">${escapeHtml(SCROLL_HINT)}</p>
<div class="table-wrap" role="region" aria-label="${escapeHtml(table.caption)}" tabindex="0">
${html.join('\n')}
</div>`;
}

/**
 * The cells that stay in view when the table scrolls: the row labels ending in the last label column, and the header
 * cells over it, each pinned at the left edge by how far its start lies before that column (in em), so what stays in
 * view is the label column itself.
 */
function pinnedCells(part: PageTable, last: number, ems: readonly number[]): Map<TableCell, number> {
  const pins = new Map<TableCell, number>();
  if (last < 0) return pins;
  const start = (column: number) => ems.slice(0, column).reduce((a, b) => a + b, 0);
  const pin = ({ cell, column }: { cell: TableCell; column: number }) => {
    const end = column + (cell.colSpan ?? 1) - 1;
    if (column <= last && end === last) pins.set(cell, start(last) - start(column));
  };
  for (const placed of placeCells(part.head)) pin(placed);
  for (const placed of placeCells(part.body))
    if (placed.cell.header === 'row' || placed.cell.header === 'rowgroup') pin(placed);
  return pins;
}

/** A header's text; a unit closing it, （单位：万元）, is kept on one line. */
function headerText(text: string): string {
  const unit = /（[^（）]{1,8}）$/.exec(text);
  if (!unit || unit.index === 0) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, unit.index))}<wbr><span class="unit">${escapeHtml(unit[0])}</span>`;
}

function renderCell(cell: TableCell, pin?: number): string {
  const spans = `${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}`;
  if (cell.header) {
    if (pin === undefined) return `<th scope="${cell.header}"${spans}>${headerText(cell.text)}</th>`;
    const text = pin > 0 ? `<span class="pin-text">${headerText(cell.text)}</span>` : headerText(cell.text);
    return `<th scope="${cell.header}"${spans} class="pin" style="left:${pin > 0 ? `-${pin.toFixed(2)}em` : '0'}">${text}</th>`;
  }
  const data = cell.pointer ? ` data-pointer="${escapeHtml(cell.pointer)}"` : '';
  return `<td${spans}${data}>${escapeHtml(cell.text)}</td>`;
}
