// Translates the document tree into one self-contained HTML page (inline CSS, no external resource, the model embedded).
import type { Model } from '../model/pointer';
import type { Block, ReportDocument, TableBlock, TableCell } from './document-tree';
import { BLANK_DATE, NOT_VALIDATED_NOTICE } from './layout';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** JSON inside <script> must not close the element or open a comment: escape every `<` (and the JS line breaks). */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const STYLE = `
:root { color-scheme: light; --line: #444; --head: #f3f3f3; }
* { box-sizing: border-box; }
body { margin: 0; background: #fafafa; color: #111;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "宋体", serif; line-height: 1.8; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 64px; background: #fff; }
h1 { font-size: 1.75rem; text-align: center; margin: 0.5em 0 1em; line-height: 1.4; }
h2 { font-size: 1.2rem; margin: 1.6em 0 0.6em; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "黑体", sans-serif; }
h3 { font-size: 1.05rem; margin: 1em 0 0.4em; font-family: KaiTi, "楷体", "Kaiti SC", serif; }
p { text-indent: 2em; margin: 0.4em 0; }
.notice { border: 2px solid #b00020; color: #b00020; padding: 0.6em 1em; margin: 1em 0; font-weight: bold; }
.table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; }
/* Fixed layout: each column gets its share of the width, never less than its text needs (the table's min-width);
   below that the table scrolls in its box and its labels keep their lines. */
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 0.85rem; line-height: 1.4; }
/* The section heading above names the table; the caption stays for screen readers. */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.table-wrap { position: relative; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: middle; }
thead th, th[scope="col"], th[scope="colgroup"] { background: var(--head); text-align: center; font-weight: bold; }
tbody th { text-align: left; font-weight: normal; }
tbody th[scope="rowgroup"] { text-align: center; }
td { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
.signature { text-align: right; text-indent: 0; margin-top: 2em; }
@media (max-width: 720px) { main { padding: 16px 12px; } h1 { font-size: 1.35rem; } }
@media print {
  @page { size: A4; margin: 25mm 20mm; }
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  /* A table that fits a page is not begun at a page foot (a long one still breaks, its header repeated). */
  .table-wrap { break-before: avoid; break-inside: avoid; }
}
`;

export function renderHtml(document: ReportDocument, model: Model, generator: string): string {
  const body = document.blocks.map(renderBlock).join('\n');
  const notice = document.notValidated
    ? `<p class="notice" role="alert">${escapeHtml(NOT_VALIDATED_NOTICE)}</p>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
${document.notValidated ? '<meta name="report-validation" content="failed">\n' : ''}<title>${escapeHtml(document.title)}</title>
<style>${STYLE}</style>
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
      return `<p class="signature">${escapeHtml(block.agency)}<br>${escapeHtml(block.date ?? BLANK_DATE)}</p>`;
  }
}

function renderTable(table: TableBlock): string {
  // Each column's text plus its cell padding and borders (about one em at the table's size).
  const natural = table.columns.map((column) => column.em + 1);
  const total = natural.reduce((a, b) => a + b, 0);
  const colgroup = natural.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const rows = (cells: TableCell[][]) => cells.map((row) => `<tr>${row.map(renderCell).join('')}</tr>`).join('\n');
  const head = table.head.length ? `<thead>\n${rows(table.head)}\n</thead>\n` : '';
  return `<div class="table-wrap" role="region" aria-label="${escapeHtml(table.caption)}" tabindex="0">
<table class="${table.id}" style="min-width:${total.toFixed(1)}em">
<caption>${escapeHtml(table.caption)}</caption>
<colgroup>${colgroup}</colgroup>
${head}<tbody>
${rows(table.body)}
</tbody>
</table>
</div>`;
}

function renderCell(cell: TableCell): string {
  const spans = `${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}`;
  if (cell.header) return `<th scope="${cell.header}"${spans}>${escapeHtml(cell.text)}</th>`;
  const data = cell.pointer ? ` data-pointer="${escapeHtml(cell.pointer)}"` : '';
  return `<td${spans}${data}>${escapeHtml(cell.text)}</td>`;
}
