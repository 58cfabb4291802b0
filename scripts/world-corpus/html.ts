// HTML as government sites' editors write it: tables with the editor's own markup inside cells (Word's MsoNormal
// paragraphs, UEditor spans, KindEditor font tags), the article inside the portal's layout, breadcrumbs, footers and
// meta tags around it.
import type { Block, Cell, Grid } from './grid';
import { pick, type Random } from './random-report';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How an editor writes cells, rows, tables and paragraphs. Every hook is optional. */
export interface HtmlFlavor {
  tableOpen?: (grid: Grid) => string;
  rowOpen?: (row: Cell[], index: number, grid: Grid) => string;
  /** Attributes of a cell (after rowspan/colspan), e.g. ` width="72" style="…"`. */
  cellAttrs?: (c: Cell, row: number, grid: Grid) => string;
  /** The inside of a cell, given its escaped text (line breaks already `<br>`). */
  cellInner?: (c: Cell, escaped: string, row: number, grid: Grid) => string;
  /** Header cells as `<th>`. */
  th?: boolean;
  /** Header rows inside `<thead>`, the rest in `<tbody>`. */
  thead?: boolean;
  paragraph?: (text: string, block: Block) => string;
  /** Whitespace between tags (editors differ: none, newlines, CRLF and tabs). */
  newline?: string;
}

let marking = false;
/**
 * Runs `make` with every table cell marked by what it is (data-w-fig, data-w-col, data-w-row): the same page, for the
 * browser check of a class's truth (verify.ts); the pages a reader gets are never marked.
 */
export function withMarks<T>(make: () => T): T {
  marking = true;
  try {
    return make();
  } finally {
    marking = false;
  }
}

function marks(c: Cell): string {
  if (!marking) return '';
  if (c.role === 'figure' && c.figure?.pointer)
    return ` data-w-fig="${escapeHtml(c.figure.pointer)}" data-w-text="${escapeHtml(c.text)}"`;
  if (c.role === 'header' && c.key) return ` data-w-col="${escapeHtml(c.key)}"`;
  if (c.role === 'label' && c.key) return ` data-w-row="${escapeHtml(c.key)}"`;
  return '';
}

const spans = (c: Cell): string =>
  `${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;

export function htmlTable(grid: Grid, flavor: HtmlFlavor = {}): string {
  const nl = flavor.newline ?? '\n';
  const out: string[] = [
    flavor.tableOpen ? flavor.tableOpen(grid) : '<table border="1" cellspacing="0" cellpadding="0">',
  ];
  const rowHtml = (row: Cell[], index: number) => {
    const cells = row.map((c) => {
      const tag = flavor.th && c.role === 'header' ? 'th' : 'td';
      const escaped = escapeHtml(c.text).replace(/\n/g, '<br>');
      const inner = flavor.cellInner ? flavor.cellInner(c, escaped, index, grid) : escaped;
      return `<${tag}${spans(c)}${marks(c)}${flavor.cellAttrs ? flavor.cellAttrs(c, index, grid) : ''}>${inner}</${tag}>`;
    });
    return `${flavor.rowOpen ? flavor.rowOpen(row, index, grid) : '<tr>'}${nl}${cells.join(nl)}${nl}</tr>`;
  };
  if (flavor.thead && grid.headerRows > 0) {
    out.push('<thead>', ...grid.rows.slice(0, grid.headerRows).map((row, index) => rowHtml(row, index)), '</thead>');
    out.push('<tbody>', ...grid.rows.slice(grid.headerRows).map((row, index) => rowHtml(row, index + grid.headerRows)));
    out.push('</tbody>');
  } else {
    out.push('<tbody>', ...grid.rows.map((row, index) => rowHtml(row, index)), '</tbody>');
  }
  out.push('</table>');
  return out.join(nl);
}

export function htmlBlocks(blocks: readonly Block[], flavor: HtmlFlavor = {}): string {
  const nl = flavor.newline ?? '\n';
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'table':
          return `${block.caption ? `<p>${escapeHtml(block.caption)}</p>${nl}` : ''}${htmlTable(block.grid, flavor)}`;
        case 'image':
          return `<p style="text-align:center"><img src="/upload/${Math.abs(hash(block.alt))}.png" alt="${escapeHtml(block.alt)}" width="640"></p>`;
        default: {
          const text = escapeHtml(block.text);
          if (flavor.paragraph) return flavor.paragraph(text, block);
          if (block.kind === 'title') return `<h1 style="text-align:center">${text}</h1>`;
          if (block.kind === 'heading') return `<p><strong>${text}</strong></p>`;
          return `<p${block.align ? ` style="text-align:${block.align}"` : ''}>${text}</p>`;
        }
      }
    })
    .join(nl);
}

export function hash(text: string): number {
  let h = 7;
  for (const char of text) h = (Math.imul(h, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return h;
}

// ---------------------------------------------------------------- editors

/** Word pasted into a CMS editor: MsoNormal paragraphs in cells, spans with fonts, `<o:p>`, widths. */
export function msoFlavor(random: Random): HtmlFlavor {
  const font = pick(random, ['宋体', '仿宋_GB2312', '仿宋']);
  const size = pick(random, ['10.5pt', '9.0pt', '12.0pt']);
  return {
    tableOpen: () =>
      '<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%" style="width:100.0%;border-collapse:collapse;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt">',
    rowOpen: (_row, index) =>
      `<tr style="mso-yfti-irow:${index};height:${pick(random, ['20.25pt', '15.0pt', '27.75pt'])}">`,
    cellAttrs: (c) =>
      ` width="${c.role === 'label' ? 180 : 64}" valign="${pick(random, ['top', 'center'])}" style="width:${c.role === 'label' ? '135.0pt' : '48.0pt'};border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"`,
    cellInner: (c, escaped) => {
      const align = c.role === 'label' ? 'left' : 'center';
      const body = escaped === '' ? '&nbsp;' : escaped.replace(/<br>/g, `<span lang="EN-US"><br></span>`);
      return `<p class="MsoNormal" align="${align}" style="text-align:${align};mso-pagination:widow-orphan"><span style="font-size:${size};font-family:${font};mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt">${body}<span lang="EN-US"><o:p></o:p></span></span></p>`;
    },
    paragraph: (text, block) => {
      if (block.kind === 'title')
        return `<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">${text}<span lang="EN-US"><o:p></o:p></span></span></b></p>`;
      const indent = block.kind === 'paragraph' && !block.align ? 'text-indent:32.0pt;' : '';
      const align =
        block.kind === 'paragraph' && block.align ? ` align="${block.align}" style="text-align:${block.align}"` : '';
      const family = block.kind === 'heading' ? '黑体' : '仿宋_GB2312';
      return `<p class="MsoNormal"${align}${align ? '' : ` style="${indent}line-height:28.0pt;mso-line-height-rule:exactly"`}><span style="font-size:16.0pt;font-family:${family}">${text}<span lang="EN-US"><o:p></o:p></span></span></p>`;
    },
  };
}

/** UEditor: `<td valign="middle" align="center" width="…" style="word-break: break-all;">` with styled spans. */
export function ueditorFlavor(random: Random): HtmlFlavor {
  return {
    tableOpen: () =>
      '<table width="100%" border="1" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">',
    cellAttrs: (c) =>
      ` valign="middle" align="center" width="${c.role === 'label' ? pick(random, ['220', '196']) : pick(random, ['60', '58', '47'])}" style="word-break: break-all; border-color: rgb(0, 0, 0);"`,
    cellInner: (c, escaped) =>
      escaped === '' && c.role !== 'label'
        ? '<br/>'
        : `<span style="font-family: 仿宋_GB2312, 仿宋; font-size: ${pick(random, ['14px', '16px'])};">${c.role === 'figure' && random() < 0.3 ? `&nbsp;${escaped}&nbsp;` : escaped}</span>`,
    paragraph: (text, block) => {
      if (block.kind === 'title')
        return `<p style="text-align: center;"><span style="font-size: 24px; font-family: 方正小标宋简体;">${text}</span></p>`;
      if (block.kind === 'heading')
        return `<p style="text-indent: 2em; line-height: 1.75em;"><span style="font-family: 黑体, SimHei; font-size: 16px;">${text}</span></p>`;
      return `<p style="${block.kind === 'paragraph' && block.align ? `text-align: ${block.align};` : 'text-indent: 2em;'} line-height: 1.75em;"><span style="font-family: 仿宋_GB2312, 仿宋; font-size: 16px;">${text}</span></p>`;
    },
  };
}

/** KindEditor and older editors: `<font>` tags, `<br>` inside cells, uppercase attributes. */
export function kindEditorFlavor(random: Random): HtmlFlavor {
  return {
    tableOpen: () =>
      '<TABLE style="BORDER-COLLAPSE: collapse" borderColor=#000000 cellSpacing=0 cellPadding=2 width="98%" border=1>',
    rowOpen: () => '<TR>',
    cellAttrs: (c) => (c.role === 'figure' ? ' align=center' : ''),
    cellInner: (c, escaped) => {
      const face = pick(random, ['仿宋_GB2312', '宋体']);
      if (c.role === 'figure') return `<FONT face=${face} size=2>${escaped}</FONT>`;
      return `<FONT face=${face} size=2>${escaped}</FONT>`;
    },
    paragraph: (text, block) =>
      block.kind === 'title'
        ? `<P align=center><FONT size=5><STRONG>${text}</STRONG></FONT></P>`
        : `<P${block.kind === 'paragraph' && block.align ? ` align=${block.align}` : ''}><FONT face=仿宋_GB2312 size=3>${block.kind === 'heading' ? `<STRONG>${text}</STRONG>` : `&nbsp;&nbsp;&nbsp;&nbsp;${text}`}</FONT></P>`,
    newline: '\r\n',
  };
}

/** TinyMCE: clean `<table style>` markup with `<p>` in every cell and header cells as `<th>` in a `<thead>`. */
export function tinymceFlavor(): HtmlFlavor {
  return {
    tableOpen: () => '<table style="border-collapse: collapse; width: 100%;" border="1">',
    th: true,
    thead: true,
    cellInner: (_c, escaped) => `<p>${escaped}</p>`,
  };
}

// ---------------------------------------------------------------- the page around the article

export interface PageParts {
  /** The `<title>`. */
  title: string;
  metas?: Record<string, string>;
  /** Inside `<head>` after the metas (styles, scripts). */
  head?: string;
  /** The portal's header, nav and breadcrumb. */
  top?: string;
  article: string;
  bottom?: string;
  /** Wrap the article in the portal's layout tables (nested this deep). */
  layoutDepth?: number;
}

export function htmlPage(parts: PageParts): string {
  const metas = Object.entries(parts.metas ?? {})
    .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`)
    .join('\n');
  let article = parts.article;
  for (let depth = 0; depth < (parts.layoutDepth ?? 0); depth++) {
    article = `<table width="${depth === 0 ? '100%' : '1000'}" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td width="20"></td><td valign="top" class="content${depth}">${article}</td><td width="20"></td></tr></table>`;
  }
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(parts.title)}</title>
${metas}
${parts.head ?? ''}
</head>
<body>
${parts.top ?? ''}
${article}
${parts.bottom ?? ''}
</body>
</html>
`;
}

/** A portal's header, nav and breadcrumb, and its footer (主办 is the portal's owner, not the report's agency). */
export function portalChrome(random: Random, site: string, crumbs: readonly string[]): { top: string; bottom: string } {
  const nav = ['首页', '政务公开', '政务服务', '互动交流', `走进${site.replace('人民政府', '')}`];
  const separator = pick(random, [' &gt; ', ' > ', '&nbsp;&gt;&nbsp;', ' » ', ' / ']);
  const top = `<div class="header"><div class="logo"><img src="/images/logo.png" alt="${escapeHtml(site)}"><span>${escapeHtml(site)}门户网站</span></div>
<div class="nav"><ul>${nav.map((item) => `<li><a href="#">${escapeHtml(item)}</a></li>`).join('')}</ul></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="location">当前位置：${crumbs.map((crumb) => `<a href="#">${escapeHtml(crumb)}</a>`).join(separator)}</div>`;
  const visits = Math.floor(random() * 5000);
  const bottom = `<div class="share">【打印本页】【关闭窗口】 浏览次数：<span id="hits">${visits}</span></div>
<div class="footer"><p>主办：${escapeHtml(site)}办公室&nbsp;&nbsp;承办：${escapeHtml(site.replace('人民政府', ''))}大数据发展中心</p>
<p>网站标识码：${3301000000 + Math.floor(random() * 99999)}&nbsp;&nbsp;备案号：浙ICP备${10000000 + Math.floor(random() * 8999999)}号-1&nbsp;&nbsp;公安机关备案号：${33010202000000 + Math.floor(random() * 99999)}</p>
<p>联系电话：0571-${80000000 + Math.floor(random() * 9999999)}&nbsp;&nbsp;建议使用1920×1080分辨率</p></div>`;
  return { top, bottom };
}
